import Yams

/// Checks and converts single YAML values, recording type errors in a sink.
struct ValueReader {
    /// The sink problems go to.
    let sink: DiagnosticSink

    /// Records "'path' must be X, found Y".
    func wrongType(_ node: Node, path: String, expected: String) {
        sink.error("wrong-type", "'\(path)' must be \(expected), found \(NodeDescription.of(node))",
                   at: sink.location(of: node), field: path)
    }

    /// A non-null scalar, else a type error.
    private func scalar(_ node: Node, path: String, expected: String) -> Node.Scalar? {
        guard case .scalar(let scalar) = node, !ScalarText.isNull(scalar) else {
            wrongType(node, path: path, expected: expected)
            return nil
        }
        return scalar
    }

    /// Any non-null scalar, as its text.
    func string(_ node: Node, path: String) -> Located<String>? {
        scalar(node, path: path, expected: "a string").map { Located($0.string, at: sink.location(of: node)) }
    }

    /// A plain integer.
    func int(_ node: Node, path: String) -> Located<Int>? {
        guard let scalar = scalar(node, path: path, expected: "an integer") else { return nil }
        guard let value = ScalarText.int(scalar) else {
            wrongType(node, path: path, expected: "an integer")
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// A plain `true` or `false`.
    func bool(_ node: Node, path: String) -> Located<Bool>? {
        guard let scalar = scalar(node, path: path, expected: "true or false") else { return nil }
        guard let value = ScalarText.bool(scalar) else {
            wrongType(node, path: path, expected: "true or false")
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// A duration such as `5m`, `1h`, `30d`.
    func duration(_ node: Node, path: String) -> Located<TokenDuration>? {
        let expected = FieldType.duration.noun
        guard let scalar = scalar(node, path: path, expected: expected) else { return nil }
        guard let value = TokenDuration(parsing: scalar.string) else {
            wrongType(node, path: path, expected: expected)
            return nil
        }
        return Located(value, at: sink.location(of: node))
    }

    /// One of the enumeration's values (or aliases, normalised).
    func enumeration<E: ManifestEnum>(_ node: Node, path: String, as type: E.Type) -> Located<E>? {
        guard let scalar = scalar(node, path: path, expected: "a string") else { return nil }
        let text = scalar.string
        if let value = E(rawValue: text) ?? E.aliases[text] { return Located(value, at: sink.location(of: node)) }
        let allowed = E.allCases.map(\.rawValue)
        sink.error("invalid-value",
                   "'\(text)' is not a valid value for '\(path)': expected one of \(allowed.joined(separator: ", "))"
                       + Suggestion.hint(for: text, among: allowed),
                   at: sink.location(of: node), field: path)
        return nil
    }

    /// A mapping of scalar keys to non-null scalar values.
    func stringMap(_ node: Node, path: String) -> Located<[String: String]>? {
        guard case .mapping(let mapping) = node else {
            wrongType(node, path: path, expected: "a mapping of strings")
            return nil
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                wrongType(key, path: path, expected: "a mapping with string keys")
                continue
            }
            if let text = string(value, path: "\(path).\(keyScalar.string)") { result[keyScalar.string] = text.value }
        }
        return Located(result, at: sink.location(of: node))
    }

    /// A mapping checked against `fields`.
    func mapping(_ node: Node, path: String, fields: [FieldSpec]) -> MappingReader? {
        guard case .mapping(let mapping) = node else {
            wrongType(node, path: path, expected: "a mapping")
            return nil
        }
        return MappingReader(mapping, node: node, path: path, fields: fields, sink: sink)
    }
}
