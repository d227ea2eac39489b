import Manifests

/// Reads the manifest directory: loads and validates every file, exactly as `smsauth validate` does.
public struct ManifestSource: Sendable {
    /// The manifest directory.
    public let directory: String
    /// The region manifests without `spec.region` will live in (for the per-region rules).
    public let defaultRegion: String?

    /// What the last reads parsed: a file whose bytes did not change is not parsed again.
    let cache = ManifestFileCache()

    /// Creates a source.
    public init(directory: String, defaultRegion: String?) {
        self.directory = directory
        self.defaultRegion = defaultRegion
    }

    /// What one read found.
    public enum Reading: Sendable {
        /// Everything loaded and validated: a new desired state (warnings may be present in the load result).
        case valid(ManifestSnapshot)
        /// At least one error: the desired state must not change. The errors, sorted.
        case invalid([Diagnostic])
    }

    /// Loads and validates the whole directory now (only files whose bytes changed since the last read are parsed
    /// again); manifests unchanged since `previous` reuse its indexes.
    public func read(previous: ManifestSnapshot? = nil) -> Reading {
        let load = Validator(defaultRegion: defaultRegion).loadAndValidate(directory: directory, cache: cache)
        guard load.hasErrors else { return .valid(ManifestSnapshot(load: load, previous: previous)) }
        return .invalid(load.diagnostics.filter { $0.severity == .error })
    }
}
