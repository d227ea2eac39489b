import Manifests

extension SmsRoleHandler {
    /// Same role name (IAM role names are unique in an account).
    func claims(_ desired: DesiredResource, live: SmsRoleLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard case let .smsRole(spec) = desired.manifest.spec else { return false }
        return live.role.name == spec.roleName.value
    }
}
