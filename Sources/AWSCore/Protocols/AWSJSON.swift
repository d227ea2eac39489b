import Foundation

/// The JSON coding of the AWS JSON 1.0/1.1 protocols.
///
/// Swift types use camelCase properties; AWS members are PascalCase. The encoder upper-cases the first letter of
/// every key and `decode` lower-cases it, so `userPoolId` ⇄ `UserPoolId` needs no `CodingKeys`.
/// Members whose name does not follow that rule (a leading acronym such as `ISOCountryCode`, or `SMSMfaSettings`)
/// need `CodingKeys` whose raw value is the AWS name with only its first letter lower-cased:
/// `case isoCountryCode = "iSOCountryCode"`. Keys of `[String: T]` dictionaries (tags, attributes) are data and are
/// never converted. Dates are epoch seconds (Cognito and SMS Voice send numbers such as `1.7e9`); nil optionals are
/// omitted. Each access to `encoder` returns a new one, so callers may not change a shared one.
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

    /// Decodes a response body: PascalCase AWS keys to camelCase properties, epoch-second dates.
    ///
    /// Reads the body with `JSONReader` and decodes the tree with `JSONTreeDecoder`; it refuses what RFC 8259
    /// refuses. Errors are `DecodingError`s (malformed JSON is `dataCorrupted` with the `JSONReadError` beneath).
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        try JSONTreeDecoder.decode(type, from: body, rules: .aws)
    }

    /// `name` with its first character upper-cased (`upper`) or lower-cased.
    static func changingFirstLetter(of name: String, upper: Bool) -> String {
        guard let first = name.first else { return name }
        let head = upper ? first.uppercased() : first.lowercased()
        return head + name.dropFirst()
    }

    /// `members` keyed by `changingFirstLetter(of:upper: false)` of their keys. An ASCII first letter is converted
    /// in place, without the general Unicode path. Should two keys convert alike (`A` and `a`), the one that needed
    /// no conversion wins.
    static func lowerCasingFirstLetters(_ members: [String: JSONValue]) -> [String: JSONValue] {
        var converted = [String: JSONValue](minimumCapacity: members.count)
        for (key, value) in members {
            let name = lowerCasingFirstLetter(of: key)
            if name == key || converted.index(forKey: name) == nil { converted[name] = value }
        }
        return converted
    }

    /// `changingFirstLetter(of: name, upper: false)`, quicker when `name` starts with ASCII. A grapheme that starts
    /// with an ASCII scalar lower-cases like that scalar (what may follow it in a grapheme has no lower case).
    static func lowerCasingFirstLetter(of name: String) -> String {
        guard let first = name.utf8.first, first < 0x80 else { return changingFirstLetter(of: name, upper: false) }
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return name }
        return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
            _ = buffer.initialize(fromContentsOf: name.utf8)
            buffer[0] = first + 0x20
            return name.utf8.count
        }
    }
}

/// A coding key produced by the encoder's key strategy.
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
