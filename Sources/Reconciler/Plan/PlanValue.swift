import AWSServices

/// A small JSON-like value shown in a plan or a drift record.
///
/// `sensitive` stands for a value that must never be shown (client secrets, keys, one-time codes); it carries no
/// payload, so the secret cannot leak through a plan, a status file or a log. It renders as `(sensitive)` in text
/// and markdown and is the string `"(sensitive)"` in JSON (which decodes back to `sensitive`). Every other case
/// uses its natural JSON form.
public enum PlanValue: Hashable, Sendable, Codable {
    /// Absent or JSON null.
    case null
    /// A boolean.
    case bool(Bool)
    /// A number (integers are exact up to 2^53).
    case number(Double)
    /// A string.
    case string(String)
    /// An ordered list.
    case list([PlanValue])
    /// A map with string keys (rendered with sorted keys).
    case map([String: PlanValue])
    /// A secret; only ever rendered as `(sensitive)`.
    case sensitive

    /// The text every renderer shows for `sensitive`, and its JSON form.
    public static let sensitiveMarker = "(sensitive)"

    /// Decodes from natural JSON (through `JSONValue`); the string `"(sensitive)"` decodes to `sensitive`.
    public init(from decoder: any Decoder) throws {
        self = PlanValue(decodedJSON: try JSONValue(from: decoder))
    }

    /// Encodes as natural JSON (through `JSONValue`); `sensitive` becomes the string `"(sensitive)"`.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The JSON form: `sensitive` is the marker string, everything else its natural value.
    var json: JSONValue {
        switch self {
        case .null: .null
        case let .bool(value): .bool(value)
        case let .number(value): .number(value)
        case let .string(value): .string(value)
        case let .list(values): .array(values.map(\.json))
        case let .map(members): .object(members.mapValues(\.json))
        case .sensitive: .string(Self.sensitiveMarker)
        }
    }

    /// A value read back from plan or status JSON, where the marker string stands for `sensitive`.
    private init(decodedJSON json: JSONValue) {
        switch json {
        case let .string(value) where value == Self.sensitiveMarker: self = .sensitive
        case let .array(values): self = .list(values.map(PlanValue.init(decodedJSON:)))
        case let .object(members): self = .map(members.mapValues(PlanValue.init(decodedJSON:)))
        default: self = PlanValue(json)
        }
    }
}

extension PlanValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A whole number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A list.
    public init(arrayLiteral elements: PlanValue...) { self = .list(elements) }
    /// A map; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, PlanValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}
