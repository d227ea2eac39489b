import Manifests

/// Focused runs for the controller: plan and apply some resources (and what they need) instead of the whole
/// directory.
extension ReconcileEngine {
    /// Applies only the changes of `only` (a rename counts for its old and its new address), plus the create,
    /// update and replace changes of the resources they depend on (directly or through others), which they need to
    /// exist first. Status files are written for those resources alone; everything else in `run` is left as it is.
    public func apply(_ run: PlannedRun, only: Set<ResourceAddress>) async throws(ReconcileEngineError) -> AppliedRun {
        let needed = Self.closure(of: only, graph: run.graph)
        let changes = run.plan.changes.filter { change in
            only.contains(change.address) || change.previousAddress.map(only.contains) == true
                || (needed.contains(change.address) && change.action.isBuildingUp)
        }
        let kept = Set(changes.map(\.address))
        let focused: PlannedRun
        do {
            focused = PlannedRun(plan: try Plan(changes: changes, account: run.plan.account, regions: run.plan.regions), targets: run.targets, graph: run.graph,
                                 inputs: run.inputs.filter { kept.contains($0.key) },
                                 observations: run.observations.filter { kept.contains($0.key) },
                                 references: run.references, options: run.options,
                                 foreignStatuses: run.foreignStatuses)
        } catch {
            throw ReconcileEngineError.plan(error)
        }
        return try await apply(focused)
    }

    /// The targets of `focus` and of everything they depend on in `graph`. A removed resource (status file only)
    /// has no references left, so every target of the kinds it can depend on is kept too: a removed app client is
    /// found through its pool's live id. The manifests of a removed resource's own kind are kept as well, so that
    /// one claiming its AWS resource (a rename) is seen and the resource is never deleted from under it.
    static func focused(_ targets: [ResourceAddress: ReadTarget], graph: ResourceGraph,
                        on focus: Set<ResourceAddress>) -> [ResourceAddress: ReadTarget] {
        var roots = focus
        for address in focus where targets[address]?.desired == nil {
            let kinds = DesiredState.dependencyKinds(of: address.kind) + [address.kind]
            roots.formUnion(targets.keys.filter { kinds.contains($0.kind) })
        }
        let keep = closure(of: roots, graph: graph)
        return targets.filter { keep.contains($0.key) }
    }

    /// The status files a plan focused on `focus` needs: those of the focused resources, of what they depend on
    /// (directly or through others), and, for a removed resource, of every resource of its kind and of the kinds it
    /// can depend on (`focused`). The other files are only listed, not read: the controller plans a few resources after a file change,
    /// and decoding hundreds of status files each time would delay its first write.
    func focusedStatuses(desired: DesiredState,
                         focus: Set<ResourceAddress>) throws(StatusStoreError) -> [ResourceStatus] {
        let listed = Set(try statusStore.addresses())
        let all = listed.union(desired.resources.keys)
        var needed: Set<ResourceAddress> = []
        var pending = Array(focus)
        while let next = pending.popLast() {
            guard needed.insert(next).inserted else { continue }
            if let resource = desired.resources[next] {
                pending.append(contentsOf: resource.dependencies)
            } else {
                let kinds = DesiredState.dependencyKinds(of: next.kind) + [next.kind]
                pending.append(contentsOf: all.filter { kinds.contains($0.kind) })
            }
        }
        var statuses: [ResourceStatus] = []
        for address in needed.intersection(listed).sorted() {
            if let status = try statusStore.read(address) { statuses.append(status) }
        }
        return statuses
    }

    /// `addresses` and their dependencies, direct or through others.
    static func closure(of addresses: Set<ResourceAddress>, graph: ResourceGraph) -> Set<ResourceAddress> {
        var found = addresses
        var pending = Array(addresses)
        while let next = pending.popLast() {
            for dependency in graph.dependencies(of: next) where found.insert(dependency).inserted {
                pending.append(dependency)
            }
        }
        return found
    }
}

extension ChangeAction {
    /// Whether the change makes a resource exist or match its manifest (create, update, replace): what a
    /// dependent resource needs done first.
    var isBuildingUp: Bool {
        self == .create || self == .update || self == .replace
    }
}
