/// The settings document of a manifest set: the optional `smsauth.yaml` at the root of the manifest directory,
/// `kind: Settings`. It says who owns the set and where its state lives, so every machine that reads the folder
/// agrees without flags. It is not a resource: no plan, no status file, no AWS call of its own.
public struct ManifestSettings: Sendable, Equatable {
    /// The `kind` of the settings document.
    public static let kind = "Settings"
    /// The only place a settings document may be: this file name at the root of the manifest directory.
    public static let fileName = "smsauth.yaml"

    /// `spec.owner`: the manifest set's owner name (1-63 of `a-z`, `0-9`, `-`, alphanumeric at both ends), for the
    /// ownership tags and the status records.
    public var owner: Located<String>
    /// `spec.state`: where the set's state lives, a local path or `s3://bucket/prefix` (`validate` checks its form; the commands use it, see docs/state.md).
    public var state: Located<String>?
    /// `spec.suspend` (nil when absent): while true, smsauth leaves every resource of the set alone, as each
    /// manifest's `policy.suspend: true` would, including those whose manifest was removed.
    public var suspend: Located<Bool>?
    /// Where the document's `kind` field is (its address for diagnostics).
    public var location: SourceLocation

    /// Creates settings.
    public init(owner: Located<String>, state: Located<String>? = nil, suspend: Located<Bool>? = nil,
                location: SourceLocation) {
        self.owner = owner
        self.state = state
        self.suspend = suspend
        self.location = location
    }

    /// Whether `spec.suspend: true`.
    public var isSuspended: Bool { suspend?.value == true }
}
