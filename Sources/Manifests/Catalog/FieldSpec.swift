/// The type of a manifest field, as the reader checks it and the JSON Schema describes it.
public indirect enum FieldType: Sendable, Equatable {
    /// A string.
    case string
    /// An integer, optionally bounded (inclusive).
    case integer(minimum: Int?, maximum: Int?)
    /// `true` or `false`.
    case boolean
    /// A token lifetime such as `5m`, `1h`, `30d`.
    case duration
    /// One of the listed strings; `aliases` are also accepted (normalised by the reader).
    case enumeration(values: [String], aliases: [String])
    /// A list of values of one type.
    case list(FieldType)
    /// A mapping of string keys to string values (tags, labels).
    case stringMap
    /// A mapping with the listed fields only.
    case object([FieldSpec])
    /// A mapping of string keys to a string or a list of strings (a `Registration`'s field values by AWS path).
    case textOrChoicesMap

    /// The enumeration of a `ManifestEnum` type.
    static func enumeration<E: ManifestEnum>(_ type: E.Type) -> FieldType {
        .enumeration(values: E.allCases.map(\.rawValue), aliases: E.aliases.keys.sorted())
    }

    /// An integer bounded only by `exactIntegers`.
    static let integer = FieldType.integer(minimum: nil, maximum: nil)

    /// The integers every integer field is kept within, whatever its own bounds: those a JSON number (a `Double`)
    /// holds exactly, so that the plan, the status files and the JSON Schema show the very number AWS is sent.
    public static let exactIntegers: ClosedRange<Int> = -9_007_199_254_740_991...9_007_199_254_740_991

    /// The bounds an `.integer(minimum:maximum:)` field is checked against: its own within `exactIntegers`.
    static func integerBounds(minimum: Int?, maximum: Int?) -> ClosedRange<Int> {
        max(minimum ?? exactIntegers.lowerBound, exactIntegers.lowerBound)...min(maximum ?? exactIntegers.upperBound,
                                                                               exactIntegers.upperBound)
    }

    /// Words for messages: "a string", "a list", ...
    var noun: String {
        switch self {
        case .string, .enumeration: "a string"
        case .integer: "an integer"
        case .boolean: "true or false"
        case .duration: "a duration such as 5m, 1h or 30d"
        case .list: "a list"
        case .stringMap: "a mapping of strings"
        case .textOrChoicesMap: "a mapping of strings or lists of strings"
        case .object: "a mapping"
        }
    }
}

/// One field of a manifest mapping: name, type, whether it is required and what it means.
public struct FieldSpec: Sendable, Equatable {
    /// The key as written in YAML.
    public var name: String
    /// The value's type.
    public var type: FieldType
    /// Whether the field must be present.
    public var required: Bool
    /// One sentence for the JSON Schema and editors.
    public var description: String
    /// A regular expression (ECMA-262, as JSON Schema uses) the value must match, for string fields the
    /// schema can check; the validator enforces the same rule with its own code (see `SchemaPatterns`).
    public var pattern: String?
    /// What a change after creation does; nil only for entries not yet described (a test requires it everywhere).
    /// A mapping is `.perField` unless it says otherwise.
    public var mutability: FieldMutability?
    /// What leaving the field out means; nil for required fields and mappings (their fields say).
    public var defaultValue: FieldDefault?
    /// Where AWS holds the value, for a simple field (`MappedField`); nil for fields that need code.
    public internal(set) var aws: AWSMapping?

    /// Creates a field description.
    init(_ name: String, _ type: FieldType, required: Bool = false, pattern: String? = nil, _ description: String,
         _ mutability: FieldMutability? = nil, default defaultValue: FieldDefault? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.pattern = pattern
        self.description = description
        if case .object = type { self.mutability = mutability ?? .perField } else { self.mutability = mutability }
        self.defaultValue = defaultValue
    }

    /// The same field with another mutability (a shared field whose planner differs in one kind).
    func with(_ mutability: FieldMutability) -> FieldSpec {
        var copy = self
        copy.mutability = mutability
        return copy
    }
}
