import Manifests

/// A held rename's old name (`heldFormerNames`): what a manifest there may not do while the renamed resource's status
/// file records the rename.
extension RunPlanner {
    /// The manifest a held rename moved `target`'s address to, when `target` is a manifest at that former address
    /// with no AWS resource of its own (no status file, or one that records none) and is not itself a rename. A
    /// renamed manifest the controller keeps for the prune delay still holds the name: a checkout that lets it go
    /// for a moment must not hand its resource to the old name.
    func heldName(of target: ReadTarget, resolution: RenameResolver.Resolution) -> ResourceAddress? {
        guard target.desired != nil, ResourceStatus.recordsNoResource(target.status),
              resolution.renamed[target.address] == nil,
              let holder = heldFormerNames[target.address], holder != target.address,
              resolution.claimed[holder]?.contains(target.address) != true else { return nil }
        return holder
    }

    /// The blocked change of a manifest at the former address of `holder`'s rename, which is not carried out: the
    /// resource tagged or named for that address in AWS is `holder`'s (its status file records it), and planning on
    /// it here would change it, replace it or record it twice. It waits until the rename is carried out (a run that
    /// may change `holder`) or, `removed`, until a run reconciles `holder`'s removal, which pairs the two when they
    /// are one resource (a rename back), and otherwise deletes it, or releases it only once this manifest is gone
    /// (`RunPlanner.heldRelease`). What depends on it waits too.
    static func heldByRename(_ address: ResourceAddress, holder: ResourceAddress, removed: Bool,
                             dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        let until = removed
            ? "until a run without --selector reconciles the removal of \(holder): it pairs the two if they are the "
                + "same resource and deletes \(holder)'s under onDelete: Delete; under onDelete: Retain its release "
                + "waits for this manifest to be removed or given another metadata.name, or for \(holder)'s manifest "
                + "to come back and its rename to be carried out"
            : "until \(holder)'s rename is carried out (a run that may change \(holder)); this manifest's own resource "
                + "is created after that"
        return try ResourceChange(
            address: address, action: .blocked,
            reason: "\(holder) was renamed from \(address) and the rename is not carried out yet (its status file "
                + "records renamedFrom: \(address)), so what AWS has tagged or named for \(address) is \(holder)'s "
                + "resource: nothing is done for this manifest " + until,
            dependencies: dependencies)
    }

    /// `change`, blocked when it releases a removed resource whose rename from an address a manifest with no
    /// resource of its own has again (`heldFormerNames`) was never carried out: released, it would keep that
    /// address's ownership tags, and that manifest would take it by them in the next run (and could replace it).
    /// A release to that manifest (it claims the resource: a rename back) goes ahead; a delete too.
    func heldRelease(_ change: ResourceChange, target: ReadTarget,
                     resolution: RenameResolver.Resolution) throws(PlanError) -> ResourceChange {
        guard change.action == .retain, target.desired == nil, let former = target.status?.renamedFrom,
              heldFormerNames[former] == target.address,
              resolution.claimed[target.address]?.contains(former) != true else { return change }
        return try change.revised(
            action: .blocked,
            reason: "its rename from \(former) was never carried out, so released now it would keep \(former)'s "
                + "ownership tags, and the manifest \(former) would take it by them: it is released once that "
                + "manifest is removed or given another metadata.name (and then still has those tags, which a "
                + "manifest called \(former) takes later). To release it with its own name's tags, put its manifest "
                + "back so that the rename is carried out, then remove it")
    }

    /// `observations` without what was found for `notTheirs` (read failures stay: they are the run's to report).
    static func withoutFoundNotTheirs(_ observations: Observations, _ notTheirs: Set<ResourceAddress>) -> Observations {
        observations.filter { address, result in
            guard notTheirs.contains(address), case .success = result else { return true }
            return false
        }
    }
}
