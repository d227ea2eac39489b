/// Reads a `kind: Settings` document (see `ManifestSettings`) against `FieldCatalog.settingsDocument`.
struct SettingsReader {
    /// The sink problems go to.
    let sink: DiagnosticSink

    /// Reads the document `root` (a mapping whose `apiVersion` was checked) whose `kind` is at `kindLocation`.
    func read(_ mapping: [YAMLEntry], root: YAMLNode, kindLocation: SourceLocation) -> DocumentOutcome {
        let document = MappingReader(mapping, node: root, path: "", fields: FieldCatalog.settingsDocument, sink: sink)
        let spec = document.object("spec")
        let owner = spec?.string("owner")
        let state = spec?.string("state")
        let suspend = spec?.bool("suspend")
        let settings = owner.map { ManifestSettings(owner: $0, state: state, suspend: suspend, location: kindLocation) }
        return .settings(settings, kindLocation)
    }
}
