/// Reads the fields of one YAML mapping against its catalog entry, recording every problem in a sink.
///
/// Creating a reader reports unknown fields (with suggestions), non-string keys and missing required fields; each
/// getter checks the type of one field and returns nil (after recording why) when it is absent or wrong.
struct MappingReader {
    /// The sink problems go to.
    let sink: DiagnosticSink
    /// Dotted path of this mapping (`spec.passwordPolicy`), empty at the document root.
    let path: String
    /// Where the mapping starts.
    let location: SourceLocation
    /// The catalog fields allowed here. Looked up linearly: mappings have a few dozen fields at most, and comparing
    /// short names is cheaper than hashing them into a dictionary for every mapping read.
    private let fields: [FieldSpec]
    /// The entry of each field present, by the field's index in `fields`.
    private let entries: [YAMLEntry?]

    /// Checks the entries of a mapping `node` against `fields`.
    init(_ mapping: [YAMLEntry], node: YAMLNode, path: String, fields: [FieldSpec], sink: DiagnosticSink) {
        self.sink = sink
        self.path = path
        self.location = sink.location(of: node)
        self.fields = fields
        var entries = [YAMLEntry?](repeating: nil, count: fields.count)
        for entry in mapping {
            guard let name = entry.key.scalarText else {
                sink.error("wrong-type", "keys in '\(path.isEmpty ? "document" : path)' must be strings",
                           at: sink.location(of: entry.key))
                continue
            }
            guard let index = fields.firstIndex(where: { $0.name == name }) else {
                let here = path.isEmpty ? "the document" : "'\(path)'"
                sink.error("unknown-field",
                           "unknown field '\(name)' in \(here)\(Suggestion.hint(for: name, among: fields.map(\.name)))",
                           at: sink.location(of: entry.key), field: Self.join(path, name))
                continue
            }
            entries[index] = entry
        }
        self.entries = entries
        for (field, entry) in zip(fields, entries) where field.required && entry == nil {
            let here = path.isEmpty ? "the document" : "'\(path)'"
            sink.error("missing-field", "missing required field '\(field.name)' in \(here)", at: location,
                       field: Self.join(path, field.name))
        }
    }

    /// `a.b`, or `b` when `a` is empty.
    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// The entry of a field, if present.
    private func entry(_ name: String) -> YAMLEntry? {
        fields.firstIndex { $0.name == name }.flatMap { entries[$0] }
    }

    /// Whether the field is present.
    func has(_ name: String) -> Bool { entry(name) != nil }

    /// The field's value node and its path, if present.
    func value(_ name: String) -> (node: YAMLNode, path: String)? {
        entry(name).map { ($0.value, Self.join(path, name)) }
    }

    /// The catalog type of a field.
    func type(of name: String) -> FieldType? { fields.first { $0.name == name }?.type }

    /// A string field.
    func string(_ name: String) -> Located<String>? {
        value(name).flatMap { ValueReader(sink: sink).string($0.node, path: $0.path) }
    }

    /// An integer field, checked against the catalog's bounds.
    func int(_ name: String) -> Located<Int>? {
        guard let (node, path) = value(name), let number = ValueReader(sink: sink).int(node, path: path) else {
            return nil
        }
        guard case .integer(let minimum, let maximum)? = type(of: name) else { return number }
        let bounds = FieldType.integerBounds(minimum: minimum, maximum: maximum)
        guard !bounds.contains(number.value) else { return number }
        // The field's own bounds, unless only the exact integers refuse the value: then say why.
        let withinOwn = (minimum ?? Int.min)...(maximum ?? Int.max) ~= number.value
        let bound = switch (withinOwn, minimum, maximum) {
        case (false, let minimum?, let maximum?): "between \(minimum) and \(maximum)"
        case (false, let minimum?, nil): "at least \(minimum)"
        case (false, nil, let maximum?): "at most \(maximum)"
        default:
            "between \(bounds.lowerBound) and \(bounds.upperBound) (integers beyond 2^53 are not exact in the plan "
                + "and the status files)"
        }
        sink.error("out-of-range", "'\(path)' must be \(bound), found \(number.value)", at: number.location, field: path)
        return number
    }

    /// A boolean field.
    func bool(_ name: String) -> Located<Bool>? {
        value(name).flatMap { ValueReader(sink: sink).bool($0.node, path: $0.path) }
    }

    /// A duration field (`5m`, `1h`, `30d`).
    func duration(_ name: String) -> Located<TokenDuration>? {
        value(name).flatMap { ValueReader(sink: sink).duration($0.node, path: $0.path) }
    }

    /// An enumeration field.
    func enumeration<E: ManifestEnum>(_ name: String, as type: E.Type = E.self) -> Located<E>? {
        value(name).flatMap { ValueReader(sink: sink).enumeration($0.node, path: $0.path, as: type) }
    }

    /// A list of strings.
    func strings(_ name: String) -> Located<[Located<String>]>? {
        list(name) { reader, node, path in reader.string(node, path: path) }
    }

    /// A list of enumeration values.
    func enumerations<E: ManifestEnum>(_ name: String, as type: E.Type = E.self) -> Located<[Located<E>]>? {
        list(name) { reader, node, path in reader.enumeration(node, path: path, as: type) }
    }

    /// A mapping of strings to strings.
    func stringMap(_ name: String,
                   problem: (_ key: String, _ value: String) -> String? = { _, _ in nil }) -> Located<[String: String]>? {
        value(name).flatMap { ValueReader(sink: sink).stringMap($0.node, path: $0.path, problem: problem) }
    }

    /// A nested mapping, read against its catalog fields.
    func object(_ name: String) -> MappingReader? {
        guard let (node, path) = value(name), case .object(let fields)? = type(of: name) else { return nil }
        return ValueReader(sink: sink).mapping(node, path: path, fields: fields)
    }

    /// A list of mappings, each read against the catalog fields of the list's elements.
    func objects(_ name: String) -> (readers: [MappingReader], location: SourceLocation)? {
        guard case .list(.object(let fields))? = type(of: name) else { return nil }
        return elements(name) { reader, node, path in reader.mapping(node, path: path, fields: fields) }
    }

    /// A list whose elements are read with `element`; elements that fail are left out.
    private func list<T: Sendable & Equatable>(_ name: String,
                                               _ element: (ValueReader, YAMLNode, String) -> T?) -> Located<[T]>? {
        elements(name, element).map { Located($0.readers, at: $0.location) }
    }

    /// The elements of a list field read with `element`, and the list's location.
    private func elements<T>(_ name: String, _ element: (ValueReader, YAMLNode, String) -> T?)
        -> (readers: [T], location: SourceLocation)? {
        guard let (node, path) = value(name) else { return nil }
        let reader = ValueReader(sink: sink)
        guard case .sequence(let sequence) = node.content else {
            reader.wrongType(node, path: path, expected: "a list")
            return nil
        }
        let items = sequence.enumerated().compactMap { index, item in element(reader, item, "\(path)[\(index)]") }
        return (items, sink.location(of: node))
    }
}
