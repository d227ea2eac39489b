import AWSServices
import Manifests

extension AppClientHandler {
    /// Same pool (the id of the pool the manifest names) and same client name.
    func claims(_ desired: DesiredResource, live: AppClientLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired), let client = live.client,
              let poolId = references[UserPoolMember.poolAddress(spec.userPool.value)]?["id"] else { return false }
        return client.userPoolId == poolId && client.clientName == spec.clientName.value
    }
}
