import AWSCore
import AWSServices
import Manifests

/// Finds the user pool that a pool-scoped resource (an app client, an MFA policy) lives in.
enum UserPoolMember {
    /// The status key and output key holding the pool id.
    static let poolIdKey = "userPoolId"

    /// `UserPool/<name>`.
    static func poolAddress(_ name: String) -> ResourceAddress {
        ResourceAddress(kind: .userPool, name: name)
    }

    /// The pool id to read `target` in: the referenced pool's id read earlier in this run, else the pool id
    /// recorded in the target's status (the only one known once its manifest is removed). Nil: the pool does not
    /// exist yet, so neither does the target.
    static func poolId(of target: ReadTarget, poolName: String?) -> String? {
        if let poolName, let id = target.references[poolAddress(poolName)]?["id"], !id.isEmpty { return id }
        guard let recorded = target.status?.resource[poolIdKey], !recorded.isEmpty else { return nil }
        return recorded
    }

    /// Whether `poolId` is the id of the pool `target`'s manifest names, as the UserPool read of this run found
    /// it: that read already decided whose the pool is.
    static func isReferencedPool(_ poolId: String, of target: ReadTarget, poolName: String?) -> Bool {
        guard let poolName, let id = target.references[poolAddress(poolName)]?["id"] else { return false }
        return id == poolId
    }

    /// The state of `live`, found inside the pool described as `pool` (nil: it could not be described), for a run
    /// of `owner`: a pool-scoped resource takes no tags, so it is the owner's only when its pool is. Owned when
    /// the pool carries smsauth's user-pool tags for this owner; another owner's when they name another owner;
    /// foreign otherwise (a pool made by hand, or tagged by an earlier smsauth without an owner).
    static func state<Live>(of live: Live, inPool pool: UserPoolDescription?, owner: String?) -> LiveState<Live> {
        guard let tags = pool?.tags, tags[OwnershipTags.managedByKey] == OwnershipTags.managedByValue,
              tags[OwnershipTags.resourceKey]?.hasPrefix("\(ResourceKind.userPool.rawValue)/") == true else {
            return .foreign(live)
        }
        switch OwnershipTags.claim(ownerTag: tags[OwnershipTags.ownerKey], owner: owner) {
        case .mine: return .owned(live)
        case .otherOwner(let found): return .otherOwner(live, owner: found)
        case .legacy: return .foreign(live)
        }
    }

    /// The pool id at apply time: the referenced pool's id as applied in this run, else the one recorded in the
    /// resource's status (removed manifests).
    static func poolId(poolName: String?, status: ResourceStatus?, context: ApplyContext) async -> String? {
        if let poolName, let id = await context.references.outputs(of: poolAddress(poolName))?["id"], !id.isEmpty {
            return id
        }
        guard let recorded = status?.resource[poolIdKey], !recorded.isEmpty else { return nil }
        return recorded
    }

    /// The region of a pool id (`us-east-1_AbCdEf123` is in `us-east-1`): Cognito prefixes every pool id with it.
    static func region(ofPoolId id: String) -> String {
        String(id.prefix { $0 != "_" })
    }

    /// Whether `error` says the pool (or something in it) is gone.
    static func isNotFound(_ error: any Error) -> Bool {
        (error as? AWSError)?.code == "ResourceNotFoundException"
    }
}
