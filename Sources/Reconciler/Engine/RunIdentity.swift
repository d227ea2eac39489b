import Foundation

/// Who a run acts for: the manifest set's owner (the settings document's `spec.owner`, nil when the set names none)
/// and the manifest folder's real path. Both go into every status file; the owner also goes into the ownership tags
/// (`smsauth:owner`). A run acts only on status files and tagged resources of its own owner (or, without an owner,
/// on status files written for its own folder).
public struct RunIdentity: Sendable, Equatable {
    /// The manifest set's owner, nil when it names none.
    public let owner: String?
    /// The manifest folder's real path (symbolic links resolved, standardized).
    public let folder: String

    /// Creates an identity from an owner and a folder path taken as is.
    public init(owner: String?, folder: String) {
        self.owner = owner
        self.folder = folder
    }

    /// The identity of a run over the manifest folder `directory` (resolved to its real path) for `owner`. This is
    /// the one place the CLI commands make it.
    public static func make(directory: String, owner: String?) -> RunIdentity {
        let url = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        return RunIdentity(owner: owner, folder: url.path)
    }

    /// Whether `name` can be an owner: 1 to 63 of `a-z`, `0-9` and `-` (it becomes a tag value and is shown in plans).
    public static func isValidOwner(_ name: String) -> Bool {
        (1...63).contains(name.count) && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `owner "x"` or `no owner`, for messages.
    public var ownerDescription: String { Self.describe(owner: owner) }

    /// `owner "x"` or `no owner`, for messages.
    public static func describe(owner: String?) -> String {
        owner.map { "owner \"\($0)\"" } ?? "no owner"
    }
}
