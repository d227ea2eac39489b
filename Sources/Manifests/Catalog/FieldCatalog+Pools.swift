extension FieldCatalog {
    /// `UserPool` spec fields.
    static let userPool: [FieldSpec] = [
        region,
        FieldSpec("poolName", .string, required: true, "User pool name; renamed in place.", .mutable),
        FieldSpec("usernameAttributes", .list(.enumeration(UsernameAttribute.self)),
                  "Attributes usable as username; immutable; exclusive with aliasAttributes.", .immutable,
                  default: .unmanaged(aws: "none")),
        FieldSpec("aliasAttributes", .list(.enumeration(AliasAttribute.self)),
                  "Attributes usable as sign-in alias; immutable; exclusive with usernameAttributes.", .immutable,
                  default: .unmanaged(aws: "none")),
        FieldSpec("usernameCaseSensitive", .boolean, "Whether usernames are case sensitive; immutable.", .immutable,
                  default: .unmanaged(aws: "true"))
            .aws("Cognito CreateUserPool", ["UsernameConfiguration", "CaseSensitive"], whenAbsent: .bool(true)),
        FieldSpec("autoVerifiedAttributes", .list(.enumeration(VerifiedAttribute.self)),
                  "Attributes verified automatically (phone_number needs an SMS role).", .mutable,
                  default: .unmanaged(aws: "none")),
        FieldSpec("smsRole", .string, "Name of the SmsRole manifest Cognito sends SMS with.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("smsRoleArn", .string, "ARN of a role managed elsewhere (instead of smsRole).", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("smsExternalId", .string, "External id of smsRoleArn.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("smsService", .enumeration(SmsService.self),
                  "Service Cognito sends SMS through: sns (default) or endUserMessaging; the SMS role must grant it.",
                  .mutable, default: .value("sns")),
        FieldSpec("smsConfigurationSet", .string,
                  "Name of an End User Messaging configuration set managed elsewhere that SMS is sent with (smsService "
                  + "endUserMessaging only).", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("smsConfigurationSetRef", .string,
                  "Name of the ConfigurationSet manifest SMS is sent with, applied before the pool (smsService "
                  + "endUserMessaging only; instead of smsConfigurationSet).", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("smsRegion", .string, "SNS region Cognito sends SMS from (smsService sns only).", .mutable,
                  default: .unmanaged(aws: "the pool's region")),
        FieldSpec("verificationMessages", .object([
            FieldSpec("sms", .string, "SMS verification message, 6-140 characters, must contain {####}.", .mutable,
                      default: .unmanaged(aws: nil)),
            FieldSpec("emailSubject", .string, "Verification email subject, 1-140 characters.", .mutable, default: .unmanaged(aws: nil)),
            FieldSpec("email", .string, "Verification email message, 6-20000 characters, must contain {####}.", .mutable,
                      default: .unmanaged(aws: nil)),
        ]), "Verification messages."),
        FieldSpec("passwordPolicy", .object([
            FieldSpec("minimumLength", .integer(minimum: 6, maximum: 99), "Minimum password length.", .mutable,
                      default: .unmanaged(aws: "8")).aws(updatePool, ["Policies", "PasswordPolicy", "MinimumLength"]),
            FieldSpec("requireUppercase", .boolean, "Require an uppercase letter.", .mutable, default: .unmanaged(aws: "true"))
                .aws(updatePool, ["Policies", "PasswordPolicy", "RequireUppercase"]),
            FieldSpec("requireLowercase", .boolean, "Require a lowercase letter.", .mutable, default: .unmanaged(aws: "true"))
                .aws(updatePool, ["Policies", "PasswordPolicy", "RequireLowercase"]),
            FieldSpec("requireNumbers", .boolean, "Require a digit.", .mutable, default: .unmanaged(aws: "true"))
                .aws(updatePool, ["Policies", "PasswordPolicy", "RequireNumbers"]),
            FieldSpec("requireSymbols", .boolean, "Require a symbol.", .mutable, default: .unmanaged(aws: "true"))
                .aws(updatePool, ["Policies", "PasswordPolicy", "RequireSymbols"]),
            FieldSpec("temporaryPasswordValidityDays", .integer(minimum: 0, maximum: 365),
                      "Days a temporary password stays valid.", .mutable, default: .unmanaged(aws: "7"))
                .aws(updatePool, ["Policies", "PasswordPolicy", "TemporaryPasswordValidityDays"]),
        ]), "Password policy."),
        FieldSpec("adminCreateUser", .object([
            FieldSpec("allowAdminCreateUserOnly", .boolean, "Only administrators create users.", .mutable, default: .unmanaged(aws: "false"))
                .aws(updatePool, ["AdminCreateUserConfig", "AllowAdminCreateUserOnly"]),
            FieldSpec("inviteSmsMessage", .string, "Invitation SMS, 6-140 characters, with {username} and {####}.", .mutable,
                      default: .unmanaged(aws: nil))
                .aws(updatePool, ["AdminCreateUserConfig", "InviteMessageTemplate", "SMSMessage"]),
        ]), "Administrator user creation."),
        FieldSpec("customAttributes", .list(.object([
            FieldSpec("name", .string, required: true, "Attribute name without 'custom:', 1-20 characters.",
                      .immutable),
            FieldSpec("type", .enumeration(AttributeDataType.self), required: true, "Data type.", .immutable),
            FieldSpec("mutable", .boolean, "Whether the value can change after creation.", .immutable,
                      default: .unmanaged(aws: nil)),
            FieldSpec("minLength", .integer(minimum: 0, maximum: nil), "Minimum length (String).", .immutable, default: .unmanaged(aws: nil)),
            FieldSpec("maxLength", .integer(minimum: 0, maximum: nil), "Maximum length (String).", .immutable, default: .unmanaged(aws: nil)),
            FieldSpec("minValue", .integer, "Minimum value (Number).", .immutable, default: .unmanaged(aws: nil)),
            FieldSpec("maxValue", .integer, "Maximum value (Number).", .immutable, default: .unmanaged(aws: nil)),
        ])), "Custom attributes; add-only (changing or removing one is an immutable change).", .addOnly,
           default: .unmanaged(aws: nil)),
        FieldSpec("accountRecovery", .list(.enumeration(RecoveryOption.self)),
                  "Account recovery methods in priority order.", .mutable, default: .unmanaged(aws: nil)),
        deletionProtection.aws(updatePool, ["DeletionProtection"], .flag(on: "ACTIVE", off: "INACTIVE"),
                               whenAbsent: .bool(false)),
        tags,
    ]

    /// The operation that sets a pool's mapped fields.
    private static let updatePool = "Cognito UpdateUserPool"
    /// The operation that sets an app client's mapped fields.
    private static let updateClient = "Cognito UpdateUserPoolClient"

    /// `AppClient` spec fields.
    static let appClient: [FieldSpec] = [
        FieldSpec("userPool", .string, required: true,
                  "Name of the UserPool manifest; immutable (a client cannot move between pools: a change replaces it).",
                  .immutable),
        FieldSpec("clientName", .string, required: true, "App client name.", .mutable),
        FieldSpec("generateSecret", .boolean, "Generate a client secret; immutable (a change replaces the client).", .immutable,
                  default: .unmanaged(aws: "false")),
        FieldSpec("explicitAuthFlows", .list(.enumeration(AuthFlow.self)),
                  "Authentication flows; legacy names are normalised to ALLOW_ names.", .mutable,
                  default: .unmanaged(aws: "ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_CUSTOM_AUTH")),
        FieldSpec("readAttributes", .list(.string), "Attributes the client can read.", .mutable,
                  default: .unmanaged(aws: "the standard attributes, email_verified, phone_number_verified")),
        FieldSpec("writeAttributes", .list(.string), "Attributes the client can write.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("preventUserExistenceErrors", .boolean, "Hide whether a user exists in error responses.", .mutable,
                  default: .unmanaged(aws: "false"))
            .aws(updateClient, ["PreventUserExistenceErrors"], .flag(on: "ENABLED", off: "LEGACY"), whenAbsent: .bool(false)),
        FieldSpec("enableTokenRevocation", .boolean, "Allow refresh token revocation.", .mutable, default: .unmanaged(aws: "true"))
            .aws(updateClient, ["EnableTokenRevocation"], whenAbsent: .bool(true)),
        FieldSpec("tokenValidity", .object([
            FieldSpec("accessToken", .duration, "Access token lifetime, 5m-1d.", .mutable, default: .unmanaged(aws: "1h")),
            FieldSpec("idToken", .duration, "ID token lifetime, 5m-1d.", .mutable, default: .unmanaged(aws: "1h")),
            FieldSpec("refreshToken", .duration, "Refresh token lifetime, 60m-3650d.", .mutable, default: .unmanaged(aws: "30d")),
        ]), "Token lifetimes such as 5m, 1h, 30d."),
        FieldSpec("outputs", .object([
            FieldSpec("ssmParameter", .string, required: true,
                      "SSM parameter (String) that receives the client configuration; rewritten only when it changes.",
                      .mutable),
            FieldSpec("format", .enumeration(ClientConfigurationFormat.self),
                      "Document written: json, amplify, amplify-gen1 or env.", .mutable,
                      default: .value(ClientConfigurationFormat.json.rawValue)),
        ]), "Client configuration (pool id, client id, region, sign-in settings; never the secret) for apps."),
        FieldSpec("secret", .object([
            FieldSpec("secretsManager", .string, "Secrets Manager secret name (exactly one of secretsManager and ssmParameter).",
                      .createOnly, default: .derived("none")),
            FieldSpec("ssmParameter", .string, "SSM SecureString parameter name (exactly one of secretsManager and ssmParameter).",
                      .createOnly, default: .derived("none")),
            FieldSpec("kmsKeyId", .string, "KMS key id, ARN or alias that encrypts the secret.",
                      .createOnly, default: .unmanaged(aws: "the account's AWS managed key")),
        ]), "Where the client secret is written when the client is created or replaced; needs generateSecret: true."),
    ]

    /// `OriginationIdentity` spec fields.
    static let originationIdentity: [FieldSpec] = [
        region,
        FieldSpec("phoneNumber", .object([
            FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country; immutable.", .immutable),
            FieldSpec("numberType", .enumeration(NumberType.self), required: true, "Number type; immutable.", .immutable),
            FieldSpec("messageType", .enumeration(MessageType.self), required: true, "Message type; immutable.", .immutable),
            FieldSpec("capabilities", .list(.enumeration(NumberCapability.self)), required: true,
                      "Capabilities; immutable.", .immutable),
            FieldSpec("registrationId", .string, "Registration id or ARN; immutable (UpdatePhoneNumber cannot change it).", .immutable,
                      default: .unmanaged(aws: nil)),
            FieldSpec("registration", .string, "Name of the Registration manifest the number is associated with "
                      + "(CreateRegistrationAssociation, once AWS allows it); exclusive with registrationId.", .mutable,
                      default: .derived("none")),
            FieldSpec("optOutListName", .string, "Opt-out list name.", .mutable, default: .unmanaged(aws: nil)),
            FieldSpec("selfManagedOptOuts", .boolean, "Handle opt-outs yourself.", .mutable, default: .unmanaged(aws: "false")),
            FieldSpec("twoWay", .boolean, "Enable two-way messaging.", .mutable, default: .unmanaged(aws: "false")),
        ]), "A phone number to request (exactly one of phoneNumber and senderId)."),
        FieldSpec("senderId", .object([
            FieldSpec("senderId", .string, required: true, "1-11 of A-Z a-z 0-9 _ -, at least one letter.",
                      .immutable),
            FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country; immutable.", .immutable),
            FieldSpec("messageTypes", .list(.enumeration(MessageType.self)), "Message types; immutable.", .immutable,
                      default: .unmanaged(aws: nil)),
        ]), "A sender ID to request (exactly one of phoneNumber and senderId)."),
        deletionProtection,
        FieldSpec("purchaseApproved", .boolean, "Approve the cost of requesting the number or sender ID.", .smsauth,
                  default: .value("false")),
        tags,
    ]

    /// `PhonePool` spec fields.
    static let phonePool: [FieldSpec] = [
        region,
        FieldSpec("originationIdentities", .list(.string), required: true,
                  "OriginationIdentity names; the first creates the pool, the others are associated and "
                  + "disassociated in place.", .mutable),
        FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country; immutable.", .immutable),
        FieldSpec("messageType", .enumeration(MessageType.self), required: true, "Message type; immutable.", .immutable),
        FieldSpec("optOutListName", .string, "Opt-out list name.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("selfManagedOptOuts", .boolean, "Handle opt-outs yourself.", .mutable, default: .unmanaged(aws: "false")),
        FieldSpec("sharedRoutes", .boolean, "Use shared routes.", .mutable, default: .unmanaged(aws: "false")),
        FieldSpec("twoWay", .boolean, "Enable two-way messaging.", .mutable, default: .unmanaged(aws: "false")),
        deletionProtection,
        tags,
    ]
}
