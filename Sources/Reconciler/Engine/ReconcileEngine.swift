import AWSCore
import AWSServices
import Manifests

/// Options of one engine run that are not in the manifests.
public struct EngineOptions: Sendable, Equatable {
    /// `--allow-purchase`: requesting origination numbers or sender IDs is allowed without `purchaseApproved`.
    public var allowPurchase: Bool
    /// How many changes are applied at once (`--concurrency`, at least 1).
    public var concurrency: Int
    /// `--allow-empty`: a run without any resource manifest may delete or release every resource its status files
    /// name. Without it such a run refuses them all (the empty-set guard).
    public var allowEmpty: Bool
    /// Who the run acts for: the owner and the manifest folder, recorded in status files and (the owner) in tags.
    public var identity: RunIdentity
    /// `--selector`: only the manifests whose `metadata.labels` match are planned; nil plans every manifest.
    public var selector: LabelSelector?
    /// Whether a full plan looks for this owner's tagged resources that no manifest or status file names
    /// (lost-state rediscovery; only with an owner).
    public var rediscover: Bool

    /// Creates options.
    public init(allowPurchase: Bool = false, concurrency: Int = ReconcileContext.defaultConcurrency, allowEmpty: Bool = false, identity: RunIdentity,
                selector: LabelSelector? = nil, rediscover: Bool = false) {
        self.allowPurchase = allowPurchase
        self.concurrency = max(1, concurrency)
        self.allowEmpty = allowEmpty
        self.identity = identity
        self.selector = selector
        self.rediscover = rediscover
    }
}

/// The reconcile pipeline of ARCHITECTURE.md, generic over the kinds in its registry:
/// manifests → desired state and graph → status files (removed manifests) → account id → live state (one read per
/// kind, kinds concurrently) → pure plan in graph order → (apply) executor → status files.
///
/// Safety: a `LoadResult` with any error is refused before anything is read, so a manifest that fails to parse or
/// validate never causes a change or a delete. `plan` never writes (neither AWS nor status); only `apply` does.
public struct ReconcileEngine: Sendable {
    /// Finds the AWS account id; given the context and the default region.
    public typealias AccountLookup = @Sendable (ReconcileContext, String?) async throws -> String

    /// The handlers, by kind.
    public let registry: HandlerRegistry
    /// AWS access, clock and logger.
    public let context: ReconcileContext
    /// The status records (a local folder or an S3 state).
    public let statusStore: StatusStore
    /// Run options.
    public let options: EngineOptions
    private let accountLookup: AccountLookup

    /// Creates an engine. `accountLookup` defaults to STS GetCallerIdentity in the default region.
    public init(registry: HandlerRegistry, context: ReconcileContext, statusStore: StatusStore,
                options: EngineOptions, accountLookup: @escaping AccountLookup = callerAccount) {
        self.registry = registry
        self.context = context.owned(by: options.identity.owner).caching(in: statusStore.cacheDirectory)
        self.statusStore = statusStore
        self.options = options
        self.accountLookup = accountLookup
    }

    /// The caller's account from STS GetCallerIdentity (in `region`, else us-east-1).
    public static let callerAccount: AccountLookup = { context, region in
        try await context.sts(region ?? "us-east-1").getCallerIdentity().account
    }

    /// Reads everything and plans; writes nothing. Throws before any AWS call when `load` has an error.
    ///
    /// With `focus`, only those resources and what they depend on (directly or through others) are read and
    /// planned; the controller reconciles the keys it dequeued this way. With a selector in the options, the focus is
    /// narrowed to the selected manifests (see `selection`). `pendingRemovals`: manifests of `load` the controller
    /// keeps only until their removal is confirmed (the prune delay).
    ///
    /// A focused run reads the removed resources of its manifests' kinds, so that a rename is paired in the run of
    /// either name. A run under `--selector` never reads removed resources, so it cannot tell a rename from a new
    /// resource: a create of a kind with a removed resource waits for a run without it, and a create of the kind of
    /// a controller's `pendingRemovals` for the prune delay (`RunPlanner.holdingCreate`).
    public func plan(_ load: LoadResult, defaultRegion: String?, focus requested: Set<ResourceAddress>? = nil,
                     pendingRemovals: Set<ResourceAddress> = []) async throws(ReconcileEngineError) -> PlannedRun {
        let desired = try DesiredState(load: load, defaultRegion: defaultRegion)
        let selected = selectedAddresses(in: load)
        let focus = selected.map { requested?.intersection($0) ?? $0 } ?? requested
        let recorded: [ResourceStatus]
        var listed: Set<ResourceAddress> = []
        var renameHolders: [ResourceStatus] = []
        do {
            if let focus {
                (recorded, listed, renameHolders) = try focusedStatuses(desired: desired, focus: focus,
                                                                        pairing: selected == nil)
            } else {
                recorded = try statusStore.readAll()
            }
        } catch {
            throw ReconcileEngineError.statusUnreadable(error)
        }
        let account: String
        do {
            account = try await accountLookup(context, defaultRegion)
        } catch {
            throw ReconcileEngineError.accountLookupFailed(ReconcileFailure(classifying: error))
        }
        let identity = options.identity
        let rediscovered = focus == nil
            ? try await rediscover(desired: desired, statuses: recorded, defaultRegion: defaultRegion) : []
        let statuses = recorded + rediscovered
        let foreign = Self.foreignStatuses(statuses, desired: desired, identity: identity)
        let allTargets = Self.targets(desired: desired, statuses: statuses.filter { foreign[$0.address] == nil },
                                      foreign: Set(foreign.keys), listed: listed)
        let graph = try Self.graph(desired: desired, targets: allTargets, foreign: Set(foreign.keys))
        let targets = focus.map { Self.focused(allTargets, graph: graph, on: $0, pairing: selected == nil) } ?? allTargets
        var planner = RunPlanner(registry: registry,
                                 options: PlanOptions(account: account, allowPurchase: options.allowPurchase,
                                                      owner: identity.owner,
                                                      partition: EndpointTable.partition(of: defaultRegion ?? IAM.defaultRegion).id),
                                 identity: identity, manifests: Array(desired.resources.values),
                                 rediscovered: Set(rediscovered.map(\.address)))
        let ownStatuses = statuses.filter { foreign[$0.address] == nil }
        planner.removalRefusal = Self.emptySetRefusal(desired: desired, statuses: ownStatuses,
                                                      allowEmpty: options.allowEmpty)
        planner.unselected = selected.map { Set(targets.keys).subtracting($0) } ?? []
        planner.unselectedManifests = selected.map { Set(desired.resources.keys).subtracting($0) } ?? []
        planner.pendingRemovals = pendingRemovals
        do {
            let unread = selected == nil ? [] : try unreadRemovals(listed: listed, desired: desired, targets: targets)
            planner.unreconciledRemovals = unread.union(pendingRemovals)
        } catch {
            throw ReconcileEngineError.statusUnreadable(error)
        }
        planner.suspendAll = load.settings?.isSuspended == true
        let foreignHolders = Self.foreignStatuses(renameHolders, desired: desired, identity: identity)
        let known = Dictionary((statuses + renameHolders).map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        do {
            planner.heldFormerNames = try Self.heldFormerNames(
                ownStatuses + renameHolders.filter { foreignHolders[$0.address] == nil }, desired: desired,
                statusOf: { address throws(StatusStoreError) -> ResourceStatus? in
                    if let status = known[address] { return status }
                    // A focused run may not have read the old address's file: read it (one per held rename).
                    return listed.contains(address) ? try statusStore.read(address) : nil
                })
        } catch {
            throw ReconcileEngineError.statusUnreadable(error)
        }
        // A removed resource whose status file records nothing in AWS (never created) is not looked for.
        let readable = targets.values.filter { target in
            foreign[target.address] == nil && (target.desired != nil || target.status?.recordsNeverCreated != true)
        }
        let observations = planner.removalRefusal != nil ? [:]
            : await LiveReader(registry: registry, context: context.inAccount(account)).read(readable)
        return try planner.plan(targets: targets, graph: graph, observations: observations,
                                foreignStatuses: foreign.filter { targets[$0.key] != nil })
    }

    /// The manifests of `load` that the options' selector selects by their `metadata.labels`, or nil without a
    /// selector (everything).
    ///
    /// A selected run plans only these: the manifests they depend on are read (for their outputs) but never
    /// changed, and resources without a manifest (removed ones) are outside every selection, so a selector can
    /// never delete, release or rename anything (their status files are not even read).
    public func selectedAddresses(in load: LoadResult) -> Set<ResourceAddress>? {
        options.selector?.selecting(load.manifests)
    }

    /// Lost-state rediscovery on its own, for a controller starting on an empty state (it plans per key, so `plan`
    /// never rediscovers for it): status records for this owner's tagged resources that no manifest of `load` and no
    /// status names, as `plan` adds them with `options.rediscover`. Empty without an owner; writes nothing.
    /// Throws before any AWS call when `load` has an error.
    public func rediscoveredStatuses(_ load: LoadResult,
                                     defaultRegion: String?) async throws(ReconcileEngineError) -> [ResourceStatus] {
        let desired = try DesiredState(load: load, defaultRegion: defaultRegion)
        let recorded: [ResourceStatus]
        do {
            recorded = try statusStore.readAll()
        } catch {
            throw ReconcileEngineError.statusUnreadable(error)
        }
        return try await rediscover(desired: desired, statuses: recorded, defaultRegion: defaultRegion)
    }

    /// Status records for this owner's tagged resources that neither a manifest nor a status file names, with
    /// `options.rediscover` and an owner (`Rediscovery`); empty otherwise.
    private func rediscover(desired: DesiredState, statuses: [ResourceStatus],
                            defaultRegion: String?) async throws(ReconcileEngineError) -> [ResourceStatus] {
        guard options.rediscover, options.identity.owner != nil else { return [] }
        // A rename not carried out (`renamedFrom`) leaves its resource tagged for the old address: not an orphan.
        let known = Set(desired.resources.keys).union(statuses.map(\.address))
            .union(statuses.compactMap(\.renamedFrom))
        let regions = Rediscovery.regions(desired: desired, statuses: statuses, defaultRegion: defaultRegion)
        return try await Rediscovery(discovery: ResourceDiscovery(context: context))
            .orphans(identity: options.identity, regions: regions, known: known)
    }

    /// The empty-set guard (as kapp's): why a run without any resource manifest must not delete or release the
    /// resources its status files name, or nil when there are manifests, no status files, or `allowEmpty`. An empty
    /// desired set is far more often an empty checkout, a wrong path or a half-copied folder than a wish to remove
    /// everything, so such a run reads nothing from AWS and refuses every removal.
    static func emptySetRefusal(desired: DesiredState, statuses: [ResourceStatus], allowEmpty: Bool) -> String? {
        guard desired.resources.isEmpty, !statuses.isEmpty, !allowEmpty else { return nil }
        return "the manifest folder declares no resources while \(statuses.count) status file(s) name managed resources; "
            + "nothing is deleted or released. If removing every resource is intended, run again with --allow-empty"
    }

    /// Applies `run`'s plan (dependency order, bounded concurrency, failures block only their dependents), then
    /// writes one status file per resource and removes those of deleted, released and vanished removed resources.
    /// `gate` is asked before each change (`Executor.gate`).
    public func apply(_ run: PlannedRun, gate: @escaping ChangeGate = { nil }) async throws(ReconcileEngineError)
        -> AppliedRun {
        let applyContext = ApplyContext(reconcile: context, references: ReferenceStore(run.plannedReferences),
                                        options: run.options)
        let applier = HandlerApplier(registry: registry, inputs: run.inputs, kept: run.keptReplacements,
                                     context: applyContext)
        let graph = run.graph
        let executor = Executor(applier: applier, maxConcurrency: options.concurrency, gate: gate,
                                dependents: { graph.directDependents(of: $0) }, logger: context.logger)
        let report: ExecutionReport
        do {
            report = try await executor.execute(run.plan)
        } catch {
            throw ReconcileEngineError.graph(error)
        }
        let after = await reobserve(run, report: report)
        let recorder = StatusRecorder(store: statusStore, now: context.now(), identity: options.identity)
        return await recorder.record(run: run, report: report, after: after)
    }

    /// Reads the resources that were created, updated or replaced again, for their phase and outputs after the
    /// change (a new sandbox number is pending until verified). Each is found by the ids its change returned, as
    /// the next plan finds it by its status file: a created resource has no status yet (it would be searched for by
    /// name), a replaced one's names the resource it replaced. Except when the replaced resource is still in AWS
    /// (`AppliedResult.retirementLeft`): the status keeps naming it, so that the next run replaces again and deletes
    /// it. Kinds whose read fails are left out.
    private func reobserve(_ run: PlannedRun, report: ExecutionReport) async -> [ResourceAddress: Observation] {
        let targets = report.results.compactMap { result -> ReadTarget? in
            guard case let .applied(applied) = result.outcome,
                  [.create, .update, .replace].contains(result.change.action),
                  let target = run.targets[result.change.address] else { return nil }
            var status = target.status
            if applied.retirementLeft == nil {
                status = status ?? ResourceStatus(kind: target.address.kind, name: target.address.name, specHash: "")
                status?.resource.merge(applied.resource) { _, returned in returned }
            }
            // The outputs of the resources each one finds through (a number's Registration) as this run read them:
            // one not changed is not read again here, and its target would otherwise miss them (a number looked not
            // associated). Those read again here replace them (`LiveReader` prefers fresh outputs).
            return ReadTarget(address: target.address, desired: target.desired, status: status, region: target.region,
                              references: target.references.merging(run.references) { _, read in read },
                              formerAddress: target.formerAddress)
        }
        guard !targets.isEmpty else { return [:] }
        let read = await LiveReader(registry: registry, context: context.inAccount(run.options.account)).read(targets)
        return read.compactMapValues { try? $0.get() }
    }

    /// The status files this run must not act on, with whose they are: another owner's or folder's, and those an
    /// earlier smsauth wrote (no owner, no folder) that no manifest of the run names.
    static func foreignStatuses(_ statuses: [ResourceStatus], desired: DesiredState,
                                identity: RunIdentity) -> [ResourceAddress: StatusClaim] {
        var foreign: [ResourceAddress: StatusClaim] = [:]
        for status in statuses {
            let claim = StatusClaim.of(status, for: identity)
            let claimed = claim == .unrecorded && desired.resources[status.address] != nil
            if claim != .mine, !claimed { foreign[status.address] = claim }
        }
        return foreign
    }

    /// A read target for every manifest and for every status file without a manifest (region from its recorded
    /// outputs, `removedRegion`), and one without status for each address in `foreign` (a status file of another
    /// manifest set, never read from or acted on). A status's `renamedFrom` becomes the target's `formerAddress` only
    /// while nothing else has that address: no status file of this set or another, read or only `listed` (a manifest
    /// whose status file there records its resource has the tags of that name as its own), and no other status file's
    /// `renamedFrom`. A manifest there with no resource of its own does not take it: what AWS has tagged for that
    /// address is the renamed resource, which carries the rename out, while that manifest waits for it
    /// (`RunPlanner.heldFormerNames`).
    static func targets(desired: DesiredState, statuses: [ResourceStatus], foreign: Set<ResourceAddress> = [],
                        listed: Set<ResourceAddress> = []) -> [ResourceAddress: ReadTarget] {
        let byAddress = Dictionary(statuses.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let sharedFormer = Set(Dictionary(grouping: byAddress.values.compactMap(\.renamedFrom)) { $0 }
            .filter { $0.value.count > 1 }.keys)
        // A manifest's status file that records no resource of its own (never created) does not take it either.
        let recording = byAddress.filter { address, status in
            desired.resources[address] == nil || !status.recordsNeverCreated
        }
        let taken = Set(recording.keys).union(foreign).union(listed.subtracting(byAddress.keys)).union(sharedFormer)
        func former(_ status: ResourceStatus?) -> ResourceAddress? {
            guard let former = status?.renamedFrom, !taken.contains(former) else { return nil }
            return former
        }
        var targets: [ResourceAddress: ReadTarget] = [:]
        for resource in desired.resources.values {
            let status = byAddress[resource.address]
            targets[resource.address] = ReadTarget(address: resource.address, desired: resource, status: status,
                                                   region: resource.region, formerAddress: former(status))
        }
        for status in statuses where targets[status.address] == nil {
            targets[status.address] = ReadTarget(address: status.address, desired: nil, status: status,
                                                 region: removedRegion(status), formerAddress: former(status))
        }
        for address in foreign where targets[address] == nil {
            targets[address] = ReadTarget(address: address, desired: nil, status: nil, region: nil)
        }
        return targets
    }

    /// The renames not carried out (`ResourceStatus.renamedFrom`) whose old address has a manifest again that has no
    /// AWS resource of its own (no status file, or one that records none: `statusOf`), by that address, each with the
    /// address it was renamed to (the first when two name it). A removed one holds the name too: its status file
    /// records the resource tagged for the old address, until a run pairs it with that manifest (`RenameResolver`:
    /// a rename back) or removes it.
    static func heldFormerNames(_ statuses: [ResourceStatus], desired: DesiredState,
                                statusOf: (ResourceAddress) throws(StatusStoreError) -> ResourceStatus?)
        throws(StatusStoreError) -> [ResourceAddress: ResourceAddress] {
        var held: [ResourceAddress: ResourceAddress] = [:]
        for status in statuses {
            guard let former = status.renamedFrom, former != status.address, desired.resources[former] != nil,
                  ResourceStatus.recordsNoResource(try statusOf(former)) else { continue }
            held[former] = min(held[former] ?? status.address, status.address)
        }
        return held
    }

    /// Where a removed resource is looked for: its recorded `region`, else (app clients, MFA policies, which record
    /// only their pool's id) the region prefix of the recorded pool id.
    static func removedRegion(_ status: ResourceStatus) -> String? {
        if let region = status.resource["region"] { return region }
        guard let poolId = status.resource[UserPoolMember.poolIdKey], !poolId.isEmpty else { return nil }
        return UserPoolMember.region(ofPoolId: poolId)
    }

    /// The graph of every target: manifests by their references; removed resources depend on the removed
    /// resources of the kinds they can reference, so their deletes run in reverse dependency order. Targets of
    /// `foreign` status files (another manifest set's) neither depend on anything nor are depended on by removed
    /// resources: another set's refused file never blocks this run's deletes.
    static func graph(desired: DesiredState, targets: [ResourceAddress: ReadTarget],
                      foreign: Set<ResourceAddress>) throws(ReconcileEngineError) -> ResourceGraph {
        let removed = targets.values.filter { $0.desired == nil }.map(\.address)
        let ownRemoved = removed.filter { !foreign.contains($0) }
        var edges = desired.resources.mapValues(\.dependencies)
        for address in removed {
            let kinds = address.kind.relations.dependencyKinds
            edges[address] = foreign.contains(address) ? [] : ownRemoved.filter { kinds.contains($0.kind) }
        }
        do {
            return try ResourceGraph(dependencies: edges).checked()
        } catch {
            throw ReconcileEngineError.graph(error)
        }
    }
}
