import AWSServices
import Manifests

extension UserPoolHandler {
    /// The pool the manifest's lookup would take without ownership tags: the one `spec.adopt` names, else the pool
    /// called `spec.poolName` in the manifest's region.
    func claims(_ desired: DesiredResource, live: UserPoolDescription,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired) else { return false }
        if let adopt = spec.adopt?.value { return UserPoolPlanner.poolId(fromIdOrArn: adopt) == live.id }
        return live.name == spec.poolName.value && Self.region(of: live) == desired.region
    }
}
