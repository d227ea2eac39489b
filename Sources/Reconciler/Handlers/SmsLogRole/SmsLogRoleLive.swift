import AWSServices

/// What the SmsLogRole handler reads from IAM for one role: the role itself (GetRole: trust policy, description,
/// maximum session, boundary, tags) and its inline policy `smsauth-sns-delivery-logs` (GetRolePolicy).
struct SmsLogRoleLive: OwnedRoleLive, Equatable {
    /// The role as GetRole describes it.
    var role: IAMRole
    /// The inline policy `smsauth-sns-delivery-logs`, nil when the role has none of that name.
    var deliveryLogsPolicy: PolicyDocument?

    /// Creates the live state.
    init(role: IAMRole, deliveryLogsPolicy: PolicyDocument?) {
        self.role = role
        self.deliveryLogsPolicy = deliveryLogsPolicy
    }

    /// `deliveryLogsPolicy` for its name; nil for any other (no other inline policy is read).
    func inlinePolicy(named name: String) -> PolicyDocument? {
        name == SmsLogRoleDocuments.policyName ? deliveryLogsPolicy : nil
    }
}
