/// The fields every manifest may contain, per kind: the single source for unknown-field detection, the typed reader
/// and the JSON Schema.
public enum FieldCatalog {
    /// Top-level fields of a document of `kind`.
    public static func document(for kind: ResourceKind) -> [FieldSpec] {
        [
            FieldSpec("apiVersion", .enumeration(values: [APIVersion.v1], aliases: []), required: true,
                      "Manifest format version."),
            FieldSpec("kind", .enumeration(values: [kind.rawValue], aliases: []), required: true, "Resource kind."),
            FieldSpec("metadata", .object(metadata), required: true, "Name and labels of the resource."),
            FieldSpec("spec", .object(spec(for: kind)), required: true, "Desired configuration of the resource."),
            FieldSpec("policy", .object(policy), "How smsauth handles replacement, deletion and drift."),
        ]
    }

    /// Top-level fields of the settings document (`smsauth.yaml`, see `ManifestSettings`).
    public static let settingsDocument: [FieldSpec] = [
        FieldSpec("apiVersion", .enumeration(values: [APIVersion.v1], aliases: []), required: true,
                  "Manifest format version."),
        FieldSpec("kind", .enumeration(values: [ManifestSettings.kind], aliases: []), required: true,
                  "The settings document of the manifest set."),
        FieldSpec("spec", .object(settings), required: true, "Owner and state location of the manifest set."),
    ]

    /// Fields of the settings document's `spec`.
    public static let settings: [FieldSpec] = [
        FieldSpec("owner", .string, required: true, pattern: SchemaPatterns.resourceName,
                  "Owner of the manifest set, in the smsauth:owner tag and every status record; lowercase letters, "
                  + "digits and '-', at most 63 characters."),
        FieldSpec("state", .string, "Where the set's state lives: a local path or s3://bucket/prefix."),
        FieldSpec("suspend", .boolean,
                  "true: smsauth leaves every resource of the set alone (no create, update, drift correction or "
                  + "delete; status phase Suspended), as policy.suspend on each manifest, until removed."),
    ]

    /// Fields of `metadata`.
    public static let metadata: [FieldSpec] = [
        FieldSpec("name", .string, required: true, pattern: SchemaPatterns.resourceName,
                  "Unique per kind; lowercase letters, digits and '-', at most 63 characters."),
        FieldSpec("labels", .stringMap,
                  "Labels for people and tools, usable with --selector (reconcile, status, controller) to act on "
                  + "some manifests only."),
    ]

    /// Fields of `policy`.
    public static let policy: [FieldSpec] = [
        FieldSpec("onImmutableChange", .enumeration(ImmutableChangePolicy.self),
                  "Refuse a change that needs replacement, or Recreate the resource."),
        FieldSpec("onDelete", .enumeration(DeletePolicy.self),
                  "When the manifest is removed: Retain the AWS resource or Delete it."),
        FieldSpec("onDrift", .enumeration(DriftPolicy.self),
                  "When the live resource changed outside smsauth: Correct it or only Report it."),
        FieldSpec("suspend", .boolean,
                  "true: smsauth leaves the resource alone (no create, update, drift correction or delete, even "
                  + "once the manifest is removed; status phase Suspended) until removed or false."),
    ]

    /// Fields of `spec` for `kind`.
    public static func spec(for kind: ResourceKind) -> [FieldSpec] {
        let fields: [FieldSpec] = switch kind {
        case .smsRole: smsRole
        case .userPool: userPool
        case .appClient: appClient
        case .mfaPolicy: mfaPolicy
        case .sandboxNumber: sandboxNumber
        case .originationIdentity: originationIdentity
        case .phonePool: phonePool
        case .smsAccountSettings: smsAccountSettings
        }
        guard kind.supportsAdoption else { return fields }
        return [FieldSpec("adopt", .string, "Id or ARN of an existing resource to take over (adds ownership tags).")]
            + fields
    }

    /// `spec.region`, shared by regional kinds.
    static let region = FieldSpec("region", .string, pattern: SchemaPatterns.region,
                                  "AWS region; defaults to --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's.")
    /// `spec.tags`, shared by taggable kinds.
    static let tags = FieldSpec("tags", .stringMap, "AWS tags (smsauth adds its ownership tags).")
    /// `spec.deletionProtection`, shared.
    static let deletionProtection = FieldSpec("deletionProtection", .boolean,
                                              "Refuse deletion in AWS while enabled.")

    /// `SmsRole` spec fields.
    static let smsRole: [FieldSpec] = [
        FieldSpec("roleName", .string, required: true, "IAM role name; immutable (a change replaces the role)."),
        FieldSpec("path", .string, "IAM path such as /service-role/; immutable; default /."),
        FieldSpec("externalId", .string, required: true, "sts:ExternalId required by the trust policy."),
        FieldSpec("service", .enumeration(SmsService.self),
                  "What the role may send through: sns (sns:Publish, the default) or endUserMessaging "
                  + "(sms-voice:SendTextMessage on the account's phone numbers, sender IDs, pools and configuration sets)."),
        FieldSpec("description", .string, "Role description."),
        FieldSpec("maxSessionDurationSeconds", .integer(minimum: 3600, maximum: 43200), "Maximum session duration."),
        FieldSpec("permissionsBoundaryArn", .string, "ARN of a managed policy used as permissions boundary."),
        tags,
    ]

    /// `MfaPolicy` spec fields.
    static let mfaPolicy: [FieldSpec] = [
        FieldSpec("userPool", .string, required: true, "Name of the UserPool manifest."),
        FieldSpec("mode", .enumeration(MfaMode.self), required: true, "MFA mode."),
        FieldSpec("sms", .object([
            FieldSpec("enabled", .boolean, "SMS is an MFA factor (needs the pool's SMS role)."),
            FieldSpec("message", .string, "Authentication SMS, 6-140 characters, must contain {####}."),
        ]), "SMS factor."),
        FieldSpec("totp", .object([FieldSpec("enabled", .boolean, "Authenticator apps are an MFA factor.")]),
                  "TOTP (software token) factor."),
        FieldSpec("deviceTracking", .object([
            FieldSpec("remember", .enumeration(DeviceRemembering.self), "When devices are remembered."),
            FieldSpec("bypassMfaOnRememberedDevices", .boolean, "Remembered devices may skip the second factor."),
        ]), "Remembered (trusted) devices."),
    ]

    /// `SandboxNumber` spec fields.
    static let sandboxNumber: [FieldSpec] = [
        region,
        FieldSpec("phoneNumber", .string, required: true, pattern: SchemaPatterns.e164, "Destination number in E.164 form; immutable."),
        FieldSpec("languageCode", .enumeration(SandboxLanguage.self), "Language of the one-time password SMS."),
        FieldSpec("oneTimePasswordFile", .string, "File holding the one-time password, relative to the manifest."),
    ]

    /// `SmsAccountSettings` spec fields.
    static let smsAccountSettings: [FieldSpec] = [
        region,
        FieldSpec("defaultSmsType", .enumeration(SmsType.self), "Default SMS type."),
        FieldSpec("monthlySpendLimitUSD", .integer(minimum: 0, maximum: nil), "Monthly SMS spend limit in USD."),
        FieldSpec("defaultSenderId", .string, "Default sender ID, 1-11 alphanumeric characters, at least one letter."),
        FieldSpec("deliveryStatusRoleArn", .string, "IAM role SNS uses to log delivery status."),
        FieldSpec("deliveryStatusSuccessSamplingRate", .integer(minimum: 0, maximum: 100),
                  "Percentage of successful deliveries logged."),
    ]
}
