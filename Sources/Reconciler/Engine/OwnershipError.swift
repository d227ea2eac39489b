/// Why a resource or its status file is not acted on: it is not this run's owner's now. Each is the reason of a
/// refused change.
public enum OwnershipError: ReconcileError, Equatable {
    /// The live resource found for this address (by its ownership tags, or by `spec.adopt`, a name, an id: then it
    /// may be tagged for another address) is another owner's. The message never names the address it is tagged
    /// for as this one.
    case otherOwner(ResourceAddress, found: String, runOwner: String?)
    /// Several live resources carry this address's ownership tags for this owner (their ids).
    case duplicate(ResourceAddress, ids: [String])
    /// The manifest is gone and what its status file names is not this owner's now: it carries no ownership tags
    /// for it (for an app client or MFA policy: its user pool carries none for this owner), or, `legacy`, the tags
    /// of an earlier smsauth without an owner.
    case notOwnedNow(ResourceAddress, legacy: Bool, runOwner: String?)
    /// The status file was written for another owner or folder, or by an earlier smsauth that recorded neither.
    case foreignStatus(ResourceAddress, StatusClaim, run: RunIdentity)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .otherOwner: "ownership.otherOwner"
        case .duplicate: "ownership.duplicate"
        case .notOwnedNow: "ownership.notOwnedNow"
        case .foreignStatus: "ownership.foreignStatus"
        }
    }

    /// What was found and what to do.
    public var message: String {
        switch self {
        case let .otherOwner(address, found, runOwner):
            "the \(address.kind.rawValue) found for \(address) belongs to owner \"\(found)\" (tag smsauth:owner), not to this "
                + "run's \(RunIdentity.describe(owner: runOwner)): smsauth never changes, deletes or releases another owner's resources; "
                + "rename this manifest or remove it from one of the two manifest sets"
        case let .duplicate(address, ids):
            "\(ids.count) \(address.kind.rawValue) resources carry the ownership tags of \(address) "
                + "(\(ids.joined(separator: ", "))): delete or untag the extra ones so that exactly one remains"
        case let .notOwnedNow(address, legacy, runOwner):
            "the manifest of \(address) is gone, but \(Self.finding(address, legacy: legacy, runOwner: runOwner)): nothing is deleted or released; its status file is kept "
                + "(remove it by hand to forget the resource)"
        case let .foreignStatus(address, claim, run):
            "the status file of \(address) was \(Self.writer(claim)), not for this run (\(run.ownerDescription), folder "
                + "\(run.folder)): it is not acted on or rewritten; \(Self.fix(claim))"
        }
    }

    /// Ownership does not change by retrying.
    public var isRetryable: Bool { false }

    /// What a removed resource that is not owned now was found to be.
    private static func finding(_ address: ResourceAddress, legacy: Bool, runOwner: String?) -> String {
        if legacy {
            return "it carries no smsauth:owner tag (tagged by an earlier smsauth), so it is not "
                + "\(RunIdentity.describe(owner: runOwner))'s"
        }
        switch address.kind {
        case .appClient, .mfaPolicy:
            return "the user pool it is in does not carry smsauth's ownership tags for this run's "
                + RunIdentity.describe(owner: runOwner)
        case .sandboxNumber:
            return "the number was already in its sandbox when this manifest folder first saw it (an SNS sandbox number "
                + "takes no tags; an End User Messaging one has no ownership tags of this run's "
                + "\(RunIdentity.describe(owner: runOwner))), so this run never added it"
        default:
            return "what its status file names does not carry smsauth's ownership tags for it and this run's "
                + RunIdentity.describe(owner: runOwner)
        }
    }

    /// What to do about a status file that is not this run's.
    private static func fix(_ claim: StatusClaim) -> String {
        switch claim {
        case .unrecorded:
            "put the manifest back and reconcile once (which records this run's owner and folder in it), or remove the file"
        case .mine, .otherOwner, .otherFolder:
            "give each manifest set its own status location (--status-dir)"
        }
    }

    /// Who wrote a status file that is not this run's.
    private static func writer(_ claim: StatusClaim) -> String {
        switch claim {
        case .mine: "written for this run"
        case .otherOwner(let owner): "written for owner \"\(owner)\""
        case .otherFolder(let folder): "written for the manifest folder \(folder)"
        case .unrecorded: "written by an earlier smsauth that recorded no owner or folder"
        }
    }
}
