import AWSCore
import Manifests
@testable import Reconciler

/// What the fake AWS holds for one resource.
struct FakeLive: Sendable, Equatable {
    var id: String
    var specHash: String
    var region: String?
    var owned: Bool
    var pending: String?
    /// The manifest addresses that describe this resource (what `claims` answers), e.g. the new name of a rename.
    var claimedBy: Set<ResourceAddress> = []
    /// Tags, for a fake of a kind that takes them: when set, they decide whose it is (`LiveState.classified`)
    /// instead of `owned`.
    var tags: [String: String]?
}

/// An in-memory AWS for fake handlers: resources, scripted failures, and a log of what was called.
actor FakeWorld {
    private(set) var resources: [ResourceAddress: FakeLive] = [:]
    private(set) var applied: [String] = []
    private(set) var reads: [ResourceKind] = []
    private var failingReads: Set<ResourceKind> = []
    private var failingApplies: Set<ResourceAddress> = []
    private var pendingOnCreate: Set<ResourceAddress> = []
    private var duplicates: [ResourceAddress: [String]] = [:]
    private var serial = 0

    /// Puts `live` at `address`.
    func put(_ address: ResourceAddress, _ live: FakeLive) { resources[address] = live }
    /// Makes every read of `kind` fail with a 500.
    func failReads(of kind: ResourceKind) { failingReads.insert(kind) }
    /// Makes applying `address` fail with a terminal AWS error.
    func failApply(of address: ResourceAddress) { failingApplies.insert(address) }
    /// Makes `address` pending right after it is created.
    func pendAfterCreate(_ address: ResourceAddress) { pendingOnCreate.insert(address) }
    /// Makes `address` read as several resources with its ownership tags (`ids`).
    func duplicate(_ address: ResourceAddress, ids: [String]) { duplicates[address] = ids }
    /// The live resource at `address`.
    func live(_ address: ResourceAddress) -> FakeLive? { resources[address] }

    /// Reads `targets` of `kind`.
    func read(_ kind: ResourceKind, _ targets: [ReadTarget], owner: String?) throws -> [ResourceAddress: LiveState<FakeLive>] {
        reads.append(kind)
        if failingReads.contains(kind) {
            throw AWSError(service: "fake", operation: "List", code: "InternalFailure", message: "boom", httpStatus: 500)
        }
        return Dictionary(uniqueKeysWithValues: targets.map { target in
            let state: LiveState<FakeLive> = switch resources[target.address] {
            case _ where duplicates[target.address] != nil: .duplicate(ids: duplicates[target.address] ?? [])
            case nil: .absent
            case let live? where live.tags != nil:
                .classified(live, tags: live.tags ?? [:], as: target, owner: owner)
            case let live? where live.owned: .owned(live)
            case let live?: .foreign(live)
            }
            return (target.address, state)
        })
    }

    /// Carries out `change`.
    func apply(_ change: ResourceChange, desiredHash: String?, region: String?,
               owner: String?) throws -> [String: String] {
        let address = change.address
        applied.append("\(change.action.rawValue) \(address)")
        if failingApplies.contains(address) {
            throw AWSError(service: "fake", operation: "Create", code: "InvalidParameterException",
                           message: "bad value", httpStatus: 400)
        }
        switch change.action {
        case .delete:
            resources[address] = nil
            return [:]
        case .rename:
            if let previous = change.previousAddress {
                resources[address] = resources.removeValue(forKey: previous)
            }
            resources[address]?.specHash = desiredHash ?? ""
        case .create, .replace:
            serial += 1
            resources[address] = FakeLive(id: "\(address.name)-\(serial)", specHash: desiredHash ?? "",
                                          region: region, owned: true,
                                          pending: pendingOnCreate.contains(address) ? "waiting for a code" : nil,
                                          tags: OwnershipTags.tags(for: address, owner: owner))
        default:
            resources[address]?.specHash = desiredHash ?? ""
            resources[address]?.owned = true
            if resources[address]?.tags != nil {
                resources[address]?.tags = OwnershipTags.tags(for: address, owner: owner)
            }
        }
        return resources[address].map(FakeHandler.outputs) ?? [:]
    }
}

/// A handler of any kind backed by `FakeWorld`; its one managed field is the manifest's spec hash.
struct FakeHandler: ResourceHandler {
    let kind: ResourceKind
    let world: FakeWorld

    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<FakeLive>] {
        try await world.read(kind, targets, owner: context.owner)
    }

    func outputs(of live: FakeLive) -> [String: String] { Self.outputs(live) }

    static func outputs(_ live: FakeLive) -> [String: String] {
        var outputs = ["id": live.id]
        if let region = live.region { outputs["region"] = region }
        return outputs
    }

    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        kind == .smsRole ? ["arn": "arn:aws:iam::\(account):role/\(desired.address.name)"] : [:]
    }

    func phase(of live: FakeLive) -> LivePhase { live.pending.map(LivePhase.pending) ?? .ready }

    func claims(_ desired: DesiredResource, live: FakeLive, references: [ResourceAddress: [String: String]]) -> Bool {
        live.claimedBy.contains(desired.address)
    }

    func plan(_ input: PlanInput<FakeLive>) throws(PlanError) -> ResourceChange {
        let desired = input.desired.map { ["spec": PlanValue.string(SpecHash.of($0.manifest))] } ?? [:]
        let live = input.live.value.map { ["spec": PlanValue.string($0.specHash)] }
        let parents = (input.desired?.dependencies ?? []).filter { $0.kind == .userPool }
        return try StandardPlan(desired: desired, live: live, boundTo: parents).change(for: input)
    }

    /// Writes through the world and, like the real handlers, marks a resource that is pending after its creation.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<FakeLive>,
               context: ApplyContext) async throws -> [String: String] {
        let outputs = try await world.apply(change, desiredHash: input.desired.map { SpecHash.of($0.manifest) },
                                            region: input.desired?.region ?? input.status?.resource["region"],
                                            owner: context.options.owner)
        if let pending = await world.live(change.address)?.pending {
            await context.references.markPending(change.address, message: pending)
        }
        return outputs
    }
}

extension HandlerRegistry {
    /// A fake handler for every kind, all backed by `world`.
    static func fake(_ world: FakeWorld) -> HandlerRegistry {
        HandlerRegistry(ResourceKind.allCases.map { AnyResourceHandler(FakeHandler(kind: $0, world: world)) })
    }
}
