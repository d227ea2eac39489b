import Manifests

extension MfaPolicyHandler {
    /// Same pool: a pool has one MFA configuration.
    func claims(_ desired: DesiredResource, live: MfaPolicyLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired),
              let poolId = references[UserPoolMember.poolAddress(spec.userPool.value)]?["id"] else { return false }
        return live.pool.id == poolId
    }
}
