extension SpecReader {
    /// `Registration` spec; nil without `registrationType`.
    static func registration(_ r: MappingReader) -> RegistrationSpec? {
        let adopt = r.string("adopt"), region = r.string("region"), submit = r.bool("submit")
        let fields = r.value("fields").flatMap { RegistrationValueReader(sink: r.sink).fields($0.node, path: $0.path) }
        let attachments = r.value("attachments").flatMap {
            RegistrationValueReader(sink: r.sink).attachments($0.node, path: $0.path)
        }
        let sensitive = r.strings("sensitiveFields"), tags = r.stringMap("tags")
        guard let type = r.string("registrationType") else { return nil }
        var spec = RegistrationSpec(registrationType: type)
        spec.adopt = adopt
        spec.region = region
        spec.fields = fields
        spec.attachments = attachments
        spec.submit = submit
        spec.sensitiveFields = sensitive
        spec.tags = tags
        return spec
    }
}

/// Reads a `Registration`'s `fields` and `attachments` mappings, keeping each key's location (diagnostics name the
/// line of the field path) and the manifest's order.
struct RegistrationValueReader {
    /// The sink problems go to.
    let sink: DiagnosticSink

    /// `fields`: each value a string (TEXT) or a list of strings (SELECT choices).
    func fields(_ node: YAMLNode, path: String) -> Located<[RegistrationSpec.Field]>? {
        entries(node, path: path, expected: FieldType.textOrChoicesMap.noun) { value, here in
            let reader = ValueReader(sink: sink)
            if case .sequence(let items) = value.content {
                let choices = items.enumerated().compactMap { reader.string($1, path: "\(here)[\($0)]")?.value }
                guard choices.count == items.count else { return nil }
                return Located(RegistrationFieldValue.choices(choices), at: sink.location(of: value))
            }
            guard case .scalar = value.content, !value.isNull else {
                reader.wrongType(value, path: here, expected: "a string or a list of strings")
                return nil
            }
            return reader.string(value, path: here).map { Located(.text($0.value), at: $0.location) }
        }.map { Located($0.items.map { RegistrationSpec.Field(path: $0.0, value: $0.1) }, at: $0.location) }
    }

    /// `attachments`: each value a file path.
    func attachments(_ node: YAMLNode, path: String) -> Located<[RegistrationSpec.Attachment]>? {
        entries(node, path: path, expected: FieldType.stringMap.noun) { value, here in
            ValueReader(sink: sink).string(value, path: here)
        }.map { Located($0.items.map { RegistrationSpec.Attachment(path: $0.0, file: $0.1) }, at: $0.location) }
    }

    /// The entries of a mapping, each value read with `value` (entries whose value fails are left out).
    private func entries<T>(_ node: YAMLNode, path: String, expected: String,
                            _ value: (YAMLNode, String) -> Located<T>?)
        -> (items: [(Located<String>, Located<T>)], location: SourceLocation)? {
        guard case .mapping(let entries) = node.content else {
            ValueReader(sink: sink).wrongType(node, path: path, expected: expected)
            return nil
        }
        var result: [(Located<String>, Located<T>)] = []
        for entry in entries {
            guard let key = entry.key.scalarText else {
                ValueReader(sink: sink).wrongType(entry.key, path: path, expected: "a mapping with string keys")
                continue
            }
            if let read = value(entry.value, "\(path).\(key)") {
                result.append((Located(key, at: sink.location(of: entry.key)), read))
            }
        }
        return (result, sink.location(of: node))
    }
}
