import AWSServices

/// What the SmsRole handler reads from IAM for one role: the role itself (GetRole, which carries the trust policy,
/// description, maximum session, boundary and tags) and its `smsauth-sns-publish` inline policy (GetRolePolicy).
public struct SmsRoleLive: Sendable, Equatable {
    /// The role as GetRole describes it.
    public var role: IAMRole
    /// The inline policy `smsauth-sns-publish`, nil when the role has none of that name.
    public var publishPolicy: PolicyDocument?

    /// Creates the live state.
    public init(role: IAMRole, publishPolicy: PolicyDocument?) {
        self.role = role
        self.publishPolicy = publishPolicy
    }
}
