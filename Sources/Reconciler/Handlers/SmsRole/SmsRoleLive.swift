import AWSServices

/// What the SmsRole handler reads from IAM for one role: the role itself (GetRole, which carries the trust policy,
/// description, maximum session, boundary and tags) and its grant inline policies (GetRolePolicy):
/// `smsauth-sns-publish` and `smsauth-sms-voice-send`. The one the manifest's service needs is always read; the other
/// only when that one is missing (a role switching services), so a role in place costs one GetRolePolicy.
struct SmsRoleLive: OwnedRoleLive, Equatable {
    /// The role as GetRole describes it.
    var role: IAMRole
    /// The inline policy `smsauth-sns-publish`, nil when the role has none of that name (or it was not read).
    var publishPolicy: PolicyDocument?
    /// The inline policy `smsauth-sms-voice-send`, nil when the role has none of that name (or it was not read).
    var sendPolicy: PolicyDocument?

    /// Creates the live state.
    init(role: IAMRole, publishPolicy: PolicyDocument?, sendPolicy: PolicyDocument? = nil) {
        self.role = role
        self.publishPolicy = publishPolicy
        self.sendPolicy = sendPolicy
    }

    /// The inline policy named `name` (one of the two grant policies), as read.
    func inlinePolicy(named name: String) -> PolicyDocument? {
        name == SmsRoleDocuments.publishPolicyName ? publishPolicy : sendPolicy
    }
}
