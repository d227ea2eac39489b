import Manifests

/// Focused runs for the controller: plan and apply some resources (and what they need) instead of the whole
/// directory.
extension ReconcileEngine {
    /// Applies only the changes of `only` (a rename counts for its old and its new address, unless an earlier run
    /// already moved its status file: `ReadTarget.formerAddress`), plus the create, update and replace changes of the
    /// resources they depend on (directly or through others), which they need to exist first. Status files are
    /// written for those resources alone; everything else in `run` is left as it is.
    public func apply(_ run: PlannedRun, only: Set<ResourceAddress>) async throws(ReconcileEngineError) -> AppliedRun {
        let needed = run.graph.closure(of: only)
        let changes = run.plan.changes.filter { change in
            let movesFrom = change.previousAddress.flatMap { previous in
                previous == run.targets[change.address]?.formerAddress ? nil : previous
            }
            return only.contains(change.address) || movesFrom.map(only.contains) == true
                || (needed.contains(change.address) && change.action.isBuildingUp)
        }
        let kept = Set(changes.map(\.address))
        let focused: PlannedRun
        do {
            focused = PlannedRun(plan: try Plan(changes: changes, account: run.plan.account, regions: run.plan.regions), targets: run.targets, graph: run.graph,
                                 inputs: run.inputs.filter { kept.contains($0.key) },
                                 observations: run.observations.filter { kept.contains($0.key) },
                                 references: run.references, options: run.options,
                                 foreignStatuses: run.foreignStatuses, keptReplacements: run.keptReplacements,
                                 plannedReferences: run.plannedReferences, unrecorded: run.unrecorded)
        } catch {
            throw ReconcileEngineError.plan(error)
        }
        return try await apply(focused)
    }

    /// The targets of `focus` and of everything they depend on in `graph`. A removed resource (status file only)
    /// has no references left, so every target of the kinds it can depend on is kept too: a removed app client is
    /// found through its pool's live id. The manifests of a removed resource's own kind are kept as well, so that
    /// one claiming its AWS resource (a rename) is seen and the resource is never deleted from under it. With
    /// `pairing` (a focused run that may rename: not under `--selector`), the removed resources of a manifest's own
    /// kind are kept for the same reason the other way round: a new manifest that is one's rename is paired in its
    /// own run (`RenameResolver`), not created next to it; they are read and planned, and only applied by their own
    /// run (`apply(_:only:)`).
    static func focused(_ targets: [ResourceAddress: ReadTarget], graph: ResourceGraph,
                        on focus: Set<ResourceAddress>, pairing: Bool) -> [ResourceAddress: ReadTarget] {
        var roots = focus
        for address in focus {
            if targets[address]?.desired == nil {
                let kinds = address.kind.relations.dependencyKinds + [address.kind]
                roots.formUnion(targets.keys.filter { kinds.contains($0.kind) })
            } else if pairing {
                roots.formUnion(targets.keys.filter { targets[$0]?.desired == nil && $0.kind == address.kind })
            }
        }
        let keep = graph.closure(of: roots)
        return targets.filter { keep.contains($0.key) }
    }

    /// The status files a plan focused on `focus` needs: those of the focused resources, of what they depend on
    /// (directly or through others), and, for a removed resource, of every resource of its kind and of the kinds it
    /// can depend on, and with `pairing`, for a manifest, of the removed resources of its kind (`focused`); and the
    /// address of every status file. The other files are only listed, not read:
    /// the controller plans a few resources after a file change, and decoding hundreds of status files each time
    /// would delay its first write. `renameHolders`: the files, beyond those, that may hold a rename from the
    /// address of a manifest among them with no AWS resource of its own (`renameHolders(of:…)`).
    func focusedStatuses(desired: DesiredState, focus: Set<ResourceAddress>, pairing: Bool) throws(StatusStoreError)
        -> (read: [ResourceStatus], listed: Set<ResourceAddress>, renameHolders: [ResourceStatus]) {
        let listed = Set(try statusStore.addresses())
        let all = listed.union(desired.resources.keys)
        let byKind = Dictionary(grouping: all, by: \.kind)
        var dependencies = desired.resources.mapValues(\.dependencies)
        for address in all where desired.resources[address] == nil {
            let kinds = address.kind.relations.dependencyKinds + [address.kind]
            dependencies[address] = kinds.flatMap { byKind[$0] ?? [] }.filter { $0 != address }
        }
        let ownKinds = pairing ? Set(focus.filter { desired.resources[$0] != nil }.map(\.kind)) : []
        let removedOfOwnKinds = listed.filter { desired.resources[$0] == nil && ownKinds.contains($0.kind) }
        let needed = ResourceGraph.closure(of: focus.union(removedOfOwnKinds), in: dependencies)
        var statuses: [ResourceStatus] = []
        for address in needed.intersection(listed).sorted() {
            if let status = try statusStore.read(address) { statuses.append(status) }
        }
        let holders = try renameHolders(of: needed, read: statuses, listed: listed, desired: desired)
        return (statuses, listed, holders)
    }

    /// The status files not in `read` that record a rename not carried out (`ResourceStatus.renamedFrom`), of the
    /// kinds of the manifests in `needed` with no AWS resource of their own (no status file, or one that records
    /// none): such a manifest may have a held rename's old address, where what AWS has tagged or named is the renamed
    /// resource (`RunPlanner.heldFormerNames`). Read only then: a manifest with a resource needs none.
    private func renameHolders(of needed: Set<ResourceAddress>, read: [ResourceStatus], listed: Set<ResourceAddress>,
                               desired: DesiredState) throws(StatusStoreError) -> [ResourceStatus] {
        let byAddress = Dictionary(read.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let kinds = Set(needed.filter { desired.resources[$0] != nil && ResourceStatus.recordsNoResource(byAddress[$0]) }
            .map(\.kind))
        guard !kinds.isEmpty else { return [] }
        var holders: [ResourceStatus] = []
        for address in listed.sorted() where kinds.contains(address.kind) && byAddress[address] == nil {
            if let status = try statusStore.read(address), status.renamedFrom != nil { holders.append(status) }
        }
        return holders
    }

    /// The removed resources a run under `--selector` does not reconcile (it never reads them): this run's status
    /// files without a manifest outside `targets`, of the kinds it may create. They are read here (few: a removal
    /// lasts until a run reconciles it). Left out: another manifest set's (no run of this set reconciles them), and
    /// removals a run refused or kept suspended (they stay until a hand or a manifest acts; that run did not pair
    /// them either). A create of their kind waits for them (`RunPlanner.holdingCreate`).
    func unreadRemovals(listed: Set<ResourceAddress>, desired: DesiredState,
                        targets: [ResourceAddress: ReadTarget]) throws(StatusStoreError) -> Set<ResourceAddress> {
        // Only the kinds a create may be planned for: a manifest without a status file recording its resource.
        let creatable = Set(targets.values.filter { $0.desired != nil && ResourceStatus.recordsNoResource($0.status) }
            .map(\.address.kind))
        var removed: [ResourceStatus] = []
        for address in listed.sorted() where creatable.contains(address.kind) && desired.resources[address] == nil
            && targets[address] == nil {
            if let status = try statusStore.read(address), ![.refused, .suspended].contains(status.phase) {
                removed.append(status)
            }
        }
        let foreign = Self.foreignStatuses(removed, desired: desired, identity: options.identity)
        return Set(removed.map(\.address).filter { foreign[$0] == nil })
    }
}

extension ChangeAction {
    /// Whether the change makes a resource exist or match its manifest (create, update, replace): what a
    /// dependent resource needs done first.
    var isBuildingUp: Bool {
        self == .create || self == .update || self == .replace
    }
}
