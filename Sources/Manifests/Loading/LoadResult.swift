/// Everything loading a manifest directory produced.
public struct LoadResult: Sendable, Equatable {
    /// Manifests that were read completely, in file path order, then document order.
    public var manifests: [Manifest]
    /// Problems found while loading, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Resources whose kind and name were read but whose spec has errors: references to them resolve (so one
    /// mistake is not reported again at every reference), but they are not in `manifests`.
    public var invalidResources: [ResourceID: SourceLocation]
    /// Files read, as shown to the user (the settings file among them).
    public var files: [String]
    /// The settings document (`smsauth.yaml` at the directory's root), when there is one and it was read.
    public var settings: ManifestSettings?

    /// Creates a result.
    public init(manifests: [Manifest] = [], diagnostics: [Diagnostic] = [],
                invalidResources: [ResourceID: SourceLocation] = [:], files: [String] = [],
                settings: ManifestSettings? = nil) {
        self.manifests = manifests
        self.diagnostics = diagnostics
        self.invalidResources = invalidResources
        self.files = files
        self.settings = settings
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
