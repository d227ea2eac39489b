/// Checks and converts single YAML values, recording type errors in a sink.
struct ValueReader {
    /// The sink problems go to.
    let sink: DiagnosticSink

    /// Records "'path' must be X, found Y".
    func wrongType(_ node: YAMLNode, path: String, expected: String) {
        sink.error("wrong-type", "'\(path)' must be \(expected), found \(NodeDescription.of(node))",
                   at: sink.location(of: node), field: path)
    }

    /// A non-null scalar's text, else a type error.
    private func scalar(_ node: YAMLNode, path: String, expected: String) -> String? {
        guard case .scalar(let text, _) = node.content, !node.isNull else {
            wrongType(node, path: path, expected: expected)
            return nil
        }
        return text
    }

    /// Any non-null scalar, as its text.
    func string(_ node: YAMLNode, path: String) -> Located<String>? {
        scalar(node, path: path, expected: "a string").map { Located($0, at: sink.location(of: node)) }
    }

    /// A plain integer.
    func int(_ node: YAMLNode, path: String) -> Located<Int>? {
        guard scalar(node, path: path, expected: "an integer") != nil else { return nil }
        guard let value = ScalarText.int(node) else {
            wrongType(node, path: path, expected: "an integer")
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// A plain `true` or `false`.
    func bool(_ node: YAMLNode, path: String) -> Located<Bool>? {
        guard scalar(node, path: path, expected: "true or false") != nil else { return nil }
        guard let value = ScalarText.bool(node) else {
            wrongType(node, path: path, expected: "true or false")
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// A duration such as `5m`, `1h`, `30d`.
    func duration(_ node: YAMLNode, path: String) -> Located<TokenDuration>? {
        let expected = FieldType.duration.noun
        guard let text = scalar(node, path: path, expected: expected) else { return nil }
        guard let value = TokenDuration(parsing: text) else {
            wrongType(node, path: path, expected: expected)
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// One of the enumeration's values (or aliases, normalised).
    func enumeration<E: ManifestEnum>(_ node: YAMLNode, path: String, as type: E.Type) -> Located<E>? {
        guard let text = scalar(node, path: path, expected: "a string") else { return nil }
        if let value = E(rawValue: text) ?? E.aliases[text] { return Located(value, at: sink.location(of: node)) }
        let allowed = E.allCases.map(\.rawValue)
        sink.error("invalid-value",
                   "'\(text)' is not a valid value for '\(path)': expected one of \(allowed.joined(separator: ", "))"
                       + Suggestion.hint(for: text, among: allowed),
                   at: sink.location(of: node), field: path)
        return nil
    }

    /// A mapping of scalar keys to non-null scalar values; `problem` finds what is wrong with an entry (nil: nothing),
    /// reported at the entry's key as `invalid-value` and the entry left out.
    func stringMap(_ node: YAMLNode, path: String,
                   problem: (_ key: String, _ value: String) -> String? = { _, _ in nil }) -> Located<[String: String]>? {
        guard case .mapping(let entries) = node.content else {
            wrongType(node, path: path, expected: "a mapping of strings")
            return nil
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard let key = entry.key.scalarText else {
                wrongType(entry.key, path: path, expected: "a mapping with string keys")
                continue
            }
            guard let text = string(entry.value, path: "\(path).\(key)") else { continue }
            if let problem = problem(key, text.value) {
                sink.error("invalid-value", "'\(path).\(key)': \(problem)", at: sink.location(of: entry.key),
                           field: "\(path).\(key)")
                continue
            }
            result[key] = text.value
        }
        return Located(result, at: sink.location(of: node))
    }

    /// A mapping checked against `fields`.
    func mapping(_ node: YAMLNode, path: String, fields: [FieldSpec]) -> MappingReader? {
        guard case .mapping(let entries) = node.content else {
            wrongType(node, path: path, expected: "a mapping")
            return nil
        }
        return MappingReader(entries, node: node, path: path, fields: fields, sink: sink)
    }
}
