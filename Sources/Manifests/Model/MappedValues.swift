/// The value of a mapped field (`MappedField`) as the manifest writes it.
public enum MappedScalar: Sendable, Equatable {
    /// An integer.
    case int(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// A string.
    case string(String)

    /// `text` (a YAML scalar, as catalog defaults are written) read as `type`; nil when it is not one.
    init?(parsing text: String, as type: FieldType) {
        switch type {
        case .integer: guard let number = Int(text) else { return nil }; self = .int(number)
        case .boolean: guard text == "true" || text == "false" else { return nil }; self = .bool(text == "true")
        case .string: self = .string(text)
        default: return nil
        }
    }

    /// The payload (`Int`, `Bool` or `String`).
    public var payload: any Sendable & Equatable {
        switch self {
        case .int(let number): number
        case .bool(let flag): flag
        case .string(let text): text
        }
    }
}

/// A Swift type a mapped value can be read as.
public protocol MappedScalarValue: Sendable, Equatable {
    /// The value of `scalar` when it is of this type.
    static func from(_ scalar: MappedScalar) -> Self?
}

extension Int: MappedScalarValue {
    public static func from(_ scalar: MappedScalar) -> Int? { if case .int(let number) = scalar { number } else { nil } }
}

extension Bool: MappedScalarValue {
    public static func from(_ scalar: MappedScalar) -> Bool? { if case .bool(let flag) = scalar { flag } else { nil } }
}

extension String: MappedScalarValue {
    public static func from(_ scalar: MappedScalar) -> String? { if case .string(let text) = scalar { text } else { nil } }
}

/// The values a manifest writes for its kind's mapped fields, by path under `spec` (`passwordPolicy.minimumLength`),
/// with the mappings written (`passwordPolicy: {}` manages nothing but is written). Only what the manifest sets.
public struct MappedValues: Sendable, Equatable {
    /// The kind's table.
    public let fields: [MappedField]
    /// The values written, by path.
    public private(set) var values: [String: Located<MappedScalar>] = [:]
    /// The mappings written (`passwordPolicy`), by name.
    public private(set) var groups: [String: SourceLocation] = [:]

    /// No values yet, for `fields`.
    public init(fields: [MappedField]) { self.fields = fields }

    /// Records the value at `path` (a spec built in code).
    public mutating func set(_ path: String, _ value: Located<MappedScalar>) { values[path] = value }

    /// Records that the mapping `name` is written.
    mutating func setGroup(_ name: String, at location: SourceLocation) { groups[name] = location }

    /// The value at `path`, if written.
    public subscript(path: String) -> Located<MappedScalar>? { values[path] }

    /// The value at `path` as a `T`, if written and of that type.
    public func value<T: MappedScalarValue>(_ path: String, as type: T.Type = T.self) -> Located<T>? {
        values[path].flatMap { located in T.from(located.value).map { Located($0, at: located.location) } }
    }

    /// Compares the values written (not where) and the mappings written with where they start, as the spec's own
    /// structs did; not the tables (one per kind).
    public static func == (lhs: MappedValues, rhs: MappedValues) -> Bool {
        lhs.values == rhs.values && lhs.groups == rhs.groups
    }
}
