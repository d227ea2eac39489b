/// A label selector in `kubectl` syntax (`--selector`): requirements joined by commas, all of which must hold.
///
/// `app=x` and `app==x` (label present and equal), `tier!=y` (absent or different), `env in (a,b)` (present and one
/// of), `env notin (a,b)` (absent or none of), `key` (present), `!key` (absent). Parsed by `LabelSelectorParser`.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// The requirements, in the order written.
    public let requirements: [LabelRequirement]

    /// Parses `text`; throws `LabelSelectorError` naming the column and what was expected.
    public init(parsing text: String) throws(LabelSelectorError) {
        var parser = LabelSelectorParser(text)
        requirements = try parser.parse()
    }

    /// Whether `labels` satisfy every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// The ids of the `manifests` whose `metadata.labels` match.
    public func selecting(_ manifests: [Manifest]) -> Set<ResourceID> {
        Set(manifests.filter { matches($0.metadata.labels) }.map(\.id))
    }

    /// The selector in canonical form (`app=x,env in (a,b)`).
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }
}

/// One requirement of a `LabelSelector`.
public enum LabelRequirement: Sendable, Equatable, CustomStringConvertible {
    /// `key=value` or `key==value`.
    case equals(String, String)
    /// `key!=value`.
    case notEquals(String, String)
    /// `key in (values)`.
    case isIn(String, [String])
    /// `key notin (values)`.
    case notIn(String, [String])
    /// `key`.
    case exists(String)
    /// `!key`.
    case doesNotExist(String)

    /// Whether `labels` satisfy the requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        switch self {
        case .equals(let key, let value): labels[key] == value
        case .notEquals(let key, let value): labels[key] != value
        case .isIn(let key, let values): labels[key].map(values.contains) ?? false
        case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
        case .exists(let key): labels[key] != nil
        case .doesNotExist(let key): labels[key] == nil
        }
    }

    /// The requirement as written in canonical form.
    public var description: String {
        switch self {
        case .equals(let key, let value): "\(key)=\(value)"
        case .notEquals(let key, let value): "\(key)!=\(value)"
        case .isIn(let key, let values): "\(key) in (\(values.joined(separator: ",")))"
        case .notIn(let key, let values): "\(key) notin (\(values.joined(separator: ",")))"
        case .exists(let key): key
        case .doesNotExist(let key): "!\(key)"
        }
    }
}

/// Why a `--selector` could not be parsed: the selector, the 1-based column, what was expected and what was found.
public struct LabelSelectorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The selector as given.
    public let selector: String
    /// 1-based column of the problem (one past the end when the selector ended too early).
    public let column: Int
    /// What the parser expected there, e.g. `a label key`.
    public let expected: String
    /// What it found, e.g. `','` or `the end`.
    public let found: String

    /// Stable machine-readable code.
    public var code: String { "selector.syntax" }

    /// `--selector 'app=,x': column 5: expected a label key, found ','`.
    public var description: String {
        "--selector '\(selector)': column \(column): expected \(expected), found \(found)"
    }
}
