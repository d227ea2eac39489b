import Foundation

/// An immutable XML element tree, enough to read AWS query-protocol responses.
/// Namespaces are ignored (names are as written); `text` is the element's own character data, and is empty for
/// elements whose only character data is whitespace between children.
public struct XMLElement: Sendable, Equatable {
    /// Element name, e.g. `GetRoleResult`.
    public var name: String
    /// Character data directly inside the element, entities decoded.
    public var text: String
    /// Child elements in document order.
    public var children: [XMLElement]

    /// Creates an element.
    public init(name: String, text: String = "", children: [XMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a whole document and returns its root element.
    public static func parse(_ data: Data) throws(XMLParseError) -> XMLElement {
        try XMLReader.read(data)
    }

    /// The first child called `name`.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child called `name`, in order.
    public func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The element reached by following `path` through first matching children (self for an empty path).
    public func element(_ path: [String]) -> XMLElement? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// The text of the element at `path`, e.g. `value("Role", "Arn")`; nil when an element on the path is missing.
    public func value(_ path: String...) -> String? {
        element(path)?.text
    }

    /// The `<member>` children of the element at `path` (empty when the path is missing).
    public func members(_ path: String...) -> [XMLElement] {
        element(path)?.children("member") ?? []
    }
}

/// The response body is not well-formed XML.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `MalformedXML`.
    public var code: String { "MalformedXML" }
    /// Line of the failure (1-based; LF, CR LF and a lone CR end a line).
    public var line: Int
    /// Column of the failure (1-based, in Unicode scalars).
    public var column: Int
    /// What is wrong, in words.
    public var reason: String

    /// Creates a parse error.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `MalformedXML at line:column: reason`.
    public var description: String { "\(code) at \(line):\(column): \(reason)" }
}
