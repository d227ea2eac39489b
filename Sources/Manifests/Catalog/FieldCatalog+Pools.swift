extension FieldCatalog {
    /// `UserPool` spec fields.
    static let userPool: [FieldSpec] = [
        region,
        FieldSpec("poolName", .string, required: true, "User pool name; renamed in place."),
        FieldSpec("usernameAttributes", .list(.enumeration(UsernameAttribute.self)),
                  "Attributes usable as username; immutable; exclusive with aliasAttributes."),
        FieldSpec("aliasAttributes", .list(.enumeration(AliasAttribute.self)),
                  "Attributes usable as sign-in alias; immutable; exclusive with usernameAttributes."),
        FieldSpec("usernameCaseSensitive", .boolean, "Whether usernames are case sensitive; immutable."),
        FieldSpec("autoVerifiedAttributes", .list(.enumeration(VerifiedAttribute.self)),
                  "Attributes verified automatically (phone_number needs an SMS role)."),
        FieldSpec("smsRole", .string, "Name of the SmsRole manifest Cognito sends SMS with."),
        FieldSpec("smsRoleArn", .string, "ARN of a role managed elsewhere (instead of smsRole)."),
        FieldSpec("smsExternalId", .string, "External id of smsRoleArn."),
        FieldSpec("smsService", .enumeration(SmsService.self),
                  "Service Cognito sends SMS through: sns (default) or endUserMessaging; the SMS role must grant it."),
        FieldSpec("smsConfigurationSet", .string,
                  "End User Messaging configuration set SMS is sent with (smsService endUserMessaging only)."),
        FieldSpec("smsRegion", .string, "SNS region Cognito sends SMS from (smsService sns only)."),
        FieldSpec("verificationMessages", .object([
            FieldSpec("sms", .string, "SMS verification message, 6-140 characters, must contain {####}."),
            FieldSpec("emailSubject", .string, "Verification email subject, 1-140 characters."),
            FieldSpec("email", .string, "Verification email message, 6-20000 characters, must contain {####}."),
        ]), "Verification messages."),
        FieldSpec("passwordPolicy", .object([
            FieldSpec("minimumLength", .integer(minimum: 6, maximum: 99), "Minimum password length."),
            FieldSpec("requireUppercase", .boolean, "Require an uppercase letter."),
            FieldSpec("requireLowercase", .boolean, "Require a lowercase letter."),
            FieldSpec("requireNumbers", .boolean, "Require a digit."),
            FieldSpec("requireSymbols", .boolean, "Require a symbol."),
            FieldSpec("temporaryPasswordValidityDays", .integer(minimum: 0, maximum: 365),
                      "Days a temporary password stays valid."),
        ]), "Password policy."),
        FieldSpec("adminCreateUser", .object([
            FieldSpec("allowAdminCreateUserOnly", .boolean, "Only administrators create users."),
            FieldSpec("inviteSmsMessage", .string, "Invitation SMS, 6-140 characters, with {username} and {####}."),
        ]), "Administrator user creation."),
        FieldSpec("customAttributes", .list(.object([
            FieldSpec("name", .string, required: true, "Attribute name without 'custom:', 1-20 characters."),
            FieldSpec("type", .enumeration(AttributeDataType.self), required: true, "Data type."),
            FieldSpec("mutable", .boolean, "Whether the value can change after creation."),
            FieldSpec("minLength", .integer(minimum: 0, maximum: nil), "Minimum length (String)."),
            FieldSpec("maxLength", .integer(minimum: 0, maximum: nil), "Maximum length (String)."),
            FieldSpec("minValue", .integer, "Minimum value (Number)."),
            FieldSpec("maxValue", .integer, "Maximum value (Number)."),
        ])), "Custom attributes; add-only (changing or removing one is an immutable change)."),
        FieldSpec("accountRecovery", .list(.enumeration(RecoveryOption.self)),
                  "Account recovery methods in priority order."),
        deletionProtection,
        tags,
    ]

    /// `AppClient` spec fields.
    static let appClient: [FieldSpec] = [
        FieldSpec("userPool", .string, required: true,
                  "Name of the UserPool manifest; immutable (a client cannot move between pools: a change replaces it)."),
        FieldSpec("clientName", .string, required: true, "App client name."),
        FieldSpec("generateSecret", .boolean, "Generate a client secret; immutable (a change replaces the client)."),
        FieldSpec("explicitAuthFlows", .list(.enumeration(AuthFlow.self)),
                  "Authentication flows; legacy names are normalised to ALLOW_ names."),
        FieldSpec("readAttributes", .list(.string), "Attributes the client can read."),
        FieldSpec("writeAttributes", .list(.string), "Attributes the client can write."),
        FieldSpec("preventUserExistenceErrors", .boolean, "Hide whether a user exists in error responses."),
        FieldSpec("enableTokenRevocation", .boolean, "Allow refresh token revocation."),
        FieldSpec("tokenValidity", .object([
            FieldSpec("accessToken", .duration, "Access token lifetime, 5m-1d."),
            FieldSpec("idToken", .duration, "ID token lifetime, 5m-1d."),
            FieldSpec("refreshToken", .duration, "Refresh token lifetime, 60m-3650d."),
        ]), "Token lifetimes such as 5m, 1h, 30d."),
        FieldSpec("outputs", .object([
            FieldSpec("ssmParameter", .string, required: true,
                      "SSM parameter (String) that receives the client configuration; rewritten only when it changes."),
            FieldSpec("format", .enumeration(ClientConfigurationFormat.self),
                      "Document written: json (default), amplify, amplify-gen1 or env."),
        ]), "Client configuration (pool id, client id, region, sign-in settings; never the secret) for apps."),
        FieldSpec("secret", .object([
            FieldSpec("secretsManager", .string, "Secrets Manager secret name (exactly one of secretsManager and ssmParameter)."),
            FieldSpec("ssmParameter", .string, "SSM SecureString parameter name (exactly one of secretsManager and ssmParameter)."),
            FieldSpec("kmsKeyId", .string, "KMS key id, ARN or alias that encrypts the secret; default the account's AWS managed key."),
        ]), "Where the client secret is written when the client is created or replaced; needs generateSecret: true."),
    ]

    /// `OriginationIdentity` spec fields.
    static let originationIdentity: [FieldSpec] = [
        region,
        FieldSpec("phoneNumber", .object([
            FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country; immutable."),
            FieldSpec("numberType", .enumeration(NumberType.self), required: true, "Number type; immutable."),
            FieldSpec("messageType", .enumeration(MessageType.self), required: true, "Message type; immutable."),
            FieldSpec("capabilities", .list(.enumeration(NumberCapability.self)), required: true,
                      "Capabilities; immutable."),
            FieldSpec("registrationId", .string, "Registration id or ARN."),
            FieldSpec("optOutListName", .string, "Opt-out list name."),
            FieldSpec("selfManagedOptOuts", .boolean, "Handle opt-outs yourself."),
            FieldSpec("twoWay", .boolean, "Enable two-way messaging."),
        ]), "A phone number to request (exactly one of phoneNumber and senderId)."),
        FieldSpec("senderId", .object([
            FieldSpec("senderId", .string, required: true, "1-11 of A-Z a-z 0-9 _ -, at least one letter."),
            FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country."),
            FieldSpec("messageTypes", .list(.enumeration(MessageType.self)), "Message types."),
        ]), "A sender ID to request (exactly one of phoneNumber and senderId)."),
        deletionProtection,
        FieldSpec("purchaseApproved", .boolean, "Approve the cost of requesting the number or sender ID."),
        tags,
    ]

    /// `PhonePool` spec fields.
    static let phonePool: [FieldSpec] = [
        region,
        FieldSpec("originationIdentities", .list(.string), required: true,
                  "OriginationIdentity names; the first creates the pool."),
        FieldSpec("isoCountryCode", .string, required: true, pattern: SchemaPatterns.countryCode, "ISO 3166-1 alpha-2 country; immutable."),
        FieldSpec("messageType", .enumeration(MessageType.self), required: true, "Message type; immutable."),
        FieldSpec("optOutListName", .string, "Opt-out list name."),
        FieldSpec("selfManagedOptOuts", .boolean, "Handle opt-outs yourself."),
        FieldSpec("sharedRoutes", .boolean, "Use shared routes."),
        FieldSpec("twoWay", .boolean, "Enable two-way messaging."),
        deletionProtection,
        tags,
    ]
}
