import AWSServices
import Manifests

/// What `MfaPolicyHandler` reads for one pool: its MFA configuration and the pool itself (device tracking lives in
/// the pool's `DeviceConfiguration`; the user count feeds the "every user must enroll" warning).
struct MfaPolicyLive: Sendable, Equatable {
    /// GetUserPoolMfaConfig's answer, verbatim.
    let mfaConfig: JSONValue
    /// DescribeUserPool's answer.
    let pool: UserPoolDescription

    /// Creates the live state.
    init(mfaConfig: JSONValue, pool: UserPoolDescription) {
        self.mfaConfig = mfaConfig
        self.pool = pool
    }

    /// `OFF`, `OPTIONAL` or `ON` (GetUserPoolMfaConfig's, else the pool's; OFF when neither says).
    var mode: MfaMode {
        let text = mfaConfig["MfaConfiguration"]?.stringValue ?? pool.mfaConfiguration ?? MfaMode.off.rawValue
        return MfaMode(rawValue: text) ?? .off
    }

    /// Whether SMS is an MFA factor: MFA is not OFF and SMS MFA is configured.
    var smsEnabled: Bool { mode != .off && mfaConfig["SmsMfaConfiguration"]?.objectValue != nil }

    /// The SMS MFA message, when one is set.
    var smsMessage: String? { mfaConfig["SmsMfaConfiguration"]?["SmsAuthenticationMessage"]?.stringValue }

    /// Whether TOTP is an MFA factor: MFA is not OFF and software tokens are enabled.
    var totpEnabled: Bool {
        mode != .off && mfaConfig["SoftwareTokenMfaConfiguration"]?["Enabled"]?.boolValue == true
    }

    /// Device remembering as the pool's `DeviceConfiguration` means it (DeviceConfigurationType in the cognito-idp
    /// model: a value for any of its properties turns remembering on): no property set → Never;
    /// `DeviceOnlyRememberedOnUserPrompt` true → UserOptIn, false → Always.
    var remember: DeviceRemembering {
        let configuration = pool.raw["DeviceConfiguration"]?.objectValue ?? [:]
        let prompt = configuration["DeviceOnlyRememberedOnUserPrompt"]?.boolValue
        let challenge = configuration["ChallengeRequiredOnNewDevice"]?.boolValue
        if prompt == nil, challenge == nil { return .never }
        return prompt == true ? .userOptIn : .always
    }

    /// Whether remembered devices may skip the second factor: `ChallengeRequiredOnNewDevice` (see
    /// `MfaPolicyFields` for the source of this mapping).
    var bypassMfaOnRememberedDevices: Bool {
        pool.raw["DeviceConfiguration"]?["ChallengeRequiredOnNewDevice"]?.boolValue == true
    }
}

/// Errors of `MfaPolicyHandler` besides AWS's own.
enum MfaPolicyError: ReconcileError, Equatable, CustomStringConvertible {
    /// The pool's id is not known, or the pool is gone.
    case poolUnknown(ResourceAddress)
    /// SMS MFA is asked for on a pool without an SMS configuration.
    case noSmsConfiguration(ResourceAddress, poolId: String)
    /// MFA ON or OPTIONAL with no factor enabled.
    case noFactor(ResourceAddress)
    /// A create or update was asked for without an MfaPolicy manifest.
    case noManifest(ResourceAddress)

    /// Stable error code.
    var code: String {
        switch self {
        case .poolUnknown: "mfaPolicy.poolUnknown"
        case .noSmsConfiguration: "mfaPolicy.noSmsConfiguration"
        case .noFactor: "mfaPolicy.noFactor"
        case .noManifest: "mfaPolicy.noManifest"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// Only a pool not known yet may appear by the next run; the others need a manifest change.
    var isRetryable: Bool {
        if case .poolUnknown = self { return true }
        return false
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .poolUnknown(address):
            "\(address): its user pool does not exist or its id is not known; apply the UserPool it names first"
        case let .noSmsConfiguration(address, poolId):
            "\(address): SMS MFA needs an SMS configuration on user pool \(poolId); set the UserPool's smsRole (or smsRoleArn and smsExternalId)"
        case let .noFactor(address):
            "\(address): MFA ON or OPTIONAL needs at least one factor; set sms.enabled or totp.enabled to true"
        case let .noManifest(address):
            "\(address): applying an MFA policy needs its MfaPolicy manifest"
        }
    }
}
