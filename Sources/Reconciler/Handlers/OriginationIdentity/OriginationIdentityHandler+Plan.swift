import Manifests

extension OriginationIdentityHandler {
    /// Create (a purchase: refused without approval), update, replace (request first, release after), delete
    /// (a release: refused while deletion protection is on or while the number is in a pool), retain or noop.
    func plan(_ input: PlanInput<OriginationIdentityLive>) throws(PlanError) -> ResourceChange {
        guard let desired = input.desired, let spec = Self.spec(desired) else { return try removedChange(input) }
        let live = input.live.value
        let purchase = OriginationIdentityFields.purchase(spec)
        var wanted = OriginationIdentityFields.desired(spec)
        let association = RegistrationAssociation.of(spec, outputs: input.references)
        wanted[RegistrationAssociation.path] = association?.desired
        let standard = StandardPlan(
            desired: wanted, live: live.map {
                var fields = OriginationIdentityFields.live($0.identity)
                if association != nil { fields[RegistrationAssociation.path] = $0.registration?.live ?? .null }
                return fields
            },
            immutable: OriginationIdentityFields.immutablePaths,
            replacementConsequence: live.map {
                "the new one is requested first (\(purchase)) and \($0.identity.displayName) is released only after the new one is ACTIVE: releasing is irreversible"
            } ?? "",
            adoptsForeign: live.map { Self.adopts(spec, $0.identity) } ?? false, foundId: live?.identity.id,
            createdWithout: OriginationIdentityFields.createdWithout(spec))
        var change = try standard.change(for: input)
        if change.action == .update, change.fieldChanges.contains(where: Self.isFirstAssociation) {
            // A first association follows the Registration (AWS takes the number once it allows it: a campaign
            // once COMPLETE): a planned step, never drift.
            change = try change.revised(fieldChanges: change.fieldChanges.map {
                Self.isFirstAssociation($0) ? $0.followingDependency() : $0
            })
        }
        if let live, let refusal = live.registration?.refusal(number: live.identity.displayName) {
            return try change.revised(action: .refuse, reason: refusal)
        }
        switch change.action {
        case .create:
            if let adopt = spec.adopt?.value {
                return try change.revised(action: .refuse, reason: "spec.adopt names \(adopt), which does not exist in \(desired.region ?? "the region"); fix spec.adopt or remove it to request a new one")
            }
            return try gated(change, spec: spec, options: input.options, purchase: purchase)
        case .replace:
            if let live, live.identity.deletionProtection {
                return try change.revised(action: .refuse, reason: "\(change.reason ?? ""); but deletion protection is on for \(live.identity.displayName), so it cannot be released: set spec.deletionProtection: false and apply first")
            }
            return try gated(change, spec: spec, options: input.options, purchase: purchase)
        case .update, .noop:
            guard let live else { return change }
            return try inService(change, live: live, policy: desired.policy.onImmutableChange.value)
        case .delete, .refuse, .blocked, .retain, .rename, .suspended:
            return change
        }
    }

    /// Whether `change` associates the number with its Registration for the first time (none before).
    static func isFirstAssociation(_ change: FieldChange) -> Bool {
        change.path == RegistrationAssociation.path && change.before == .null
    }

    /// Whether `spec.adopt` names `state`.
    static func adopts(_ spec: OriginationIdentitySpec, _ state: OriginationIdentityState) -> Bool {
        guard let adopt = spec.adopt?.value else { return false }
        return adopt == state.id || adopt == state.arn
    }

    /// A purchase is refused unless approved; an approved one says what it costs.
    private func gated(_ change: ResourceChange, spec: OriginationIdentitySpec, options: PlanOptions,
                       purchase: String) throws(PlanError) -> ResourceChange {
        guard OriginationIdentityFields.purchaseAllowed(spec, options: options) else {
            return try change.revised(action: .refuse, reason: "\(purchase), which costs money: set spec.purchaseApproved: true in the manifest or run with --allow-purchase to allow it")
        }
        return try change.revised(warnings: [purchase] + change.warnings)
    }

    /// An update or noop of an identity in service: blocked while a pooled number's settings would change, and
    /// finishing a replacement whose new identity is ACTIVE (releasing the old one).
    private func inService(_ change: ResourceChange, live: OriginationIdentityLive,
                           policy: ImmutableChangePolicy) throws(PlanError) -> ResourceChange {
        let identity = live.identity
        let pooled = change.fieldChanges.map(\.path).filter(OriginationIdentityFields.phoneUpdatePaths.contains)
        if let pool = identity.poolId, !pooled.isEmpty {
            return try change.revised(action: .blocked, reason: "\(identity.displayName) is in pool \(pool) and AWS refuses to update a pooled number (\(pooled.joined(separator: ", "))): set these on the PhonePool, or remove the number from the pool first")
        }
        guard !live.superseded.isEmpty else { return change }
        let names = live.superseded.map(\.displayName).joined(separator: ", ")
        if identity.isPending {
            return try change.revised(warnings: change.warnings + ["replacement in progress: \(names) is released once \(identity.displayName) is ACTIVE"])
        }
        let releasable = live.superseded.filter { $0.poolId == nil && !$0.deletionProtection }
        var warnings = change.warnings
        for old in live.superseded where old.poolId != nil {
            warnings.append("\(old.displayName) is still in pool \(old.poolId ?? ""): it is released once the PhonePool no longer holds it")
        }
        for old in live.superseded where old.deletionProtection {
            warnings.append("\(old.displayName) has deletion protection on: turn it off to finish the replacement")
        }
        guard !releasable.isEmpty else { return try change.revised(warnings: warnings) }
        let released = releasable.map(\.displayName).joined(separator: ", ")
        guard policy == .recreate else {
            return try change.revised(action: .refuse, reason: "an earlier replacement left \(released) tagged for this manifest; set policy.onImmutableChange: Recreate to release it (irreversible), or release it by hand")
        }
        return try change.revised(action: .replace, reason: "finishing the replacement: \(released) is released now that \(identity.displayName) is ACTIVE; releasing is irreversible", warnings: warnings)
    }

    /// The manifest is gone: retain, or release (refused while protected, blocked while in a pool).
    private func removedChange(_ input: PlanInput<OriginationIdentityLive>) throws(PlanError) -> ResourceChange {
        guard case .owned(let live) = input.live else { return try ResourceChange(address: input.address, action: .noop) }
        guard input.deletePolicy == .delete else { return try ResourceChange(address: input.address, action: .retain) }
        let all = [live.identity] + live.superseded
        if let protected = all.first(where: \.deletionProtection) {
            return try ResourceChange(address: input.address, action: .refuse, reason: "deletion protection is on for \(protected.displayName), so it cannot be released: turn it off (restore the manifest with spec.deletionProtection: false and apply) before removing the manifest")
        }
        if let pooled = all.first(where: { $0.poolId != nil }) {
            return try ResourceChange(address: input.address, action: .blocked, reason: "\(pooled.displayName) is still in pool \(pooled.poolId ?? ""): remove it from the PhonePool manifest first (the pool disassociates it), then it is released")
        }
        let names = all.map(\.displayName).joined(separator: ", ")
        return try ResourceChange(address: input.address, action: .delete,
                                  warnings: ["releases \(names): irreversible, the number or sender ID is gone for good"])
    }
}
