import Manifests

/// The ownership rules every kind shares, as pure code: what the planner refuses before a handler sees it, and the
/// claim of a resource tagged by an earlier smsauth (no owner tag) that one of the run's manifests names.
enum OwnershipGuard {
    /// Why `observation` of `address` must not be acted on by a run of `run`, or nil when its handler may plan it:
    /// another owner's resource, several resources with this address's tags, or, for a removed manifest, anything
    /// that is not this owner's now (a delete or release needs the resource, or for an app client or MFA policy
    /// its user pool, to be owned now).
    static func refusal(address: ResourceAddress, desired: DesiredResource?, observation: Observation,
                        run: RunIdentity) -> OwnershipError? {
        switch observation.presence {
        case .otherOwner:
            return .otherOwner(address, found: observation.otherOwner ?? "", runOwner: run.owner)
        case .duplicate:
            return .duplicate(address, ids: observation.duplicateIds)
        case .foreign where desired == nil:
            return .notOwnedNow(address, legacy: false, runOwner: run.owner)
        case .legacy where desired == nil:
            return .notOwnedNow(address, legacy: true, runOwner: run.owner)
        case .absent, .owned, .foreign, .legacy:
            return nil
        }
    }

    /// `change` (a handler's plan for a legacy resource, handed to it as owned) as the claim of the resource: an
    /// update whose `tags` field change adds `smsauth:owner=<owner>`, applied with the kind's tag API. Creates,
    /// replaces, refusals and blocked changes are returned as they are.
    static func claiming(_ change: ResourceChange, owner: String,
                         dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        guard change.action == .noop || change.action == .update else { return change }
        let claim = [OwnershipTags.ownerKey: PlanValue.string(owner)]
        var fields = change.fieldChanges.filter { $0.path != tagsPath }
        if let tags = change.fieldChanges.first(where: { $0.path == tagsPath }), case .map(let after) = tags.after {
            fields.append(FieldChange(path: tagsPath, before: tags.before,
                                      after: .map(after.merging(claim) { _, ours in ours })))
        } else {
            fields.append(FieldChange(path: tagsPath, before: .map([:]), after: .map(claim)))
        }
        let warning = "claims a resource tagged by an earlier smsauth without an owner: adds the tag smsauth:owner=\(owner)"
        return try change.revised(action: .update, fieldChanges: fields.sorted { $0.path < $1.path },
                                  warnings: change.warnings + [warning], dependencies: change.dependencies + dependencies)
    }

    /// The manifest path of the tags.
    static let tagsPath = "tags"
}
