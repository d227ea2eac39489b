/// `spec` of a `UserPool`. Every optional field left nil is not managed: its live value is kept.
public struct UserPoolSpec: Sendable, Equatable {
    /// `spec.adopt`: id or ARN of an existing pool to take over.
    public var adopt: Located<String>?
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.poolName`; renamed in place.
    public var poolName: Located<String>
    /// `spec.usernameAttributes`; immutable.
    public var usernameAttributes: Located<[Located<UsernameAttribute>]>?
    /// `spec.aliasAttributes`; immutable; exclusive with `usernameAttributes`.
    public var aliasAttributes: Located<[Located<AliasAttribute>]>?
    /// `spec.autoVerifiedAttributes`.
    public var autoVerifiedAttributes: Located<[Located<VerifiedAttribute>]>?
    /// `spec.smsRole`: name of an `SmsRole` manifest.
    public var smsRole: Located<String>?
    /// `spec.smsRoleArn`: a role managed elsewhere (with `smsExternalId`).
    public var smsRoleArn: Located<String>?
    /// `spec.smsExternalId`: the external id of `smsRoleArn`.
    public var smsExternalId: Located<String>?
    /// `spec.smsService`: the service Cognito sends SMS through; `sns` when nil.
    public var smsService: Located<SmsService>?
    /// `spec.smsConfigurationSet`: the End User Messaging configuration set SMS is sent with (End User Messaging only).
    public var smsConfigurationSet: Located<String>?
    /// `spec.smsConfigurationSetRef`: name of the `ConfigurationSet` manifest SMS is sent with (instead of
    /// `smsConfigurationSet`, which names a set managed elsewhere).
    public var smsConfigurationSetRef: Located<String>?
    /// `spec.smsRegion`: the SNS region Cognito sends SMS from.
    public var smsRegion: Located<String>?
    /// `spec.verificationMessages`.
    public var verificationMessages: VerificationMessages?
    /// `spec.customAttributes`; add-only.
    public var customAttributes: Located<[CustomAttribute]>?
    /// `spec.accountRecovery`, in priority order.
    public var accountRecovery: Located<[Located<RecoveryOption>]>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?
    /// The simple fields (`usernameCaseSensitive`, `passwordPolicy.*`, `adminCreateUser.*`, `deletionProtection`:
    /// the rows of `FieldCatalog.userPool` with an AWS member).
    public var mapped = MappedValues(fields: ResourceKind.userPool.mappedFields)

    /// Creates a spec that manages only the pool name.
    public init(poolName: Located<String>) {
        self.poolName = poolName
    }

    /// `spec.verificationMessages`.
    public struct VerificationMessages: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// SMS verification message; must contain `{####}`.
        public var sms: Located<String>?
        /// Email verification subject.
        public var emailSubject: Located<String>?
        /// Email verification message; must contain `{####}`.
        public var email: Located<String>?
    }

    /// One entry of `spec.customAttributes`.
    public struct CustomAttribute: Sendable, Equatable {
        /// Where the entry is.
        public var location: SourceLocation
        /// Attribute name without the `custom:` prefix.
        public var name: Located<String>
        /// Data type.
        public var type: Located<AttributeDataType>
        /// Whether the value can change after creation.
        public var mutable: Located<Bool>?
        /// Minimum string length (String only).
        public var minLength: Located<Int>?
        /// Maximum string length (String only).
        public var maxLength: Located<Int>?
        /// Minimum value (Number only).
        public var minValue: Located<Int>?
        /// Maximum value (Number only).
        public var maxValue: Located<Int>?
    }
}
