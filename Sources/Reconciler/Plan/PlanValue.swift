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

    /// Decodes natural JSON: null, a boolean, a number, a string, a list or a map, tried in that order (as
    /// `JSONValue` does); the string `"(sensitive)"` decodes to `sensitive`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = value == Self.sensitiveMarker ? .sensitive : .string(value)
        } else if let values = try? container.decode([PlanValue].self) {
            self = .list(values)
        } else {
            self = .map(try container.decode([String: PlanValue].self))
        }
    }

    /// Encodes as natural JSON; `sensitive` becomes the string `"(sensitive)"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .list(values): try container.encode(values)
        case let .map(members): try container.encode(members)
        case .sensitive: try container.encode(Self.sensitiveMarker)
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
