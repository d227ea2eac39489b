/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    /// The manifests cannot be applied as written.
    case error
    /// The manifests are valid but likely to cause trouble.
    case warning
}

/// One problem found in the manifests, with where it is.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// Stable machine-readable code, e.g. `unknown-field`.
    public var code: String
    /// Human-readable explanation.
    public var message: String
    /// Where the problem is; nil for problems that belong to no file (e.g. a missing directory).
    public var location: SourceLocation?
    /// Dotted path of the field concerned (`spec.passwordPolicy.minimumLength`), when there is one.
    public var field: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
                field: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.field = field
    }

    /// An error diagnostic.
    public static func error(_ code: String, _ message: String, at location: SourceLocation?,
                             field: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, field: field)
    }

    /// A warning diagnostic.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation?,
                               field: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, field: field)
    }

    /// `path:line:column: error: message` (or `path: error: message` without a position).
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }

    /// Orders by file, line, column, then code and message so output is deterministic.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default: return (lhs.code, lhs.message) < (rhs.code, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    /// Number of errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
}
