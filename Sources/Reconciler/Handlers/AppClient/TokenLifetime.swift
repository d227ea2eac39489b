import AWSServices
import Manifests

/// One app client token lifetime as AWS stores it (`AccessTokenValidity` + `TokenValidityUnits.AccessToken`),
/// compared as a length of time: 60 minutes and 1 hour are the same lifetime.
struct TokenLifetime: Equatable, Sendable {
    /// Which token, with its AWS member names and the defaults of the UpdateUserPoolClient reference.
    enum Token: String, CaseIterable, Sendable {
        case accessToken, idToken, refreshToken

        /// `AccessTokenValidity`, `IdTokenValidity`, `RefreshTokenValidity`.
        var validityMember: String {
            switch self {
            case .accessToken: "AccessTokenValidity"
            case .idToken: "IdTokenValidity"
            case .refreshToken: "RefreshTokenValidity"
            }
        }

        /// The member of `TokenValidityUnits`.
        var unitMember: String {
            switch self {
            case .accessToken: "AccessToken"
            case .idToken: "IdToken"
            case .refreshToken: "RefreshToken"
            }
        }

        /// The unit AWS assumes when `TokenValidityUnits` leaves this token out: hours for access and ID tokens,
        /// days for refresh tokens.
        var defaultUnit: String { self == .refreshToken ? "days" : "hours" }

        /// The lifetime a client has when the value is absent (1 hour, 1 hour, 30 days); AWS also turns a
        /// refresh token validity of 0 into 30 days.
        var defaultSeconds: Int { self == .refreshToken ? 30 * 86_400 : 3_600 }
    }

    /// The length in seconds.
    let seconds: Int

    /// Seconds in one of AWS's `TimeUnitsType` units.
    static func seconds(inUnit unit: String) -> Int? {
        switch unit {
        case "seconds": 1
        case "minutes": 60
        case "hours": 3_600
        case "days": 86_400
        default: nil
        }
    }

    /// The manifest's duration.
    init(_ duration: TokenDuration) {
        seconds = duration.totalMinutes * 60
    }

    /// The live lifetime of `token` in a client description (AWS's defaults when absent).
    init(_ token: Token, in raw: [String: JSONValue]) {
        let unit = raw["TokenValidityUnits"]?[token.unitMember]?.stringValue ?? token.defaultUnit
        guard let value = raw[token.validityMember]?.intValue, value > 0,
              let unitSeconds = Self.seconds(inUnit: unit) else {
            seconds = token.defaultSeconds
            return
        }
        seconds = value * unitSeconds
    }

    /// The shortest exact text: `30d`, `1h`, `90m`, or `45s` for a live value set in seconds out of band.
    var text: String {
        if seconds > 0, seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds > 0, seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// The value sent to AWS, always in minutes (every manifest duration is whole minutes).
    var minutes: Int { seconds / 60 }
}
