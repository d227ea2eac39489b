/// Collects the diagnostics of one file while it is read, and turns node positions into locations.
final class DiagnosticSink {
    /// The file as shown to the user.
    let file: String
    /// Diagnostics found so far.
    private(set) var diagnostics: [Diagnostic] = []

    /// Creates a sink for `file`.
    init(file: String) {
        self.file = file
    }

    /// The location of `node`.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
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
    static func of(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _):
            if node.isNull { return "null" }
            return text.count > 40 ? "'\(text.prefix(40))...'" : "'\(text)'"
        }
    }
}

/// Reads plain YAML scalars by their text, ignoring YAML 1.1 implicit typing (so `ON` or `NO` stay strings), and
/// quoted scalars only as strings (so `"3600"` is not an integer).
enum ScalarText {
    /// The boolean a plain `true`/`false` scalar spells, else nil.
    static func bool(_ node: YAMLNode) -> Bool? {
        guard case .scalar(let text, plain: true) = node.content else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer a plain decimal scalar spells, else nil.
    static func int(_ node: YAMLNode) -> Int? {
        guard case .scalar(let text, plain: true) = node.content else { return nil }
        let digits = text.utf8.first == UInt8(ascii: "-") || text.utf8.first == UInt8(ascii: "+")
            ? text.utf8.dropFirst() : Substring(text).utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }
}
