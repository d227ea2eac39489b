/// The fields every manifest may contain, per kind: the single source for unknown-field detection, the typed reader
/// and the JSON Schema.
public enum FieldCatalog {
    /// Top-level fields of a document of `kind`.
    public static func document(for kind: ResourceKind) -> [FieldSpec] {
        [
            FieldSpec("apiVersion", .enumeration(values: [APIVersion.v1], aliases: []), required: true,
                      "Manifest format version.", .smsauth),
            FieldSpec("kind", .enumeration(values: [kind.rawValue], aliases: []), required: true, "Resource kind.",
                      .identity),
            FieldSpec("metadata", .object(metadata), required: true, "Name and labels of the resource."),
            FieldSpec("spec", .object(spec(for: kind)), required: true, "Desired configuration of the resource."),
            FieldSpec("policy", .object(policy), "How smsauth handles replacement, deletion and drift."),
        ]
    }

    /// Top-level fields of the settings document (`smsauth.yaml`, see `ManifestSettings`).
    public static let settingsDocument: [FieldSpec] = [
        FieldSpec("apiVersion", .enumeration(values: [APIVersion.v1], aliases: []), required: true,
                  "Manifest format version.", .smsauth),
        FieldSpec("kind", .enumeration(values: [ManifestSettings.kind], aliases: []), required: true,
                  "The settings document of the manifest set.", .smsauth),
        FieldSpec("spec", .object(settings), required: true, "Owner and state location of the manifest set."),
    ]

    /// Fields of the settings document's `spec`.
    public static let settings: [FieldSpec] = [
        FieldSpec("owner", .string, required: true, pattern: SchemaPatterns.resourceName,
                  "Owner of the manifest set, in the smsauth:owner tag and every status record; lowercase letters, "
                  + "digits and '-', at most 63 characters.", .identity),
        FieldSpec("state", .string, "Where the set's state lives: a local path or s3://bucket/prefix.", .smsauth,
                  default: .derived("--status-dir, --state or SMSAUTH_STATE, else the local status folder")),
        FieldSpec("suspend", .boolean,
                  "true: smsauth leaves every resource of the set alone (no create, update, drift correction or "
                  + "delete; status phase Suspended), as policy.suspend on each manifest, until removed.", .smsauth,
                  default: .value("false")),
    ]

    /// Fields of `metadata`.
    public static let metadata: [FieldSpec] = [
        FieldSpec("name", .string, required: true, pattern: SchemaPatterns.resourceName,
                  "Unique per kind; lowercase letters, digits and '-', at most 63 characters; a change that still "
                  + "names the same AWS resource is a rename: nothing is deleted or created.", .mutable),
        FieldSpec("labels", .stringMap,
                  "Labels for people and tools, usable with --selector (reconcile, status, controller) to act on "
                  + "some manifests only. Kubernetes's label syntax: a key is an optional DNS-subdomain prefix "
                  + "(at most 253 characters) and '/', then a name of 1 to 63 letters, digits, '-', '_' and '.', "
                  + "alphanumeric at both ends; a value is empty or such a name.", .smsauth, default: .derived("none")),
    ]

    /// Fields of `policy`.
    public static let policy: [FieldSpec] = [
        FieldSpec("onImmutableChange", .enumeration(ImmutableChangePolicy.self),
                  "Refuse a change that needs replacement, or Recreate the resource.", .smsauth,
                  default: .value(ImmutableChangePolicy.refuse.rawValue)),
        FieldSpec("onDelete", .enumeration(DeletePolicy.self),
                  "When the manifest is removed: Retain the AWS resource or Delete it.", .smsauth,
                  default: .derived(deleteDefault)),
        FieldSpec("onDrift", .enumeration(DriftPolicy.self),
                  "When the live resource changed outside smsauth: Correct it or only Report it.", .smsauth,
                  default: .value(DriftPolicy.correct.rawValue)),
        FieldSpec("suspend", .boolean,
                  "true: smsauth leaves the resource alone (no create, update, drift correction or delete, even "
                  + "once the manifest is removed; status phase Suspended) until removed or false.", .smsauth,
                  default: .value("false")),
    ]

    /// Fields of `spec` for `kind`.
    public static func spec(for kind: ResourceKind) -> [FieldSpec] {
        let fields = kind.definition.fields
        guard kind.supportsAdoption else { return fields }
        return [FieldSpec("adopt", .string, "Id or ARN of an existing resource to take over (adds ownership tags).",
                          .createOnly, default: .derived("none: smsauth creates the resource"))]
            + fields
    }

    /// The words of `policy.onDelete`'s default, which differs per kind (`ResourceKind.defaultPolicy`).
    static var deleteDefault: String {
        let deleting = ResourceKind.allCases.filter { $0.defaultPolicy.onDelete == .delete }.map(\.rawValue)
        return "`\(DeletePolicy.retain.rawValue)`; `\(DeletePolicy.delete.rawValue)` for "
            + deleting.joined(separator: " and ")
    }

    /// `spec.region`, shared by regional kinds.
    static let region = FieldSpec("region", .string, pattern: SchemaPatterns.region,
                                  "AWS region; defaults to --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's.",
                                  .identity, default: .derived("the run's region"))
    /// `spec.tags`, shared by taggable kinds.
    static let tags = FieldSpec("tags", .stringMap, "AWS tags (smsauth adds its ownership tags).", .mutable,
                                default: .unmanaged(aws: nil))
    /// `spec.deletionProtection`, shared.
    static let deletionProtection = FieldSpec("deletionProtection", .boolean,
                                              "Refuse deletion in AWS while enabled.", .mutable,
                                              default: .unmanaged(aws: "false"))

    /// `SmsRole` spec fields: the role fields with the external id and the service the role sends through.
    static let smsRole: [FieldSpec] = [
        roleIdentityFields[0], roleIdentityFields[1],
        FieldSpec("externalId", .string, required: true, "sts:ExternalId required by the trust policy.",
                  .mutable),
        FieldSpec("service", .enumeration(SmsService.self),
                  "What the role may send through: sns (sns:Publish, the default) or endUserMessaging "
                  + "(sms-voice:SendTextMessage on the account's phone numbers, sender IDs, pools and configuration sets).",
                  .mutable, default: .value("sns")),
    ] + roleSettingFields

    /// The name and path of a role smsauth owns whole (SmsRole, SmsLogRole), in manual order.
    static let roleIdentityFields: [FieldSpec] = [
        FieldSpec("roleName", .string, required: true, pattern: SchemaPatterns.roleName,
                  "IAM role name; immutable (a change replaces the role).",
                  .immutable),
        FieldSpec("path", .string, "IAM path such as /service-role/; immutable.", .immutable,
                  default: .value("/")),
    ]

    /// The optional settings and tags of a role smsauth owns whole (SmsRole, SmsLogRole).
    static let roleSettingFields: [FieldSpec] = [
        FieldSpec("description", .string, "Role description.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("maxSessionDurationSeconds", .integer(minimum: 3600, maximum: 43200), "Maximum session duration.",
                  .mutable, default: .unmanaged(aws: "3600")),
        FieldSpec("permissionsBoundaryArn", .string, "ARN of a managed policy used as permissions boundary.", .mutable,
                  default: .unmanaged(aws: nil)),
        tags,
    ]

    /// `MfaPolicy` spec fields.
    static let mfaPolicy: [FieldSpec] = [
        FieldSpec("userPool", .string, required: true,
                  "Name of the UserPool manifest whose MFA configuration this is.", .identity),
        FieldSpec("mode", .enumeration(MfaMode.self), required: true, "MFA mode.", .mutable),
        FieldSpec("sms", .object([
            FieldSpec("enabled", .boolean, "SMS is an MFA factor (needs the pool's SMS role).", .mutable,
                      default: .unmanaged(aws: "false")),
            FieldSpec("message", .string, "Authentication SMS, 6-140 characters, must contain {####}.", .mutable,
                      default: .unmanaged(aws: nil)),
        ]), "SMS factor."),
        FieldSpec("totp", .object([FieldSpec("enabled", .boolean, "Authenticator apps are an MFA factor.", .mutable,
                                                    default: .unmanaged(aws: "false"))]),
                  "TOTP (software token) factor."),
        FieldSpec("deviceTracking", .object([
            FieldSpec("remember", .enumeration(DeviceRemembering.self), "When devices are remembered.", .mutable,
                      default: .unmanaged(aws: DeviceRemembering.never.rawValue)),
            FieldSpec("bypassMfaOnRememberedDevices", .boolean, "Remembered devices may skip the second factor.", .mutable,
                      default: .unmanaged(aws: "false")),
        ]), "Remembered (trusted) devices."),
    ]

    /// `SandboxNumber` spec fields.
    static let sandboxNumber: [FieldSpec] = [
        region.with(.immutable),
        FieldSpec("phoneNumber", .string, required: true, pattern: SchemaPatterns.e164, "Destination number in E.164 form; immutable.", .immutable),
        FieldSpec("languageCode", .enumeration(SandboxLanguage.self), "Language of the one-time password SMS.", .createOnly,
                  default: .unmanaged(aws: "en-US")),
        FieldSpec("oneTimePasswordFile", .string, "File holding the one-time password, relative to the manifest; read while the number is "
                  + "Pending to verify it.", .smsauth, default: .derived("none: the number stays Pending")),
        FieldSpec("service", .enumeration(SmsService.self), "Sandbox the number is added to: sns (the SNS SMS sandbox) or "
                  + "endUserMessaging (End User Messaging SMS verified destination numbers); changing it is a new sandbox entry.",
                  .immutable, default: .derived("the service of the UserPools sending SMS from the number's region; sns when none")),
    ]

    /// `SmsAccountSettings` spec fields.
    static let smsAccountSettings: [FieldSpec] = [
        region,
        FieldSpec("defaultSmsType", .enumeration(SmsType.self), "Default SMS type.", .mutable,
                  default: .unmanaged(aws: SmsType.promotional.rawValue)),
        FieldSpec("monthlySpendLimitUSD", .integer(minimum: 0, maximum: nil), "Monthly SMS spend limit in USD.", .mutable,
                  default: .unmanaged(aws: "1")),
        FieldSpec("defaultSenderId", .string, "Default sender ID, 1-11 alphanumeric characters, at least one letter.", .mutable,
                  default: .unmanaged(aws: nil)),
        FieldSpec("deliveryStatusRoleArn", .string,
                  "ARN of an IAM role managed elsewhere that SNS uses to log delivery status (instead of deliveryStatus).",
                  .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("deliveryStatusSuccessSamplingRate", .integer(minimum: 0, maximum: 100),
                  "Percentage of successful deliveries logged (with deliveryStatusRoleArn).", .mutable,
                  default: .unmanaged(aws: nil)),
        FieldSpec("deliveryStatus", .object([
            FieldSpec("role", .string, required: true,
                      "Name of the SmsLogRole manifest SNS logs delivery status with.", .mutable),
            FieldSpec("successSamplingRate", .integer(minimum: 0, maximum: 100),
                      "Percentage of successful deliveries logged (every failure is).", .mutable,
                      default: .unmanaged(aws: nil)),
        ]), "Delivery-status logging to CloudWatch Logs through an SmsLogRole manifest (instead of "
            + "deliveryStatusRoleArn and deliveryStatusSuccessSamplingRate)."),
    ]
}
