import AWSServices
import Manifests

/// App clients of Cognito user pools (`kind: AppClient`).
///
/// Identity: the client id recorded in status (`clientId`), else the manifest's `clientName` within its pool.
/// App clients take no tags, so a client is this owner's only when its pool is: found in the pool its manifest
/// names (whose ownership the UserPool read decided), it is `.owned`; found anywhere else (a removed client, or one
/// still in the pool recorded in its status), the pool's own tags decide (`UserPoolMember.state`), so a status file
/// naming a client in a pool made by hand never deletes it. A client name is the only handle a lost status folder
/// leaves; two clients with the name are ambiguous and refused. Every change keeps the client bound to its pool: a replaced pool recreates its clients.
struct AppClientHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .appClient }

    /// Creates the handler.
    init() {}

    /// Output keys.
    static let clientIdKey = "clientId"
    /// The client's name, recorded so that a removed client is deleted only while it still has it.
    static let clientNameKey = "clientName"

    /// Reads every target's client. Calls: one ListUserPoolClients (all pages) per pool, shared by all the clients
    /// of that pool, then one DescribeUserPoolClient per identified client. A target whose pool id is not known
    /// (the pool does not exist yet) is absent without a call; so is every target of a pool that is gone. A removed
    /// client (no manifest, so no region) is looked for in the region its recorded pool id names. A client whose
    /// manifest now names another pool is looked for first in the pool recorded in its status (where it still is),
    /// then in the named one.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<AppClientLive>] {
        var result: [ResourceAddress: LiveState<AppClientLive>] = [:]
        var failures: [ResourceAddress: PoolSearchFailure] = [:]
        var remaining = targets.map { ($0, Self.poolsToSearch(for: $0)) }
        while !remaining.isEmpty {
            var byPool: [PoolKey: [ReadTarget]] = [:]
            for (target, pools) in remaining {
                guard let poolId = pools.first else {
                    // A removed client whose status names no pool cannot be looked for: an error, never "gone".
                    if target.desired == nil, target.status?.resource["clientId"] != nil {
                        throw ReadTargetError.noPool(target.address)
                    }
                    result[target.address] = .absent
                    continue
                }
                let region = UserPoolMember.region(ofPoolId: poolId)
                byPool[PoolKey(region: region, poolId: poolId), default: []].append(target)
            }
            let searched = try await search(byPool, context: context)
            result.merge(searched.found) { _, new in new }
            failures.merge(searched.failures) { first, _ in first }
            // Not found in that pool: looked for in the next one. A target whose pool failed is not (still unknown).
            remaining = remaining.compactMap { target, pools in
                searched.failures[target.address] == nil && searched.found[target.address]?.value == nil
                    && pools.count > 1 ? (target, Array(pools.dropFirst())) : nil
            }
        }
        return try PoolSearchFailure.outcome(found: result, failures: failures)
    }

    /// The pool ids to look for a target's client in, in order: the one recorded in its status when the manifest
    /// now names another pool, then the named pool's id (read earlier in this run); empty when neither is known.
    static func poolsToSearch(for target: ReadTarget) -> [String] {
        let named = UserPoolMember.poolId(of: target, poolName: spec(target.desired)?.userPool.value)
        guard let recorded = target.status?.resource[UserPoolMember.poolIdKey], !recorded.isEmpty,
              let named, named != recorded else {
            return named.map { [$0] } ?? []
        }
        return [recorded, named]
    }

    /// Identifies each target's client among the clients of the pool it is grouped under.
    /// The pools are searched concurrently (`ReconcileContext.readConcurrency`), each pool's targets one by one; a
    /// pool that fails fails its targets alone.
    private func search(_ byPool: [PoolKey: [ReadTarget]], context: ReconcileContext) async throws
        -> (found: [ResourceAddress: LiveState<AppClientLive>], failures: [ResourceAddress: PoolSearchFailure]) {
        let pools = byPool.sorted { ($0.key.region, $0.key.poolId) < ($1.key.region, $1.key.poolId) }
        let searched = try await pools.concurrentMap(limit: context.readConcurrency) { pool, members in
            do {
                return Result<[ResourceAddress: LiveState<AppClientLive>], PoolSearchFailure>.success(
                    try await search(pool, members, context: context))
            } catch {
                return .failure(PoolSearchFailure(poolId: pool.poolId, error: error))
            }
        }
        var found: [ResourceAddress: LiveState<AppClientLive>] = [:]
        var failures: [ResourceAddress: PoolSearchFailure] = [:]
        for ((_, members), outcome) in zip(pools, searched) {
            switch outcome {
            case .success(let states): found.merge(states) { first, _ in first }
            case .failure(let failure): for member in members { failures[member.address] = failure }
            }
        }
        return (found, failures)
    }

    /// Identifies each of `members`' clients among the clients of `pool`.
    private func search(_ pool: PoolKey, _ members: [ReadTarget],
                        context: ReconcileContext) async throws -> [ResourceAddress: LiveState<AppClientLive>] {
        let cognito = context.cognito(pool.region)
        let clients: [CognitoIdentityProvider.AppClientSummary]
        do {
            let list = { @Sendable in try await cognito.listUserPoolClients(poolId: pool.poolId) }
            if let lists = context.poolClientLists {
                clients = try await lists.clients(of: pool.poolId, list: list)
            } else {
                clients = try await list()
            }
        } catch where UserPoolMember.isNotFound(error) {
            return Dictionary(members.map { ($0.address, .absent) }) { first, _ in first }
        }
        var result: [ResourceAddress: LiveState<AppClientLive>] = [:]
        for target in members {
            let found = try await live(of: target, pool: pool.poolId, clients: clients, context: context)
            let poolName = Self.spec(target.desired)?.userPool.value
            guard let client = found.value,
                  !UserPoolMember.isReferencedPool(pool.poolId, of: target, poolName: poolName) else {
                result[target.address] = found
                continue
            }
            var described = await context.describedPools?.pool(id: pool.poolId)
            if described == nil { described = try await cognito.describeUserPool(id: pool.poolId) }
            result[target.address] = UserPoolMember.state(of: client, inPool: described, owner: context.owner)
        }
        return result
    }

    /// `clientId`, `clientName` and `userPoolId`, and where its outputs and secret are delivered (`outputsParameter`,
    /// `secret`); never the secret (it is dropped when the client is read).
    func outputs(of live: AppClientLive) -> [String: String] {
        switch live {
        case let .client(client, deliveries):
            [Self.clientIdKey: client.clientId, Self.clientNameKey: client.clientName,
             UserPoolMember.poolIdKey: client.userPoolId]
                .merging(AppClientDeliveryReader.outputs(of: deliveries)) { own, _ in own }
        case let .ambiguous(poolId, _, _): [UserPoolMember.poolIdKey: poolId]
        }
    }

    /// The change: the standard field comparison (generateSecret immutable), bound to the pool, refused when the
    /// client's name is ambiguous in its pool. An existing client's pool id is compared too: a manifest that now
    /// names another pool is an immutable change (a client cannot move between pools), so by default it is refused
    /// and with `onImmutableChange: Recreate` the client is deleted from the old pool and created in the new one,
    /// instead of leaving the old client behind unmanaged.
    func plan(_ input: PlanInput<AppClientLive>) throws(PlanError) -> ResourceChange {
        let dependencies = input.desired?.dependencies ?? []
        guard let desired = input.desired, let spec = Self.spec(desired) else {
            return try removedChange(input)
        }
        if case let .ambiguous(poolId, name, ids)? = input.live.value {
            return try ResourceChange(
                address: input.address, action: .refuse,
                reason: "user pool \(poolId) has \(ids.count) app clients named \"\(name)\" (\(ids.joined(separator: ", "))) and none is recorded in status; delete or rename the extra ones so that exactly one remains",
                dependencies: dependencies)
        }
        let deliveries = input.live.value?.deliveries
        if let reason = AppClientDeliveryFields.refusal(spec, deliveries: deliveries) {
            return try ResourceChange(address: input.address, action: .refuse, reason: reason, dependencies: dependencies)
        }
        var desiredFields = AppClientFields.desired(spec)
            .merging(AppClientDeliveryFields.desired(spec, deliveries: deliveries)) { own, _ in own }
        var liveFields = input.live.value?.client.map(AppClientFields.live)
            .map { $0.merging(deliveries.map(AppClientDeliveryFields.live) ?? [:]) { own, _ in own } }
        if let client = input.live.value?.client {
            let poolId = input.references[UserPoolMember.poolAddress(spec.userPool.value)]?["id"]
            desiredFields[AppClientFields.userPoolPath] = .string(poolId ?? UserPoolSmsSettings.knownAfterApply)
            liveFields?[AppClientFields.userPoolPath] = .string(client.userPoolId)
        }
        let change = try StandardPlan(
            desired: desiredFields, live: liveFields,
            immutable: AppClientFields.immutable,
            replacementConsequence: "the new client has a new client id (and secret): every app using it must be reconfigured",
            boundTo: [UserPoolMember.poolAddress(spec.userPool.value)],
            createdWithout: AppClientFields.createdWithout).change(for: input)
        return try AppClientDeliveryFields.showingRewrites(of: change, desired: desiredFields, live: liveFields ?? [:])
    }

    /// A removed client: deleted (by policy) only while it is still the client its status recorded, else released
    /// with a warning saying what was found.
    private func removedChange(_ input: PlanInput<AppClientLive>) throws(PlanError) -> ResourceChange {
        let standard = try StandardPlan(desired: [:], live: input.live.value?.client.map(AppClientFields.live))
            .change(for: input)
        guard standard.action == .delete, let client = input.live.value?.client,
              let mismatch = AppClientDeleteCheck.mismatch(of: client, recorded: input.status) else { return standard }
        return try ResourceChange(address: input.address, action: .retain,
                                  reason: "released, not deleted: \(mismatch)",
                                  warnings: ["\(input.address) is released instead of deleted: \(mismatch)"])
    }

    /// The `AppClient` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> AppClientSpec? {
        if case .appClient(let client) = spec { client } else { nil }
    }

    /// Identifies and describes one target's client among its pool's clients.
    private func live(of target: ReadTarget, pool: String, clients: [CognitoIdentityProvider.AppClientSummary],
                      context: ReconcileContext) async throws -> LiveState<AppClientLive> {
        let cognito = context.cognito(UserPoolMember.region(ofPoolId: pool))
        switch AppClientIdentity.find(recordedId: target.status?.resource[Self.clientIdKey],
                                      name: Self.spec(target.desired)?.clientName.value, in: clients) {
        case .none:
            return .absent
        case let .ambiguous(name, ids):
            return .owned(.ambiguous(poolId: pool, clientName: name, clientIds: ids))
        case let .found(clientId):
            guard let client = try await cognito.describeUserPoolClient(poolId: pool, clientId: clientId) else { return .absent }
            let deliveries = try await AppClientDeliveryReader.read(target, client: client, context: context)
            return .owned(.client(client, deliveries))
        }
    }
}

/// A region and pool id: app clients are listed once per pool.
struct PoolKey: Hashable {
    /// The pool's region.
    let region: String
    /// The pool id.
    let poolId: String
}
