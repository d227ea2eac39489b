/// One node of a composed YAML document, as the manifest reader needs it: scalars keep their text and whether they
/// were written plain (so `"3600"` stays a string), and every node keeps its 1-based line and column.
///
/// A class, so passing nodes around while reading a document costs one reference count, not a copy of the subtree.
final class YAMLNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        /// A scalar's text; `plain` when written without quotes or a block indicator.
        case scalar(String, plain: Bool)
        /// A sequence's items.
        case sequence([YAMLNode])
        /// A mapping's entries, in document order.
        case mapping([YAMLEntry])
    }

    /// What the node holds.
    let content: Content
    /// 1-based line of the node's first character (its anchor or tag when it has one).
    let line: Int
    /// 1-based column of the node's first character.
    let column: Int

    /// Creates a node.
    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The scalar's text, nil for collections.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is an implicit null: a plain `~`, `null`, `Null`, `NULL` or nothing.
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = content else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// One key and value of a YAML mapping.
struct YAMLEntry: Sendable {
    /// The key node.
    let key: YAMLNode
    /// The value node.
    let value: YAMLNode
}
