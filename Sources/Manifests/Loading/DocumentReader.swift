/// What reading one YAML document produced.
enum DocumentOutcome {
    /// A complete manifest.
    case manifest(Manifest)
    /// A document whose kind and name are known but whose spec has errors (so references to it still resolve).
    case invalid(ResourceID, SourceLocation)
    /// A `kind: Settings` document (nil without a readable `spec.owner`), and where its `kind` is.
    case settings(ManifestSettings?, SourceLocation)
    /// An empty document, or one too broken to identify.
    case nothing
}

/// Reads one YAML document into a `Manifest`, recording every problem in the sink.
struct DocumentReader {
    /// The sink problems go to.
    let sink: DiagnosticSink

    /// Reads the document `index` of the file.
    func read(_ root: YAMLNode, index: Int) -> DocumentOutcome {
        if root.isNull { return .nothing }
        guard case .mapping(let mapping) = root.content else {
            sink.error("not-a-mapping", "a manifest must be a mapping with apiVersion, kind, metadata and spec, "
                       + "found \(NodeDescription.of(root))", at: sink.location(of: root))
            return .nothing
        }
        guard checkAPIVersion(mapping, root: root) else { return .nothing }
        if let node = Self.value(of: "kind", in: mapping), node.scalarText == ManifestSettings.kind {
            return SettingsReader(sink: sink).read(mapping, root: root, kindLocation: sink.location(of: node))
        }
        guard let (kind, kindLocation) = readKind(mapping, root: root) else { return .nothing }
        let document = MappingReader(mapping, node: root, path: "", fields: FieldCatalog.document(for: kind),
                                     sink: sink)
        let metadata = document.object("metadata").flatMap(readMetadata)
        let policyReader = document.object("policy")
        let policy = readPolicy(policyReader, kind: kind, default: kindLocation)
        let suspend = policyReader?.bool("suspend")
        let spec = document.object("spec").flatMap { kind.definition.read($0) }
        guard let metadata else { return .nothing }
        guard let spec else { return .invalid(ResourceID(kind, metadata.name.value), kindLocation) }
        return .manifest(Manifest(metadata: metadata, spec: spec, policy: policy, location: kindLocation,
                                  documentIndex: index, suspend: suspend))
    }

    /// Checks `apiVersion`; false (after recording why) when missing or unknown.
    private func checkAPIVersion(_ mapping: [YAMLEntry], root: YAMLNode) -> Bool {
        guard let node = Self.value(of: "apiVersion", in: mapping) else {
            sink.error("missing-field", "missing required field 'apiVersion' (expected \(APIVersion.v1))",
                       at: sink.location(of: root), field: "apiVersion")
            return false
        }
        guard node.scalarText == APIVersion.v1 else {
            sink.error("unknown-api-version",
                       "unknown apiVersion \(NodeDescription.of(node)): this smsauth understands \(APIVersion.v1)",
                       at: sink.location(of: node), field: "apiVersion")
            return false
        }
        return true
    }

    /// Reads `kind`; nil (after recording why) when missing or unknown.
    private func readKind(_ mapping: [YAMLEntry], root: YAMLNode) -> (ResourceKind, SourceLocation)? {
        guard let node = Self.value(of: "kind", in: mapping) else {
            sink.error("missing-field", "missing required field 'kind'", at: sink.location(of: root), field: "kind")
            return nil
        }
        let names = ResourceKind.allCases.map(\.rawValue) + [ManifestSettings.kind]
        guard let text = node.scalarText, let kind = ResourceKind(rawValue: text) else {
            let hint = node.scalarText.map { Suggestion.hint(for: $0, among: names) } ?? ""
            sink.error("unknown-kind", "unknown kind \(NodeDescription.of(node))\(hint): expected one of "
                       + names.joined(separator: ", "), at: sink.location(of: node), field: "kind")
            return nil
        }
        return (kind, sink.location(of: node))
    }

    /// The value of the scalar key `key` in a mapping's entries.
    private static func value(of key: String, in mapping: [YAMLEntry]) -> YAMLNode? {
        mapping.first { $0.key.scalarText == key }?.value
    }

    /// Reads `metadata`; nil without a usable name.
    private func readMetadata(_ r: MappingReader) -> Metadata? {
        let labels = r.stringMap("labels") { key, value in
            LabelSyntax.keyProblem(key) ?? LabelSyntax.valueProblem(value)
        }
        guard let name = r.string("name") else { return nil }
        return Metadata(name: name, labels: labels?.value ?? [:])
    }

    /// Reads `policy`, filling in the kind's defaults.
    private func readPolicy(_ r: MappingReader?, kind: ResourceKind, default location: SourceLocation) -> Policy {
        var policy = Policy.defaults(for: kind, at: location)
        guard let r else { return policy }
        if let value: Located<ImmutableChangePolicy> = r.enumeration("onImmutableChange") {
            policy.onImmutableChange = value
        }
        if let value: Located<DeletePolicy> = r.enumeration("onDelete") { policy.onDelete = value }
        if let value: Located<DriftPolicy> = r.enumeration("onDrift") { policy.onDrift = value }
        return policy
    }
}
