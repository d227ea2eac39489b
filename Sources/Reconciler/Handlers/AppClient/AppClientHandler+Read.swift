import AWSServices
import Manifests

/// Reading app clients: each target's client found in the pools it may be in, pool by pool.
extension AppClientHandler {
    /// Reads every target's client. Calls: one DescribeUserPoolClient per client whose status records its id in the
    /// pool searched; for the others (found by name, or whose recorded client is gone from the pool its manifest
    /// names; see `search(_:_:context:)`), one ListUserPoolClients (all pages) per pool, shared by all the clients
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
    func search(_ byPool: [PoolKey: [ReadTarget]], context: ReconcileContext) async throws
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

    /// Reads each of `members`' clients in `pool`: a client whose status records its id there is described by that
    /// id (the list would only confirm it). Where the recorded client is not found, a client is looked for by name
    /// among the pool's listed clients only in the pool its manifest names: in the pool a moved client's status
    /// records, and for a removed client (no name), only the recorded client is this one, so it is absent there
    /// (a client of the same name is another one, made by hand or left by a Recreate that stopped, and is never
    /// taken for it, so never deleted).
    func search(_ pool: PoolKey, _ members: [ReadTarget],
                        context: ReconcileContext) async throws -> [ResourceAddress: LiveState<AppClientLive>] {
        let cognito = context.cognito(pool.region)
        var result: [ResourceAddress: LiveState<AppClientLive>] = [:]
        var unidentified: [ReadTarget] = []
        for target in members {
            if let clientId = Self.recordedClientId(of: target, in: pool.poolId),
               let client = try await describe(target, clientId, pool: pool.poolId, context: context) {
                result[target.address] = try await state(of: target, in: pool, found: client, context: context)
            } else if target.desired == nil || Self.poolsToSearch(for: target).dropLast().contains(pool.poolId) {
                result[target.address] = .absent
            } else {
                unidentified.append(target)
            }
        }
        guard !unidentified.isEmpty else { return result }
        let clients: [CognitoIdentityProvider.AppClientSummary]
        do {
            let list = { @Sendable in try await cognito.listUserPoolClients(poolId: pool.poolId) }
            if let lists = context.poolClientLists {
                clients = try await lists.clients(of: pool.poolId, list: list)
            } else {
                clients = try await list()
            }
        } catch where UserPoolMember.isNotFound(error) {
            return result.merging(unidentified.map { ($0.address, .absent) }) { first, _ in first }
        }
        for target in unidentified {
            let found = try await live(of: target, pool: pool.poolId, clients: clients, context: context)
            result[target.address] = try await state(of: target, in: pool, found: found, context: context)
        }
        return result
    }

    /// The client id recorded in `target`'s status, when it may be in `poolId` (the status records no pool, or
    /// records this one) and AWS would take it as a client id: an id edited into something else is not sent, and
    /// the client is found by name instead, as it would be among the listed clients.
    static func recordedClientId(of target: ReadTarget, in poolId: String) -> String? {
        guard let clientId = target.status?.resource[clientIdKey], AppClientIdentity.isClientId(clientId) else {
            return nil
        }
        let recordedPool = target.status?.resource[UserPoolMember.poolIdKey]
        return recordedPool == nil || recordedPool == poolId ? clientId : nil
    }

    /// `found`, a client of `pool`, as `target`'s state: owned in the pool its manifest names; anywhere else, only
    /// as far as that pool's own tags say (`UserPoolMember.state`).
    func state(of target: ReadTarget, in pool: PoolKey, found: LiveState<AppClientLive>,
               context: ReconcileContext) async throws -> LiveState<AppClientLive> {
        let poolName = Self.spec(target.desired)?.userPool.value
        guard let client = found.value,
              !UserPoolMember.isReferencedPool(pool.poolId, of: target, poolName: poolName) else { return found }
        var described = await context.describedPools?.pool(id: pool.poolId)
        if described == nil { described = try await context.cognito(pool.region).describeUserPool(id: pool.poolId) }
        return UserPoolMember.state(of: client, inPool: described, owner: context.owner)
    }

    /// Identifies and describes one target's client among its pool's clients.
    func live(of target: ReadTarget, pool: String, clients: [CognitoIdentityProvider.AppClientSummary],
                      context: ReconcileContext) async throws -> LiveState<AppClientLive> {
        switch AppClientIdentity.find(recordedId: target.status?.resource[Self.clientIdKey],
                                      name: Self.spec(target.desired)?.clientName.value, in: clients) {
        case .none:
            return .absent
        case let .ambiguous(name, ids):
            return .owned(.ambiguous(poolId: pool, clientName: name, clientIds: ids))
        case let .found(clientId):
            return try await describe(target, clientId, pool: pool, context: context) ?? .absent
        }
    }

    /// Client `clientId` of `pool` described, with where `target`'s outputs and secret are delivered; nil when the
    /// pool has no such client.
    func describe(_ target: ReadTarget, _ clientId: String, pool: String,
                  context: ReconcileContext) async throws -> LiveState<AppClientLive>? {
        let cognito = context.cognito(UserPoolMember.region(ofPoolId: pool))
        guard let client = try await cognito.describeUserPoolClient(poolId: pool, clientId: clientId) else {
            return nil
        }
        return .owned(.client(client, try await AppClientDeliveryReader.read(target, client: client, context: context)))
    }
}

/// A region and pool id: app clients are listed once per pool.
struct PoolKey: Hashable {
    /// The pool's region.
    let region: String
    /// The pool id.
    let poolId: String
}
