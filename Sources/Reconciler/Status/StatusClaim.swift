/// Whose a status file is, as seen by a run (`RunIdentity`): a run acts only on its own.
public enum StatusClaim: Sendable, Equatable {
    /// Written for this run's owner (or, when neither names an owner, for this run's folder; or, without an owner,
    /// for this folder before the set named one: it is claimed when rewritten).
    case mine
    /// Written for another owner.
    case otherOwner(String)
    /// Written without an owner for another manifest folder.
    case otherFolder(String)
    /// Written by an earlier smsauth that recorded neither owner nor folder: nobody can tell which manifest set it
    /// belongs to. A manifest of this run that names it claims it; it never drives a delete or release.
    case unrecorded

    /// Whose `status` is for a run of `identity`.
    public static func of(_ status: ResourceStatus, for identity: RunIdentity) -> StatusClaim {
        if let owner = status.owner {
            return owner == identity.owner ? .mine : .otherOwner(owner)
        }
        guard let folder = status.folder else { return .unrecorded }
        return folder == identity.folder ? .mine : .otherFolder(folder)
    }
}
