/// `spec` of an `SmsRole`: the IAM role Cognito assumes to send SMS, through SNS or End User Messaging SMS.
public struct SmsRoleSpec: Sendable, Equatable {
    /// `spec.adopt`: name or ARN of an existing role to take over.
    public var adopt: Located<String>?
    /// `spec.roleName`; immutable (a change replaces the role).
    public var roleName: Located<String>
    /// `spec.path`; immutable; AWS default `/` when nil.
    public var path: Located<String>?
    /// `spec.externalId`: the `sts:ExternalId` condition of the trust policy.
    public var externalId: Located<String>
    /// `spec.service`: what the role may send through; `sns` when nil.
    public var service: Located<SmsService>?
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
                externalId: Located<String>, service: Located<SmsService>? = nil, description: Located<String>? = nil,
                maxSessionDurationSeconds: Located<Int>? = nil, permissionsBoundaryArn: Located<String>? = nil,
                tags: Located<[String: String]>? = nil) {
        self.adopt = adopt
        self.roleName = roleName
        self.path = path
        self.externalId = externalId
        self.service = service
        self.description = description
        self.maxSessionDurationSeconds = maxSessionDurationSeconds
        self.permissionsBoundaryArn = permissionsBoundaryArn
        self.tags = tags
    }
}
