import Manifests

extension SmsRoleHandler {
    /// Same role name, named by an SmsRole or an SmsLogRole manifest (`OwnedRoleClaim`).
    func claims(_ desired: DesiredResource, live: SmsRoleLive,
                references: [ResourceAddress: [String: String]]) -> Bool {
        OwnedRoleClaim.claims(desired, roleNamed: live.role.name)
    }
}
