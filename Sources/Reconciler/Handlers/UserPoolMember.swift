import AWSCore
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
