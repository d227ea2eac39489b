import Foundation

/// An IAM policy document compared the way IAM means it, not the way it is spelled: IAM returns documents
/// URL-encoded and may reorder keys or turn a one-element list into a string, none of which is a change.
public struct PolicyDocument: Sendable, Equatable, CustomStringConvertible {
    /// The document in canonical form.
    public let canonical: JSONValue

    /// Errors reading a policy document.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The text is not a JSON object (even after URL-decoding).
        case notJSON(String)

        /// Stable error code.
        public var code: String { "iam.invalidPolicyDocument" }

        /// What went wrong.
        public var description: String {
            switch self {
            case let .notJSON(reason): return "policy document is not a JSON object: \(reason)"
            }
        }
    }

    /// Parses `text`, which may be URL-encoded as IAM returns it (`%7B%22Version%22…`).
    public init(text: String) throws {
        let encoded = text.hasPrefix("%") || text.utf8.contains("%22".utf8)
        let decoded = encoded ? (PolicyDocument.percentDecoded(text) ?? text) : text
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Data(decoded.utf8))
        } catch {
            throw Failure.notJSON(String(describing: error))
        }
        guard case .object = value else { throw Failure.notJSON("top level is not an object") }
        canonical = PolicyDocument.canonicalize(value, key: nil)
    }

    /// `text` with each `%XX` escape decoded, the bytes read as UTF-8; nil when a `%` is not followed by two hex
    /// digits or the bytes are not UTF-8. Foundation's `removingPercentEncoding` answers the same (the tests compare
    /// them), without going through Foundation.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var rest = text.utf8.makeIterator()
        while let byte = rest.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = rest.next().flatMap(hexDigit), let low = rest.next().flatMap(hexDigit) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of an ASCII hex digit (either case).
    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Creates a document from a JSON value.
    public init(_ value: JSONValue) {
        canonical = PolicyDocument.canonicalize(value, key: nil)
    }

    /// Compact JSON with sorted keys, as sent to IAM.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(canonical) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON text.
    public var description: String { json }

    /// Keys whose value IAM treats as a set: a single string and a one-element list mean the same, order does not count.
    private static let setValuedKeys: Set<String> = [
        "Action", "NotAction", "Resource", "NotResource", "Service", "AWS", "Federated", "CanonicalUser",
    ]

    /// Rewrites `value` so that equivalent documents are equal: set-valued members become sorted lists,
    /// `Statement` becomes a list, and condition values become sorted lists.
    private static func canonicalize(_ value: JSONValue, key: String?) -> JSONValue {
        if key == "Statement", case .object = value {
            return .array([canonicalize(value, key: nil)])
        }
        switch value {
        case let .object(members):
            var result: [String: JSONValue] = [:]
            for (name, member) in members {
                result[name] = canonicalize(member, key: name)
            }
            if key.map(conditionOperatorLike) == true {
                return .object(result.mapValues(setValued))
            }
            return .object(result)
        case let .array(elements):
            let mapped = elements.map { canonicalize($0, key: nil) }
            return key.map(setValuedKeys.contains) == true ? setValued(.array(mapped)) : .array(mapped)
        case .string, .bool, .number, .null:
            return key.map(setValuedKeys.contains) == true ? setValued(value) : value
        }
    }

    /// A condition operator block such as `StringEquals`: its values are sets too.
    private static func conditionOperatorLike(_ key: String) -> Bool {
        key.hasPrefix("String") || key.hasPrefix("Arn") || key.hasPrefix("Numeric") || key.hasPrefix("Date")
            || key.hasPrefix("Bool") || key.hasPrefix("IpAddress") || key.hasPrefix("NotIpAddress")
            || key.hasPrefix("ForAllValues") || key.hasPrefix("ForAnyValue") || key == "Null"
    }

    /// A sorted list of the value's scalar elements (a scalar becomes a one-element list).
    private static func setValued(_ value: JSONValue) -> JSONValue {
        let elements: [JSONValue]
        if case let .array(items) = value { elements = items } else { elements = [value] }
        return .array(elements.sorted { sortKey($0) < sortKey($1) })
    }

    /// A string that orders JSON scalars deterministically.
    private static func sortKey(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): return "s" + text
        case let .number(number): return "n" + String(number)
        case let .bool(flag): return "b" + String(flag)
        default: return "z"
        }
    }
}
