/// `spec` of an `SmsLogRole`: the IAM role Amazon SNS assumes to write SMS delivery-status logs to CloudWatch Logs.
/// Its trust policy and its one inline policy are fixed by smsauth; the manifest names the role and its options.
public struct SmsLogRoleSpec: Sendable, Equatable {
    /// `spec.adopt`: name or ARN of an existing role to take over.
    public var adopt: Located<String>?
    /// `spec.roleName`; immutable (a change replaces the role).
    public var roleName: Located<String>
    /// `spec.path`; immutable; AWS default `/` when nil.
    public var path: Located<String>?
    /// `spec.description`.
    public var description: Located<String>?
    /// `spec.maxSessionDurationSeconds` (3600–43200).
    public var maxSessionDurationSeconds: Located<Int>?
    /// `spec.permissionsBoundaryArn`.
    public var permissionsBoundaryArn: Located<String>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates the spec.
    public init(adopt: Located<String>? = nil, roleName: Located<String>, path: Located<String>? = nil,
                description: Located<String>? = nil, maxSessionDurationSeconds: Located<Int>? = nil,
                permissionsBoundaryArn: Located<String>? = nil, tags: Located<[String: String]>? = nil) {
        self.adopt = adopt
        self.roleName = roleName
        self.path = path
        self.description = description
        self.maxSessionDurationSeconds = maxSessionDurationSeconds
        self.permissionsBoundaryArn = permissionsBoundaryArn
        self.tags = tags
    }
}
