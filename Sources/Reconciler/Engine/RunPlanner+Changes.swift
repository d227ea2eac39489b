import Manifests

/// The changes the planner makes itself, around the handlers' (pure): renames, rediscovered and released removed
/// resources, replacements held for `--selector`, targets outside the selection.
extension RunPlanner {
    /// The handler's change for a renamed resource: `rename` when it would only update or leave it (with the
    /// ownership tag's new value as a field change where the handler's own fields leave it out), otherwise its
    /// action with the previous address (a refused or replaced resource still moves its status). The field
    /// changes a noop only reports (`policy.onDrift: Report`) are not applied by the rename: only the ownership tag.
    /// `tagged`: the live resource carries the ownership tags (`ResourceHandler.carriesOwnershipTags`).
    static func renamed(_ change: ResourceChange, from previous: ResourceAddress,
                        tagged: Bool) throws(PlanError) -> ResourceChange {
        let isRename = change.action == .update || change.action == .noop
        var fields = change.action == .noop
            ? change.fieldChanges.filter(showsOwnershipTag).map(OwnershipTags.ownershipOnly) : change.fieldChanges
        if isRename, tagged, !fields.contains(where: showsOwnershipTag) {
            fields.append(FieldChange(path: OwnershipTags.resourceTagPath, before: .string(previous.description),
                                      after: .string(change.address.description)))
        }
        return try ResourceChange(
            address: change.address, action: isRename ? .rename : change.action,
            fieldChanges: isRename ? fields : change.fieldChanges, reason: change.reason, warnings: change.warnings,
            dependencies: change.dependencies, previousAddress: previous)
    }

    /// Whether `field` is a `tags` change whose new value holds the `smsauth:resource` tag (an SmsRole's tags).
    private static func showsOwnershipTag(_ field: FieldChange) -> Bool {
        guard field.path == "tags", case .map(let tags) = field.after else { return false }
        return tags[OwnershipTags.resourceKey] != nil
    }

    /// `change` of a removed resource found by lost-state rediscovery, saying so.
    static func rediscovered(_ change: ResourceChange) throws(PlanError) -> ResourceChange {
        try ResourceChange(
            address: change.address, action: change.action, fieldChanges: change.fieldChanges,
            reason: "no manifest or status file names it; found by its smsauth:owner tag (lost-state rediscovery)"
                + (change.reason.map { "; \($0)" } ?? ""),
            warnings: change.warnings, dependencies: change.dependencies, previousAddress: change.previousAddress)
    }

    /// `change`, blocked when it replaces a resource that manifests outside `--selector` depend on: they would keep
    /// naming the deleted resource (a pool the old SMS role), since only selected resources are changed.
    static func holdingReplacement(_ change: ResourceChange,
                                   dependents: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        guard change.action == .replace, !dependents.isEmpty else { return change }
        let names = dependents.map(\.description).joined(separator: ", ")
        return try change.revised(action: .blocked, reason: "replacing it would leave \(names) naming the old one, "
                                  + "and --selector does not select them: select them too")
    }

    /// `change`, blocked when it creates a resource that no status file records (a status written for it records
    /// no resource: an earlier run blocked or refused its create) while `removals` (removed resources
    /// of its kind that this run does not reconcile) exist: the create may be one of their renames, which only the
    /// run reconciling the removal can see (it pairs them, `RenameResolver`), and creating it now would make a second
    /// one next to the renamed one (a second pool, whose users are not the app's). A run without `--selector` (the controller: once the prune delay has passed)
    /// reconciles the removal, renaming or removing it; the create follows.
    /// A create of a manifest that is itself `pending` removal (missing from the folder, kept for the prune delay)
    /// is blocked too: the folder no longer asks for it.
    static func holdingCreate(_ change: ResourceChange, target: ReadTarget, pending: Bool,
                              removals: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        guard change.action == .create, ResourceStatus.recordsNoResource(target.status) else { return change }
        if pending {
            return try change.revised(action: .blocked, reason: "its manifest is missing from the folder: not created "
                                      + "while the controller waits for the prune delay to confirm the removal")
        }
        guard !removals.isEmpty else { return change }
        let names = removals.map(\.description).joined(separator: ", ")
        return try change.revised(action: .blocked, reason: "waiting for the removal of \(names) to be reconciled: this "
                                  + "may be its rename, and creating it now would make a second one (a run without "
                                  + "--selector, or the controller once the prune delay has passed, reconciles it)")
    }

    /// `change`, refused when it creates or updates a resource whose status file records it in another region: the
    /// manifest's region changed (`spec.region`, or `--region` / `AWS_REGION` for a manifest that sets none), and
    /// another region is another resource, so creating one there (or changing the one found there, account settings
    /// included) would leave the recorded one unmanaged. A replacement that moves it (a SandboxNumber's, with
    /// `policy.onImmutableChange: Recreate`) is its handler's plan.
    static func holdingRegionMove(_ change: ResourceChange, target: ReadTarget) throws(PlanError) -> ResourceChange {
        guard [.create, .update].contains(change.action), let desired = target.desired, let region = desired.region,
              let recorded = target.status?.resource["region"], recorded != region else { return change }
        return try change.revised(
            action: .refuse,
            reason: "its status file records it in \(recorded), but its region is now \(region) (spec.region, else "
                + "--region or AWS_REGION): another region is another resource, and the one in \(recorded) would no "
                + "longer be managed. Set spec.region: \(recorded) to keep managing it; to move it, remove the manifest "
                + "and reconcile (its policy.onDelete applies in \(recorded)), then add it back")
    }

    /// `changes`, each retain of a resource that lives inside another (its kind is found by reference: an app client
    /// or MFA policy in its user pool) warned when that container is deleted in the same run: `policy.onDelete:
    /// Retain` cannot keep what its container's delete takes with it, and the plan must not say "left in AWS"
    /// alone. The container is the deleted resource whose recorded `id` the retained one's status records.
    static func notingContainerDeletes(_ changes: [ResourceChange],
                                       targets: [ResourceAddress: ReadTarget]) throws(PlanError) -> [ResourceChange] {
        let deleted = changes.filter { $0.action == .delete }.compactMap { change -> (ResourceAddress, String)? in
            targets[change.address]?.status?.resource["id"].map { (change.address, $0) }
        }
        guard !deleted.isEmpty else { return changes }
        var result: [ResourceChange] = []
        for change in changes {
            let containers = Set(change.address.kind.relations.references.filter { $0.read == .foundByReference }.map(\.target))
            let recorded = Set(targets[change.address]?.status?.resource.values.map { $0 } ?? [])
            guard change.action == .retain, !containers.isEmpty,
                  let (container, _) = deleted.first(where: { containers.contains($0.0.kind) && recorded.contains($0.1) })
            else {
                result.append(change)
                continue
            }
            result.append(try change.revised(warnings: change.warnings + [
                "\(container), which holds it, is deleted in this run, and it with it: its policy.onDelete: Retain "
                    + "cannot keep it (to keep both, put the manifests back with \(container)'s policy.onDelete: "
                    + "Retain and reconcile before removing them)",
            ]))
        }
        return result
    }

    /// A removed resource whose AWS resource a current manifest claims: released, never deleted.
    static func released(_ address: ResourceAddress, claimedBy claiming: [ResourceAddress],
                         dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        let names = claiming.map(\.description).joined(separator: ", ")
        return try ResourceChange(
            address: address, action: .retain,
            reason: "its AWS resource is claimed by \(names); released (status removed), not deleted",
            warnings: ["\(address) and \(names) name the same AWS resource; \(address) is released instead of deleted"],
            dependencies: dependencies)
    }

    /// The change of a target outside `--selector`: a noop when it exists, else blocked (so that a selected resource
    /// depending on it waits instead of being created against nothing). Left out of the plan either way.
    static func unselected(_ address: ResourceAddress, observation: Result<Observation, ReconcileFailure>?,
                           dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        if case .success(let live)? = observation, live.presence != .absent {
            return try ResourceChange(address: address, action: .noop, dependencies: dependencies)
        }
        return try ResourceChange(address: address, action: .blocked,
                                  reason: "not selected by --selector, and it does not exist or could not be read",
                                  dependencies: dependencies)
    }
}
