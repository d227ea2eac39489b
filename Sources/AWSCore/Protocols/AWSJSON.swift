import Foundation

/// The JSON coders of the AWS JSON 1.0/1.1 protocols.
///
/// Swift types use camelCase properties; AWS members are PascalCase. The encoder upper-cases the first letter of
/// every key and the decoder lower-cases it, so `userPoolId` ⇄ `UserPoolId` needs no `CodingKeys`.
/// Members whose name does not follow that rule (a leading acronym such as `ISOCountryCode`, or `SMSMfaSettings`)
/// need `CodingKeys` whose raw value is the AWS name with only its first letter lower-cased:
/// `case isoCountryCode = "iSOCountryCode"`. Keys of `[String: T]` dictionaries (tags, attributes) are data and are
/// never converted. Dates are epoch seconds (Cognito and SMS Voice send numbers such as `1.7e9`); nil optionals are
/// omitted. Each access returns a new coder, so callers may not change a shared one.
public enum AWSJSON {
    /// Encoder for request bodies: PascalCase keys, epoch-second dates, sorted keys (stable bodies).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in
            PascalCaseKey(path.last.map { changingFirstLetter(of: $0.stringValue, upper: true) } ?? "")
        }
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Decoder for response bodies: PascalCase AWS keys to camelCase properties, epoch-second dates.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            PascalCaseKey(path.last.map { changingFirstLetter(of: $0.stringValue, upper: false) } ?? "")
        }
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    /// `name` with its first character upper-cased (`upper`) or lower-cased.
    static func changingFirstLetter(of name: String, upper: Bool) -> String {
        guard let first = name.first else { return name }
        let head = upper ? first.uppercased() : first.lowercased()
        return head + name.dropFirst()
    }
}

/// A coding key produced by the AWS key strategies.
struct PascalCaseKey: CodingKey {
    /// The converted key.
    var stringValue: String
    /// Never an integer key.
    var intValue: Int? { nil }

    /// Creates a key from its text.
    init(_ stringValue: String) { self.stringValue = stringValue }
    /// Creates a key from its text.
    init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not used by the strategies.
    init?(intValue: Int) { nil }
}

/// The output of an operation that answers `{}` (or an empty body).
public struct EmptyOutput: Codable, Sendable, Equatable {
    /// Creates the empty output (also usable as an empty input).
    public init() {}
}
