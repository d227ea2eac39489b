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
                return (RenameResolver.Resolution(renamed: renamed, claimed: round.claimed, held: round.held,
                                                  contested: Self.contestedRenames(targets: targets,
                                                                                   observations: observations)),
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
    /// once more; the retag then finds nothing missing and writes nothing.)
    static func unfinishedRenames(targets: [ResourceAddress: ReadTarget],
                                  observations: Observations) -> [ResourceAddress: ResourceAddress] {
        var renamed: [ResourceAddress: ResourceAddress] = [:]
        for target in targets.values where target.desired != nil {
            guard let former = target.formerAddress, targets[former]?.desired == nil,
                  case .success(let observation)? = observations[target.address],
                  observation.presence == .owned else { continue }
            renamed[target.address] = former
        }
        return renamed
    }

    /// The change of `address` while a rename holds it, nil otherwise: blocked while a manifest missing from the folder
    /// for less than the prune delay claims its resource (`Resolution.held`), refused while another manifest's status
    /// file records its resource after a rename from it that was not carried out (`Resolution.contested`).
    static func heldByARename(_ address: ResourceAddress, resolution: RenameResolver.Resolution,
                              dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange? {
        if let holders = resolution.held[address] {
            let names = holders.map(\.description).joined(separator: ", ")
            return try ResourceChange(address: address, action: .blocked, reason: "\(names) claims its AWS resource "
                                      + "but is missing from the folder for less than the prune delay: nothing "
                                      + "is done to it until that removal is confirmed", dependencies: dependencies)
        }
        guard let renamed = resolution.contested[address] else { return nil }
        return try ResourceChange(address: address, action: .refuse, reason: "its AWS resource is the one the status "
                                  + "file of \(renamed) records: \(renamed) was renamed from it and the rename was not "
                                  + "carried out. Remove this manifest to let that rename go ahead, or remove "
                                  + "\(renamed) to keep the resource under this name", dependencies: dependencies)
    }

    /// The manifests whose own resource is the one another manifest's status file records after a rename from their
    /// address that was not carried out (a manifest with the old `metadata.name` added again while the rename waits):
    /// by contested manifest, that other one. The old name's tags make it the old name's, the status file makes it
    /// the new name's; neither is planned on it (a replacement under the old name would delete what the new name
    /// records) until one of the two manifests goes.
    static func contestedRenames(targets: [ResourceAddress: ReadTarget],
                                 observations: Observations) -> [ResourceAddress: ResourceAddress] {
        var contested: [ResourceAddress: ResourceAddress] = [:]
        for renamed in targets.values where renamed.desired != nil {
            guard let text = renamed.status?.renamedFrom, let old = try? ResourceAddress(parsing: text),
                  old != renamed.address, targets[old]?.desired != nil,
                  case .success(let recorded)? = observations[renamed.address], recorded.presence != .absent,
                  case .success(let found)? = observations[old], found.presence == .owned,
                  found.isSameResource(as: recorded) else { continue }
            contested[old] = renamed.address
        }
        return contested
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
