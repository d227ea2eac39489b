import Manifests

extension PhonePoolHandler {
    /// The shared field diff plus membership: one `originationIdentities.<name>` field change per identity to
    /// associate or disassociate. Deleting or replacing a pool is refused while its deletion protection is on.
    func plan(_ input: PlanInput<PhonePoolLive>) throws(PlanError) -> ResourceChange {
        guard let desired = input.desired, let spec = Self.spec(desired) else { return try removedChange(input) }
        let live = input.live.value
        let standard = StandardPlan(
            desired: PhonePoolFields.desired(spec), live: live.map { PhonePoolFields.live($0, spec: spec) },
            immutable: PhonePoolFields.immutablePaths,
            replacementConsequence: "the pool is deleted (its members are disassociated) and created again with a new id",
            adoptsForeign: live.map { pool in spec.adopt.map { $0.value == pool.id || $0.value == pool.arn } ?? false } ?? false,
            foundId: live?.id, createdWithout: PhonePoolFields.createdWithout)
        let change = try standard.change(for: input)
        let membership = PoolMembership(spec: spec, members: live?.members ?? [], references: input.references)
        switch change.action {
        case .create, .update:
            return try change.revised(fieldChanges: change.fieldChanges + membership.fieldChanges)
        case .noop where !membership.isEmpty:
            return try change.revised(action: .update, fieldChanges: membership.fieldChanges)
        case .replace where live?.deletionProtection == true:
            return try change.revised(action: .refuse, reason: "\(change.reason ?? ""); but deletion protection is on for pool \(live?.id ?? ""): set spec.deletionProtection: false and apply first")
        case .noop, .replace, .delete, .refuse, .blocked, .retain, .rename, .suspended:
            return change
        }
    }

    /// The manifest is gone: retain, or delete (refused while deletion protection is on).
    private func removedChange(_ input: PlanInput<PhonePoolLive>) throws(PlanError) -> ResourceChange {
        guard case .owned(let live) = input.live else { return try ResourceChange(address: input.address, action: .noop) }
        guard input.deletePolicy == .delete else { return try ResourceChange(address: input.address, action: .retain) }
        if live.deletionProtection {
            return try ResourceChange(address: input.address, action: .refuse, reason: "deletion protection is on for pool \(live.id), so it cannot be deleted: turn it off (restore the manifest with spec.deletionProtection: false and apply) before removing the manifest")
        }
        return try ResourceChange(address: input.address, action: .delete,
                                  warnings: ["deletes pool \(live.id) and disassociates its \(live.members.count) origination identities (they are kept)"])
    }
}
