import Manifests

/// Renames: which removed resources the run's manifests are, before anything is planned.
extension RunPlanner {
    /// The renames and claims of removed resources (`RenameResolver`), and the targets and observations with each
    /// renamed pair merged. Resolved again after each round of renames until a round adds none: a resource renamed
    /// with the one it is found through (an app client and its pool) is claimed through the renamed pool's id, which
    /// the first round does not know yet. Manifests the controller keeps only until their removal is confirmed
    /// (`pendingRemovals`) pair with nothing: the folder no longer has them.
    func resolvingRenames(targets readTargets: [ResourceAddress: ReadTarget], observations readObservations: Observations)
        -> (RenameResolver.Resolution, [ResourceAddress: ReadTarget], Observations) {
        var (targets, observations) = (readTargets, readObservations)
        var renamed: [ResourceAddress: ResourceAddress] = [:]
        while true {
            let round = RenameResolver(registry: registry).resolve(
                targets: targets, observations: observations,
                references: references(targets: targets, observations: observations), holding: pendingRemovals)
            guard !round.renamed.isEmpty else {
                renamed.merge(Self.unfinishedRenames(targets: targets, observations: observations)) { this, _ in this }
                return (RenameResolver.Resolution(renamed: renamed, claimed: round.claimed, held: round.held),
                        targets, observations)
            }
            renamed.merge(round.renamed) { new, _ in new }
            (targets, observations) = Self.applying(round.renamed, to: targets, observations: observations)
        }
    }

    /// The renames an earlier run moved the status file of without carrying them out (`ResourceStatus.renamedFrom`):
    /// each manifest whose resource was found as its own, by its former address's ownership tags or its own, is
    /// renamed from that address again, so that the rename's tag writes are planned. Its status file is already at the
    /// new address. (After a crash between a rename's tag writes and its status write, the plan shows the tag change
    /// once more; the retag then finds nothing missing and writes nothing.) The former address may have a manifest
    /// again with no resource of its own: it waits for the rename (`heldName(of:resolution:)`).
    static func unfinishedRenames(targets: [ResourceAddress: ReadTarget],
                                  observations: Observations) -> [ResourceAddress: ResourceAddress] {
        var renamed: [ResourceAddress: ResourceAddress] = [:]
        for target in targets.values where target.desired != nil {
            guard let former = target.formerAddress,
                  targets[former].map({ $0.desired == nil || ResourceStatus.recordsNoResource($0.status) }) != false,
                  case .success(let observation)? = observations[target.address],
                  observation.presence == .owned else { continue }
            renamed[target.address] = former
        }
        return renamed
    }

    /// The targets and observations with each renamed pair merged: the manifest at its new address, with the
    /// removed resource's status (renamed) and live state; the old address gone.
    static func applying(_ renamed: [ResourceAddress: ResourceAddress], to targets: [ResourceAddress: ReadTarget],
                         observations: Observations) -> ([ResourceAddress: ReadTarget], Observations) {
        var targets = targets
        var observations = observations
        for (address, previous) in renamed {
            guard let manifest = targets[address], let old = targets[previous] else { continue }
            var status = old.status
            status?.name = address.name
            targets[address] = ReadTarget(address: address, desired: manifest.desired, status: status,
                                          region: manifest.region, references: manifest.references,
                                          formerAddress: old.formerAddress)
            observations[address] = observations[previous]
            targets[previous] = nil
            observations[previous] = nil
        }
        return (targets, observations)
    }
}
