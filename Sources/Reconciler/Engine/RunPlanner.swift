import Manifests

/// The pure planning step of a run: desired resources × what was observed × status files → one change per
/// resource, in graph order. No I/O.
///
/// Each resource is planned after its dependencies, with their outputs in `references` as they will be after this run
/// (`plannedReferences`: a dependency the plan creates, updates or leaves as its manifest says has the outputs its
/// manifest gives it, so a rotated SmsRole external id reaches the pool in the same run, and a role that only drifted
/// does not move the pool) and their planned actions in `dependencyActions`. Field changes that appear only because
/// a dependency changes in this run are marked `followsDependency` (not drift). A resource is `blocked` instead of
/// planned when its kind could not be read, or when a dependency is unavailable: blocked, refused or unread without
/// a live resource, or pending; and when it is a manifest at a held rename's former address (`heldFormerNames`).
/// Removed resources that a current manifest claims are renamed or released, never deleted (`RenameResolver`), and
/// the delete of one that a current manifest still names directly is blocked (`UseGuard`);
/// with `removalRefusal` set (the empty-set guard), every removed resource is refused instead.
/// What is not this run's owner's is refused before its handler sees it (`OwnershipGuard`). A suspended resource
/// is planned `suspended` (`Suspension`); a target outside `--selector` (`unselected`) is planned only so that its
/// dependents know whether it is available, and is left out of the plan.
struct RunPlanner: Sendable {
    /// The handlers.
    let registry: HandlerRegistry
    /// Run-wide options (account, `--allow-purchase`, owner).
    let options: PlanOptions
    /// Who the run acts for.
    let identity: RunIdentity
    /// Every manifest of the folder, a target of the run or not: a replaced resource one of them names is kept
    /// (`KeptReplacements`).
    let manifests: [DesiredResource]
    /// Removed resources known only from lost-state rediscovery (their status records were made from their tags).
    var rediscovered: Set<ResourceAddress> = []
    /// Why removed resources are neither deleted nor released in this run (nil: they are planned as usual).
    var removalRefusal: String?
    /// Targets outside `--selector`, read only for their dependents: never changed, left out of the plan.
    var unselected: Set<ResourceAddress> = []
    /// Every manifest outside `--selector`, a target of the run or not: a replacement they depend on is held.
    var unselectedManifests: Set<ResourceAddress> = []
    /// Removed resources this run does not read (under `--selector`) or the controller holds for the prune delay: a
    /// create of their kind may be their rename, and waits for them (`holdingCreate`).
    var unreconciledRemovals: Set<ResourceAddress> = []
    /// Manifests the controller keeps only until their removal is confirmed (its prune delay): never created, and
    /// paired with nothing (a removed resource only they claim is held).
    var pendingRemovals: Set<ResourceAddress> = []
    /// The settings document's `spec.suspend: true`: every resource of the set is suspended.
    var suspendAll = false
    /// Renames not carried out, by the address they were renamed from (which has a manifest with no AWS resource of
    /// its own again), each with the address it was renamed to (`ReconcileEngine.heldFormerNames`). What AWS has
    /// tagged or named for such an address is that resource, so the manifest there is blocked
    /// (`heldName(of:resolution:)`) until the rename is carried out or the renamed resource's removal reconciled.
    var heldFormerNames: [ResourceAddress: ResourceAddress] = [:]

    /// What a read produced per address: an observation, or why there is none.
    typealias Observations = [ResourceAddress: Result<Observation, ReconcileFailure>]

    /// Plans every resource of `targets`, whose graph is `graph`. The addresses of `foreignStatuses` (status files
    /// of another manifest set) are refused without being read.
    func plan(targets readTargets: [ResourceAddress: ReadTarget], graph: ResourceGraph,
              observations readObservations: Observations,
              foreignStatuses: [ResourceAddress: StatusClaim] = [:]) throws(ReconcileEngineError) -> PlannedRun {
        let (resolution, targets, renamedObservations) = resolvingRenames(targets: readTargets,
                                                                          observations: readObservations)
        // Manifests at a held rename's former address: what their reads found is the renamed manifest's, so it is
        // neither planned on nor handed to their dependents as their outputs.
        let holders = targets.values.reduce(into: [ResourceAddress: ResourceAddress]()) { holders, target in
            holders[target.address] = heldName(of: target, resolution: resolution)
        }
        let heldNames = Set(holders.keys)
        let observations = Self.withoutFoundNotTheirs(renamedObservations, heldNames)
        let references = self.references(targets: targets, observations: observations)
        var plannedReferences = references
        var changes: [ResourceChange] = []
        var byAddress: [ResourceAddress: ResourceChange] = [:]
        var inputs: [ResourceAddress: ErasedPlanInput] = [:]
        var kept: [ResourceAddress: [ResourceAddress]] = [:]
        // Those and what depends on them, directly or through others: their reads went through the held address's
        // outputs, so what they found is not theirs to record.
        var notTheirs = heldNames
        for address in graph.applyOrder {
            guard let target = targets[address] else { continue }
            let dependencies = graph.dependencies(of: address)
            let change: ResourceChange
            do throws(PlanError) {
                if let claim = foreignStatuses[address] {
                    change = try ResourceChange(
                        address: address, action: .refuse,
                        reason: OwnershipError.foreignStatus(address, claim, run: identity).message,
                        dependencies: dependencies)
                } else if let holder = holders[address] {
                    // Before the selector: an unselected one's dependents must not go ahead either.
                    change = try Self.heldByRename(address, holder: holder,
                                                   removed: !manifests.contains { $0.address == holder },
                                                   dependencies: dependencies)
                } else if unselected.contains(address) {
                    // Read through a held name's outputs: what it found is not its, and its dependents wait.
                    if dependencies.contains(where: notTheirs.contains),
                       let waiting = firstUnavailable(dependencies, changes: byAddress, observations: observations) {
                        change = try ResourceChange(address: address, action: .blocked, reason: waiting,
                                                    dependencies: dependencies)
                    } else {
                        change = try Self.unselected(address, observation: observations[address],
                                                     dependencies: dependencies)
                    }
                } else if target.desired == nil, let removalRefusal {
                    change = try ResourceChange(address: address, action: .refuse, reason: removalRefusal,
                                                dependencies: dependencies)
                } else {
                    let handlerChange = try self.change(
                        for: target, dependencies: dependencies, observations: observations, planned: byAddress,
                        references: plannedReferences, liveReferences: references, resolution: resolution,
                        inputs: &inputs)
                    let planned = try UseGuard.guarding(
                        handlerChange, outputs: references[address],
                        replacedBy: plannedOutputs(of: target, after: handlerChange, live: references[address]),
                        targets: targets)
                    let found = rediscovered.contains(address) && [.delete, .retain].contains(planned.action)
                        ? try Self.rediscovered(planned) : try Self.holdingRegionMove(planned, target: target)
                    let held = try Self.holdingReplacement(found, dependents: graph.directDependents(of: address)
                        .filter(unselectedManifests.contains))
                    let creating = try Self.holdingCreate(held, target: target, pending: pendingRemovals.contains(address),
                                                          removals: unreconciledRemovals
                                                              .filter { $0.kind == address.kind && $0 != address }.sorted())
                    let holding = try heldRelease(creating, target: target, resolution: resolution)
                    let keeping = try KeptReplacements.keeping(holding, observation: try? observations[address]?.get(),
                                                               manifests: manifests, registry: registry,
                                                               references: references, kept: &kept)
                    change = try ReportedDrift.holding(keeping, planned: byAddress, live: references,
                                                       assumed: plannedReferences)
                }
            } catch {
                throw ReconcileEngineError.plan(error)
            }
            changes.append(change)
            byAddress[address] = change
            if dependencies.contains(where: notTheirs.contains) { notTheirs.insert(address) }
            // A target outside --selector is not changed: what depends on it is planned with its live outputs.
            if !unselected.contains(address),
               let outputs = plannedOutputs(of: target, after: change, live: references[address]) {
                plannedReferences[address] = outputs
            }
        }
        do {
            let planned = try UseOrder.ordering(
                try Self.notingContainerDeletes(changes.filter { !unselected.contains($0.address) }, targets: targets),
                outputs: references)
            let regions = Set(targets.values.compactMap(\.region)).sorted()
            return PlannedRun(plan: try Plan(changes: planned, account: options.account, regions: regions),
                              targets: targets, graph: graph, inputs: inputs,
                              observations: Self.withoutFoundNotTheirs(observations, notTheirs),
                              references: references, options: options,
                              foreignStatuses: foreignStatuses, keptReplacements: kept,
                              plannedReferences: plannedReferences, unrecorded: heldNames)
        } catch {
            throw ReconcileEngineError.plan(error)
        }
    }

    /// The change of one target that is this run's to act on: blocked when its kind could not be read or a
    /// dependency is unavailable, refused when what was found is not this owner's, else the handler's plan (whose
    /// input is recorded in `inputs`); a removed resource that a current manifest claims is released, and a renamed
    /// one's change becomes a rename.
    private func change(for target: ReadTarget, dependencies: [ResourceAddress], observations: Observations,
                        planned byAddress: [ResourceAddress: ResourceChange],
                        references: [ResourceAddress: [String: String]],
                        liveReferences: [ResourceAddress: [String: String]], resolution: RenameResolver.Resolution,
                        inputs: inout [ResourceAddress: ErasedPlanInput]) throws(PlanError) -> ResourceChange {
        let change = try unrenamedChange(for: target, dependencies: dependencies, observations: observations,
                                         planned: byAddress, references: references, liveReferences: liveReferences,
                                         resolution: resolution, inputs: &inputs)
        // Every change of a renamed target names the previous address, whatever held it (blocked or suspended
        // before its handler planned it too): its status file moves from there, and the old one is removed.
        guard let previous = resolution.renamed[target.address] else { return change }
        let tagged = (try? observations[target.address]?.get()).map { observation in
            registry.handler(for: target.address.kind)?.carriesOwnershipTags(observation) ?? false
        } ?? false
        return try Self.renamed(change, from: previous, tagged: tagged)
    }

    /// `change(for:…)` before the rename of a renamed target is applied to it.
    private func unrenamedChange(for target: ReadTarget, dependencies: [ResourceAddress], observations: Observations,
                                 planned byAddress: [ResourceAddress: ResourceChange],
                                 references: [ResourceAddress: [String: String]],
                                 liveReferences: [ResourceAddress: [String: String]],
                                 resolution: RenameResolver.Resolution,
                                 inputs: inout [ResourceAddress: ErasedPlanInput]) throws(PlanError) -> ResourceChange {
        let address = target.address
        if target.desired == nil, let status = target.status, status.recordsNeverCreated {
            // Never created (its create was blocked or refused): nothing in AWS to delete, nothing was read.
            return try ResourceChange(address: address, action: .noop, reason: "its status file records no AWS "
                                      + "resource (it was never created): only the status file is removed",
                                      dependencies: dependencies)
        }
        // The failure of a target nobody read is made only for such a target (`??` takes it as an autoclosure).
        let observed = observations[address]
            ?? .failure(ReconcileFailure(classifying: HandlerFailure.missingLiveState(address)))
        switch observed {
        case .failure(let failure):
            return try ResourceChange(address: address, action: .blocked,
                                      reason: "could not read \(address.kind.rawValue) resources: \(failure.code): \(failure.message)",
                                      dependencies: dependencies)
        case .success(let observation):
            if let suspension = Suspension.of(target, suspendAll: suspendAll) {
                return try suspended(target, observation: observation, why: suspension, dependencies: dependencies,
                                     references: references, planned: byAddress)
            }
            let input = ErasedPlanInput(
                address: address, desired: target.desired, observation: observation, status: target.status,
                references: references,
                dependencyActions: Dictionary(uniqueKeysWithValues: dependencies.compactMap { dependency in
                    byAddress[dependency].map { (dependency, $0.action) }
                }),
                deletePolicy: Self.deletePolicy(target), options: options)
            if let holders = resolution.held[address] {
                let names = holders.map(\.description).joined(separator: ", ")
                return try ResourceChange(address: address, action: .blocked, reason: "\(names) claims its AWS resource "
                                          + "but is missing from the folder for less than the prune delay: nothing "
                                          + "is done to it until that removal is confirmed", dependencies: dependencies)
            }
            // Released before the ownership rules: nothing is deleted, and the resource stays with the manifest that
            // claims it, even when its tags already name that manifest (a rename killed after its tag write and
            // before its status move, which was refused on every later run).
            if let claiming = resolution.claimed[address] {
                inputs[address] = input
                return try Self.released(address, claimedBy: claiming, dependencies: dependencies)
            }
            if let refusal = OwnershipGuard.refusal(address: address, desired: target.desired,
                                                    observation: observation, run: identity) {
                return try ResourceChange(address: address, action: .refuse, reason: refusal.message,
                                          dependencies: dependencies)
            }
            // A removed resource is deleted or retained, which needs nothing it depended on (its delete runs before
            // theirs): a blocked dependency must not hold it (a removed PhonePool is deleted while its number,
            // still in it at plan time, waits).
            if target.desired != nil,
               let waiting = firstUnavailable(dependencies, changes: byAddress, observations: observations) {
                return try ResourceChange(address: address, action: .blocked, reason: waiting, dependencies: dependencies)
            }
            inputs[address] = input
            return try planned(input, dependencies: dependencies, liveReferences: liveReferences)
        }
    }

    /// The `suspended` change of a suspended target: the handler's field changes (what resuming would change, when
    /// it can plan them) with `why` as the reason; nothing of it is applied. A removed resource shows none.
    private func suspended(_ target: ReadTarget, observation: Observation, why: String, dependencies: [ResourceAddress],
                           references: [ResourceAddress: [String: String]],
                           planned byAddress: [ResourceAddress: ResourceChange]) throws(PlanError) -> ResourceChange {
        var fields: [FieldChange] = []
        if target.desired != nil, let handler = registry.handler(for: target.address.kind) {
            let input = ErasedPlanInput(
                address: target.address, desired: target.desired, observation: observation, status: target.status,
                references: references,
                dependencyActions: Dictionary(uniqueKeysWithValues: dependencies.compactMap { dependency in
                    byAddress[dependency].map { (dependency, $0.action) }
                }),
                deletePolicy: Self.deletePolicy(target), options: options)
            fields = (try? handler.plan(input))?.fieldChanges ?? []
        }
        return try ResourceChange(address: target.address, action: .suspended, fieldChanges: fields, reason: why,
                                  dependencies: dependencies)
    }

    /// What to do when the manifest is gone: the manifest's policy while it exists, else the policy recorded in
    /// status, else the kind's default.
    static func deletePolicy(_ target: ReadTarget) -> DeletePolicy {
        target.desired?.policy.onDelete.value ?? target.status?.onDelete ?? target.address.kind.defaultPolicy.onDelete
    }

    /// The handler's change, with the graph's dependencies added (a removed resource's handler knows none), or a
    /// blocked change when the handler cannot plan it.
    private func planned(_ input: ErasedPlanInput, dependencies: [ResourceAddress],
                         liveReferences: [ResourceAddress: [String: String]]) throws(PlanError) -> ResourceChange {
        guard let handler = registry.handler(for: input.address.kind) else {
            return try ResourceChange(address: input.address, action: .blocked,
                                      reason: HandlerFailure.noHandler(input.address.kind).message,
                                      dependencies: dependencies)
        }
        let handlers: ResourceChange
        do throws(HandlerFailure) {
            handlers = try handler.plan(input)
        } catch {
            return try ResourceChange(address: input.address, action: .blocked,
                                      reason: "could not be planned: \(error.message)", dependencies: dependencies)
        }
        var change = try DependencyFollowing.marked(handlers, input: input, liveReferences: liveReferences,
                                                    dependencies: dependencies, plan: handler.plan)
        change = try Self.withRemovalReason(try Self.withUnmanagedWarnings(change, input: input), input: input)
        if case .legacy = input.live, let owner = options.owner {
            return try OwnershipGuard.claiming(change, owner: owner, dependencies: dependencies)
        }
        let reportOnly = Self.isReportOnlyDrift(change, input: input)
        guard reportOnly || !Set(dependencies).isSubset(of: change.dependencies) else { return change }
        return try change.revised(
            action: reportOnly ? .noop : nil,
            reason: reportOnly ? ReportedDrift.reason : nil,
            dependencies: change.dependencies + dependencies)
    }

    /// Whether `change` corrects drift that the manifest only wants reported: an update of an owned resource whose
    /// manifest is the one last reconciled, under `policy.onDrift: Report`. Such a change becomes a noop that keeps
    /// its field changes, and the status records the drift. An update with a field that follows a dependency (a
    /// pool's SMS external id following its rotated SmsRole) is not: what the dependency's change needs is applied,
    /// else the resource would point at something that no longer exists.
    static func isReportOnlyDrift(_ change: ResourceChange, input: ErasedPlanInput) -> Bool {
        guard change.action == .update, !change.fieldChanges.contains(where: \.followsDependency),
              case .owned = input.live, let desired = input.desired,
              desired.policy.onDrift.value == .report, let status = input.status else { return false }
        return status.specHash == SpecHash.of(desired.manifest)
    }

    /// The outputs `target` will have after `change`: its live outputs (`live`) overlaid with the ones its manifest
    /// gives it, when the change brings it to its manifest (create, update, replace, rename, or a noop); nil when
    /// the change leaves it as found (refused, blocked, suspended, removed) or its kind computes no planned outputs.
    private func plannedOutputs(of target: ReadTarget, after change: ResourceChange,
                                live: [String: String]?) -> [String: String]? {
        guard let desired = target.desired, let handler = registry.handler(for: target.address.kind) else { return nil }
        switch change.action {
        case .create, .update, .replace, .rename, .noop:
            let planned = handler.plannedOutputs(of: desired, account: options.account, partition: options.partition)
            guard !planned.isEmpty else { return nil }
            return (live ?? [:]).merging(planned) { _, planned in planned }
        case .delete, .retain, .refuse, .blocked, .suspended:
            return nil
        }
    }

    /// Outputs of every resource: live ones, else planned ones for resources that do not exist yet.
    func references(targets: [ResourceAddress: ReadTarget],
                            observations: Observations) -> [ResourceAddress: [String: String]] {
        var references: [ResourceAddress: [String: String]] = [:]
        for (address, target) in targets {
            guard case .success(let observation)? = observations[address] else { continue }
            if observation.presence != .absent {
                references[address] = observation.outputs
            } else if let desired = target.desired, let handler = registry.handler(for: address.kind) {
                let planned = handler.plannedOutputs(of: desired, account: options.account, partition: options.partition)
                if !planned.isEmpty { references[address] = planned }
            }
        }
        return references
    }
}
