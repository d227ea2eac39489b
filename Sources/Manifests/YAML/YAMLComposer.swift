/// Composes YAML text into `YAMLNode` documents from libyaml's event stream.
///
/// A general YAML library's `compose` (Yams', measured) builds a `Node` per value with a tag object and copies whole subtrees as values, and hashes every
/// mapping's keys to find duplicates; for manifests, which read scalars by their text, that was a third of the time of
/// validating a large directory. This composer keeps only what the reader uses, and refuses what could make loading
/// explode before building it: anchors and aliases (expansion bombs such as "billion laughs") and nesting deeper than
/// `maxDepth` levels. A duplicate key is reported where it is repeated.
enum YAMLComposer {
    /// Deepest nesting of mappings and sequences accepted (the document's own mapping is level 1).
    static let maxDepth = 64

    /// Composes every document of `bytes` (valid UTF-8), handing each root to `document` in order. Returns the problem
    /// that stopped composing, if any; the documents before it have been handed over.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>, document: (YAMLNode) -> Void) -> YAMLProblem? {
        guard !bytes.isEmpty else { return nil }
        let stream = YAMLEventStream(bytes)
        do {
            while let root = try nextDocument(stream) { document(root) }
            return nil
        } catch {
            return error
        }
    }

    /// The root of the next document, nil at the end of the stream.
    private static func nextDocument(_ stream: YAMLEventStream) throws(YAMLProblem) -> YAMLNode? {
        var event = try stream.next()
        if case .streamStart = event.kind { event = try stream.next() }
        guard case .documentStart = event.kind else { return nil }
        let root = try node(from: stream.next(), stream, depth: 1)
        _ = try stream.next()
        return root
    }

    /// The node that starts with `event`, reading the rest of it from the stream.
    private static func node(from event: YAMLEvent, _ stream: YAMLEventStream,
                             depth: Int) throws(YAMLProblem) -> YAMLNode {
        if event.anchored { throw refused("anchors", at: event) }
        switch event.kind {
        case let .scalar(text, plain):
            return YAMLNode(.scalar(text, plain: plain), line: event.line, column: event.column)
        case .alias:
            throw refused("aliases", at: event)
        case .sequenceStart:
            try checkDepth(depth, at: event)
            var items: [YAMLNode] = []
            while true {
                let next = try stream.next()
                if case .sequenceEnd = next.kind { break }
                items.append(try node(from: next, stream, depth: depth + 1))
            }
            return YAMLNode(.sequence(items), line: event.line, column: event.column)
        case .mappingStart:
            try checkDepth(depth, at: event)
            return try mapping(from: event, stream, depth: depth)
        default:
            throw YAMLProblem(code: "yaml-syntax", message: "invalid YAML: unexpected structure",
                              line: event.line, column: event.column)
        }
    }

    /// The mapping that starts with `event`, refusing a key written twice.
    private static func mapping(from event: YAMLEvent, _ stream: YAMLEventStream,
                                depth: Int) throws(YAMLProblem) -> YAMLNode {
        var entries: [YAMLEntry] = []
        var keys = KeySet()
        while true {
            let next = try stream.next()
            if case .mappingEnd = next.kind { break }
            let key = try node(from: next, stream, depth: depth + 1)
            let value = try node(from: stream.next(), stream, depth: depth + 1)
            if let text = key.scalarText, let first = keys.insert(text, line: key.line) {
                throw YAMLProblem(code: "duplicate-key", message: "duplicate key '\(text)': each key may appear only "
                                  + "once in a mapping (first at line \(first))", line: key.line, column: key.column)
            }
            entries.append(YAMLEntry(key: key, value: value))
        }
        return YAMLNode(.mapping(entries), line: event.line, column: event.column)
    }

    /// Refuses a collection nested deeper than `maxDepth`.
    private static func checkDepth(_ depth: Int, at event: YAMLEvent) throws(YAMLProblem) {
        guard depth > maxDepth else { return }
        throw YAMLProblem.tooDeep(line: event.line, column: event.column)
    }

    /// The "not allowed" problem for anchors or aliases.
    private static func refused(_ what: String, at event: YAMLEvent) -> YAMLProblem {
        YAMLProblem(code: "yaml-alias", message: "YAML \(what) are not allowed in manifests (anchors and aliases can "
                    + "expand without bound); write the value out", line: event.line, column: event.column)
    }
}

/// The scalar keys of one mapping with the line of each, searched linearly while few (the usual case) and through a
/// dictionary once there are many, so a mapping of thousands of keys is not quadratic.
private struct KeySet {
    /// Keys and lines while few.
    private var few: [(key: String, line: Int)] = []
    /// Keys and lines once many.
    private var many: [String: Int]?

    /// Adds `key`; returns the line of the earlier occurrence instead when it is already there.
    mutating func insert(_ key: String, line: Int) -> Int? {
        if many != nil {
            if let first = many?[key] { return first }
            many?[key] = line
            return nil
        }
        if let first = few.first(where: { $0.key == key }) { return first.line }
        few.append((key, line))
        if few.count > 16 { many = Dictionary(few.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first }) }
        return nil
    }
}
