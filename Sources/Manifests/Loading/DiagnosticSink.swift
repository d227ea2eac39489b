import Yams

/// Collects the diagnostics of one file while it is read, and turns Yams marks into locations.
final class DiagnosticSink {
    /// The file as shown to the user.
    let file: String
    /// Diagnostics found so far.
    private(set) var diagnostics: [Diagnostic] = []

    /// Creates a sink for `file`.
    init(file: String) {
        self.file = file
    }

    /// The location of `node` (1:1 when Yams gives none).
    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// A location in this file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Records an error.
    func error(_ code: String, _ message: String, at location: SourceLocation, field: String? = nil) {
        diagnostics.append(.error(code, message, at: location, field: field))
    }
}

/// Describes what a YAML node is, for "found ..." in type errors.
enum NodeDescription {
    /// "a mapping", "a list", "null" or the quoted scalar text (shortened).
    static func of(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if ScalarText.isNull(scalar) { return "null" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "..." : scalar.string
            return "'\(text)'"
        }
    }
}

/// Reads YAML scalars by their text, ignoring YAML 1.1 implicit typing (so `ON` or `NO` stay strings).
enum ScalarText {
    /// Whether the scalar is an implicit null (`~`, `null`, or nothing).
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The boolean a plain `true`/`false` scalar spells, else nil.
    static func bool(_ scalar: Node.Scalar) -> Bool? {
        guard scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer a plain decimal scalar spells, else nil.
    static func int(_ scalar: Node.Scalar) -> Int? {
        guard scalar.style == .plain else { return nil }
        let text = scalar.string
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
