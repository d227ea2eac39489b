import Manifests

extension MfaPolicyHandler {
    /// Same pool: a pool has one MFA configuration.
    func claims(_ desired: DesiredResource, live: MfaPolicyLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard case let .mfaPolicy(spec) = desired.manifest.spec,
              let poolId = references[UserPoolMember.poolAddress(spec.userPool.value)]?["id"] else { return false }
        return live.pool.id == poolId
    }
}
