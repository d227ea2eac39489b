import Manifests

/// Focused runs for the controller: plan and apply some resources (and what they need) instead of the whole
/// directory.
extension ReconcileEngine {
    /// Applies only the changes of `only`, plus the create, update and replace changes of the resources they
    /// depend on (directly or through others), which they need to exist first. Status files are written for
    /// those resources alone; everything else in `run` is left as it is.
    public func apply(_ run: PlannedRun, only: Set<ResourceAddress>) async throws(ReconcileEngineError) -> AppliedRun {
        let needed = Self.closure(of: only, graph: run.graph)
        let changes = run.plan.changes.filter { change in
            only.contains(change.address) || (needed.contains(change.address) && change.action.isBuildingUp)
        }
        let kept = Set(changes.map(\.address))
        let focused: PlannedRun
        do {
            focused = PlannedRun(plan: try Plan(changes: changes), targets: run.targets, graph: run.graph,
                                 inputs: run.inputs.filter { kept.contains($0.key) },
                                 observations: run.observations.filter { kept.contains($0.key) },
                                 references: run.references, options: run.options)
        } catch {
            throw ReconcileEngineError.plan(error)
        }
        return try await apply(focused)
    }

    /// The targets of `focus` and of everything they depend on in `graph`. A removed resource (status file only)
    /// has no references left, so every target of the kinds it can depend on is kept too: a removed app client is
    /// found through its pool's live id.
    static func focused(_ targets: [ResourceAddress: ReadTarget], graph: ResourceGraph,
                        on focus: Set<ResourceAddress>) -> [ResourceAddress: ReadTarget] {
        var roots = focus
        for address in focus where targets[address]?.desired == nil {
            let kinds = DesiredState.dependencyKinds(of: address.kind)
            roots.formUnion(targets.keys.filter { kinds.contains($0.kind) })
        }
        let keep = closure(of: roots, graph: graph)
        return targets.filter { keep.contains($0.key) }
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
