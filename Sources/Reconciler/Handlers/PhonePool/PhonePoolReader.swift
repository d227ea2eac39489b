import AWSServices
import Manifests

/// Finds the pools of one region by their ownership tags (see `PhonePoolHandler.read`).
struct PhonePoolReader {
    /// End User Messaging SMS in the region.
    let sms: SMSVoice
    /// The region.
    let region: String
    /// The run's owner: only pools tagged for it are owned.
    let owner: String?

    /// Reads every target of this region: one DescribePools, ListTagsForResource per candidate (at most once per
    /// pool), ListPoolOriginationIdentities per pool found.
    func read(_ targets: [ReadTarget]) async throws -> [ResourceAddress: LiveState<PhonePoolLive>] {
        let pools = try await sms.describePools()
        var tags: [String: [String: String]] = [:]
        var result: [ResourceAddress: LiveState<PhonePoolLive>] = [:]
        for target in targets {
            let found = try await find(target, pools: pools, tags: &tags)
            result[target.address] = try await withMembers(found, tags: tags)
        }
        return result
    }

    /// The pool of `target` (with its tags, without members yet).
    private func find(_ target: ReadTarget, pools: [JSONValue],
                      tags: inout [String: [String: String]]) async throws -> LiveState<JSONValue> {
        let spec = PhonePoolHandler.spec(target.desired)
        if let adopt = spec?.adopt?.value {
            guard let pool = pools.first(where: { Self.names($0, [adopt]) }) else { return .absent }
            return .classified(pool, tags: try await tagsOf(pool, cache: &tags), as: target, owner: owner)
        }
        let recorded = [target.status?.resource["id"], target.status?.resource["arn"]].compactMap { $0 }
        let byRecord = pools.filter { Self.names($0, recorded) }
        let matching = pools.filter { pool in
            !Self.names(pool, recorded) && spec.map { $0.messageType.value.rawValue == pool["MessageType"]?.stringValue } == true
        }
        let rest = recorded.isEmpty && spec != nil
            ? pools.filter { pool in !byRecord.contains(pool) && !matching.contains(pool) } : []
        var candidates: [(live: JSONValue, id: String, tags: [String: String])] = []
        for pool in byRecord + matching + rest {
            let poolTags = try await tagsOf(pool, cache: &tags)
            if OwnershipTags.marks(poolTags, as: target) {
                candidates.append((pool, pool["PoolId"]?.stringValue ?? "", poolTags))
            }
        }
        return .choosing(candidates, as: target, owner: owner)
    }

    /// Adds its tags (already listed) and members to a found pool.
    private func withMembers(_ found: LiveState<JSONValue>,
                             tags: [String: [String: String]]) async throws -> LiveState<PhonePoolLive> {
        if case .duplicate(let ids) = found { return .duplicate(ids: ids) }
        guard let pool = found.value, let id = pool["PoolId"]?.stringValue else { return .absent }
        let members = try await sms.listPoolOriginationIdentities(poolId: id).compactMap(PoolMember.init)
        let arn = pool["PoolArn"]?.stringValue ?? ""
        guard let live = PhonePoolLive(pool, region: region, tags: tags[arn] ?? [:], members: members) else {
            throw OriginationIdentityError.unreadable(arn)
        }
        return found.map { _ in live }
    }

    /// The pool's tags, listed once per ARN.
    private func tagsOf(_ pool: JSONValue, cache: inout [String: [String: String]]) async throws -> [String: String] {
        let arn = pool["PoolArn"]?.stringValue ?? ""
        if let cached = cache[arn] { return cached }
        guard let tags = try await sms.listTagsForResource(arn: arn) else { throw OriginationIdentityError.vanished(arn) }
        cache[arn] = tags
        return tags
    }

    /// Whether the pool's id or ARN is one of `references`.
    static func names(_ pool: JSONValue, _ references: [String]) -> Bool {
        [pool["PoolId"], pool["PoolArn"]].compactMap { $0?.stringValue }.contains(where: references.contains)
    }
}
