import AWSServices
import Manifests

extension UserPoolHandler {
    /// Reads every target's pool, region by region.
    ///
    /// Calls per resource: one DescribeUserPool when its id is known (recorded in status as `resource["id"]`, or
    /// named by `spec.adopt`). Targets without a usable id share one ListUserPools per region, then DescribeUserPool
    /// of the pools named `spec.poolName`; only when none of them carries the ownership tags of `UserPool/<name>`
    /// for the run's owner are the region's other pools described (once each, shared by all such targets) to find
    /// a pool renamed out of band, so a lost status folder never creates a duplicate pool. Several pools with this
    /// owner's tags are `.duplicate` (refused, naming every id); a pool with the tags of another owner is
    /// `.otherOwner`, one without an owner tag `.legacy` (see `LiveState.choosing`). When no pool carries the
    /// tags but one called `spec.poolName` carries no smsauth tag at all, that pool is `.foreign` (refused until
    /// adopted), so a pool made by hand is not duplicated either. Every pool described is
    /// recorded in `context.describedPools` (in a read pass), so the MfaPolicy read of the same pass need not
    /// describe it again.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws
        -> [ResourceAddress: LiveState<UserPoolDescription>] {
        try await read(targets, context: context) { _, _ in }
    }

    /// `read`, delivering a target as soon as its first DescribeUserPool settles it (`UserPoolLocator.settled`: the
    /// pool its status records, with its ownership tags; the pool `spec.adopt` names), which in a steady state is
    /// every target: its app clients' and MFA policy's reads start then, not when the last pool is described.
    func read(_ targets: [ReadTarget], context: ReconcileContext,
              delivering deliver: @escaping LiveDelivery<UserPoolDescription>) async throws
        -> [ResourceAddress: LiveState<UserPoolDescription>] {
        var states: [ResourceAddress: LiveState<UserPoolDescription>] = [:]
        let owner = context.owner
        // Every pool described first is announced before any is described, in every region, so a read of another
        // kind that wants one of them waits for its answer instead of describing it again; whatever happens, no
        // announcement outlives this read.
        let announced = Set(targets.compactMap(UserPoolLocator.firstDescribed))
        await context.describedPools?.expect(announced)
        do {
            for (region, regionTargets) in try targets.byRegion() {
                var locator = UserPoolLocator(cognito: context.cognito(region), recordingIn: context.describedPools)
                try await locator.describeKnown(regionTargets, limit: context.readConcurrency) { target, pool in
                    if let state = UserPoolLocator.settled(target, by: pool, owner: owner) { deliver(target.address, state) }
                }
                for target in regionTargets {
                    states[target.address] = try await locator.state(of: target, context: context)
                }
            }
        } catch {
            await context.describedPools?.settle(announced)
            throw error
        }
        await context.describedPools?.settle(announced)
        return states
    }
}

/// Finds the pools of one region, describing each pool at most once.
struct UserPoolLocator {
    /// Cognito in the region.
    let cognito: CognitoIdentityProvider
    /// Where the pools described are recorded for the other kinds of this read pass (nil: not in a read pass).
    let recorder: DescribedUserPools?
    /// Pools described so far (nil: does not exist).
    private var described: [String: UserPoolDescription?] = [:]
    /// The region's pools, listed on first need.
    private var summaries: [CognitoIdentityProvider.UserPoolSummary]?

    /// A locator for `cognito`'s region, recording what it describes in `recorder`.
    init(cognito: CognitoIdentityProvider, recordingIn recorder: DescribedUserPools? = nil) {
        self.cognito = cognito
        self.recorder = recorder
    }

    /// The live state of `target` for the run's owner (`context.owner`).
    mutating func state(of target: ReadTarget, context: ReconcileContext) async throws -> LiveState<UserPoolDescription> {
        let owner = context.owner
        if let id = Self.firstDescribed(target) {
            let pool = try await describe(id)
            if let settled = Self.settled(target, by: pool, owner: owner) { return settled }
        }
        if let id = target.status?.resource["id"], let pool = try await describe(id) {
            let tagged = try await findTagged(target, named: nil, owner: owner)
            if case .absent = tagged { return .classified(pool, tags: pool.tags, as: target, owner: owner) }
            return tagged
        }
        let name = UserPoolHandler.spec(target.desired)?.poolName.value
        let tagged = try await findTagged(target, named: name, owner: owner)
        if case .absent = tagged, let name, let unmanaged = try await unmanagedPool(named: name) { return .foreign(unmanaged) }
        return tagged
    }

    /// A pool called `name` that smsauth does not manage at all (no `smsauth:managed-by` tag; the lowest id when
    /// several): most likely the pool the manifest describes, made by hand before smsauth. Reported as foreign, so
    /// the plan refuses and points to `spec.adopt` instead of creating a second pool with the same name next to it.
    /// Only pools already described by `findTagged` are looked at: no extra calls.
    private mutating func unmanagedPool(named name: String) async throws -> UserPoolDescription? {
        var unmanaged: [UserPoolDescription] = []
        for summary in try await list() where summary.name == name {
            if let pool = try await describe(summary.id), pool.tags[OwnershipTags.managedByKey] == nil {
                unmanaged.append(pool)
            }
        }
        return unmanaged.min { $0.id < $1.id }
    }

    /// The pool tagged as `target`'s (its address, or its former address) for `owner` (`LiveState.choosing`): first
    /// among the pools called `name`; when none of those is this owner's (or several are), among every pool of the
    /// region, this owner's or without an owner (a pool renamed out of band): another owner's pool under another name
    /// is another folder's resource of the same `metadata.name`, not this one. Several pools of this owner with the
    /// tags are `duplicate`, never "the lowest id".
    mutating func findTagged(_ target: ReadTarget, named name: String?,
                             owner: String?) async throws -> LiveState<UserPoolDescription> {
        let pools = try await list()
        var candidates: [(live: UserPoolDescription, id: String, tags: [String: String])] = []
        for summary in pools where summary.name == name {
            if let pool = try await describe(summary.id), OwnershipTags.marks(pool.tags, as: target) {
                candidates.append((pool, pool.id, pool.tags))
            }
        }
        let byName = LiveState.choosing(candidates, as: target, owner: owner)
        if case .owned = byName { return byName }
        for summary in pools where summary.name != name {
            if let pool = try await describe(summary.id), OwnershipTags.marks(pool.tags, as: target),
               name == nil || OwnershipTags.otherOwner(of: pool.tags, owner: owner) == nil {
                candidates.append((pool, pool.id, pool.tags))
            }
        }
        return LiveState.choosing(candidates, as: target, owner: owner)
    }

    /// Describes, concurrently (at most `limit` at once), the pool each target's `state(of:)` describes first: the
    /// one `spec.adopt` names, else the id in its status. Those answers are then taken from `described`, so the
    /// calls are the same as one by one, only their round trips overlap. Each answer is recorded (a pool not found
    /// settles its announcement), then handed to `answered` with every target it was described for, as soon as it
    /// arrives.
    mutating func describeKnown(_ targets: [ReadTarget], limit: Int,
                                described answered: @escaping @Sendable (ReadTarget, UserPoolDescription?) -> Void)
        async throws {
        let byId = Dictionary(grouping: targets.compactMap { target in Self.firstDescribed(target).map { ($0, target) } },
                              by: \.0).mapValues { $0.map(\.1) }
        let ids = Set(byId.keys).subtracting(described.keys).sorted()
        let cognito = cognito, recorder = recorder
        let pools = try await ids.concurrentMap(limit: limit) { id in
            let pool = try await cognito.describeUserPool(id: id)
            if let pool { await recorder?.record(pool) } else { await recorder?.settle([id]) }
            for target in byId[id] ?? [] { answered(target, pool) }
            return (id, pool)
        }
        for (id, pool) in pools { described[id] = pool }
    }

    /// The state of `target` when the pool its first DescribeUserPool returned (`pool`; nil: none) settles it with
    /// no other call: the pool `spec.adopt` names, or the pool its status records carrying this address's ownership
    /// tags for `owner`. nil when more must be read (the recorded pool is gone or is not this owner's).
    static func settled(_ target: ReadTarget, by pool: UserPoolDescription?,
                        owner: String?) -> LiveState<UserPoolDescription>? {
        if UserPoolHandler.spec(target.desired)?.adopt != nil {
            return pool.map { .classified($0, tags: $0.tags, as: target, owner: owner) } ?? .absent
        }
        guard let pool, OwnershipTags.claim(pool.tags, as: target, owner: owner) == .mine else { return nil }
        return .owned(pool)
    }

    /// The pool id `state(of:)` describes before anything else for `target`, when it has one.
    static func firstDescribed(_ target: ReadTarget) -> String? {
        if let adopt = UserPoolHandler.spec(target.desired)?.adopt?.value {
            return UserPoolPlanner.poolId(fromIdOrArn: adopt)
        }
        return target.status?.resource["id"]
    }

    /// DescribeUserPool, once per id.
    private mutating func describe(_ id: String) async throws -> UserPoolDescription? {
        if let known = described[id] { return known }
        let pool = try await cognito.describeUserPool(id: id)
        described[id] = pool
        if let pool, let recorder { await recorder.record(pool) }
        return pool
    }

    /// ListUserPools, once.
    private mutating func list() async throws -> [CognitoIdentityProvider.UserPoolSummary] {
        if let summaries { return summaries }
        let listed = try await cognito.listUserPools()
        summaries = listed
        return listed
    }
}
