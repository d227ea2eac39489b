extension FieldCatalog {
    /// The AWS API member each field sets, keyed `Kind.spec.path` (list elements' fields as `list.field`), as named in
    /// the botocore service models; shown by `docs/manifests.md` and `smsauth explain`. A field without an entry is
    /// smsauth's own (a policy, a label, a file, the region of the endpoint); a test requires an entry
    /// for every other field.
    public static let awsMembers: [String: String] = [
        "SmsRole.spec.roleName": "IAM CreateRole RoleName",
        "SmsRole.spec.path": "IAM CreateRole Path",
        "SmsRole.spec.externalId": "IAM CreateRole AssumeRolePolicyDocument (sts:ExternalId condition)",
        "SmsRole.spec.description": "IAM CreateRole/UpdateRole Description",
        "SmsRole.spec.maxSessionDurationSeconds": "IAM CreateRole/UpdateRole MaxSessionDuration",
        "SmsRole.spec.permissionsBoundaryArn": "IAM PutRolePermissionsBoundary PermissionsBoundary",
        "SmsRole.spec.tags": "IAM TagRole Tags",
        "UserPool.spec.poolName": "Cognito CreateUserPool PoolName",
        "UserPool.spec.usernameAttributes": "Cognito CreateUserPool UsernameAttributes",
        "UserPool.spec.aliasAttributes": "Cognito CreateUserPool AliasAttributes",
        "UserPool.spec.usernameCaseSensitive": "Cognito CreateUserPool UsernameConfiguration.CaseSensitive",
        "UserPool.spec.autoVerifiedAttributes": "Cognito UpdateUserPool AutoVerifiedAttributes",
        "UserPool.spec.smsRole": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn and ExternalId",
        "UserPool.spec.smsRoleArn": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn",
        "UserPool.spec.smsExternalId": "Cognito UpdateUserPool SmsConfiguration.ExternalId",
        "UserPool.spec.smsRegion": "Cognito UpdateUserPool SmsConfiguration.SnsRegion",
        "UserPool.spec.smsService": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn or SmsConfiguration.EumsSms.CallerArn",
        "UserPool.spec.smsConfigurationSet": "Cognito UpdateUserPool SmsConfiguration.EumsSms.ConfigurationSetName",
        "UserPool.spec.smsConfigurationSetRef": "Cognito UpdateUserPool SmsConfiguration.EumsSms.ConfigurationSetName",
        "ConfigurationSet.spec.name": "SMSVoice CreateConfigurationSet ConfigurationSetName",
        "ConfigurationSet.spec.defaultMessageType": "SMSVoice SetDefaultMessageType MessageType",
        "ConfigurationSet.spec.defaultSenderId": "SMSVoice SetDefaultSenderId SenderId",
        "ConfigurationSet.spec.eventDestinations": "SMSVoice CreateEventDestination, UpdateEventDestination, DeleteEventDestination",
        "ConfigurationSet.spec.eventDestinations.name": "SMSVoice CreateEventDestination EventDestinationName",
        "ConfigurationSet.spec.eventDestinations.enabled": "SMSVoice UpdateEventDestination Enabled",
        "ConfigurationSet.spec.eventDestinations.matchingEventTypes":
            "SMSVoice CreateEventDestination MatchingEventTypes",
        "ConfigurationSet.spec.eventDestinations.cloudWatchLogs.logGroupArn":
            "SMSVoice CreateEventDestination CloudWatchLogsDestination.LogGroupArn",
        "ConfigurationSet.spec.eventDestinations.cloudWatchLogs.iamRoleArn":
            "SMSVoice CreateEventDestination CloudWatchLogsDestination.IamRoleArn",
        "ConfigurationSet.spec.eventDestinations.sns.topicArn":
            "SMSVoice CreateEventDestination SnsDestination.TopicArn",
        "ConfigurationSet.spec.tags": "SMSVoice TagResource Tags",
        "SmsRole.spec.service": "IAM PutRolePolicy smsauth-sns-publish or smsauth-sms-voice-send",
        "UserPool.spec.verificationMessages.sms": "Cognito UpdateUserPool VerificationMessageTemplate.SmsMessage",
        "UserPool.spec.verificationMessages.emailSubject":
            "Cognito UpdateUserPool VerificationMessageTemplate.EmailSubject",
        "UserPool.spec.verificationMessages.email": "Cognito UpdateUserPool VerificationMessageTemplate.EmailMessage",
        "UserPool.spec.passwordPolicy": "Cognito UpdateUserPool Policies.PasswordPolicy",
        "UserPool.spec.passwordPolicy.minimumLength": "Cognito UpdateUserPool Policies.PasswordPolicy.MinimumLength",
        "UserPool.spec.passwordPolicy.requireUppercase": "Cognito UpdateUserPool Policies.PasswordPolicy.RequireUppercase",
        "UserPool.spec.passwordPolicy.requireLowercase": "Cognito UpdateUserPool Policies.PasswordPolicy.RequireLowercase",
        "UserPool.spec.passwordPolicy.requireNumbers": "Cognito UpdateUserPool Policies.PasswordPolicy.RequireNumbers",
        "UserPool.spec.passwordPolicy.requireSymbols": "Cognito UpdateUserPool Policies.PasswordPolicy.RequireSymbols",
        "UserPool.spec.passwordPolicy.temporaryPasswordValidityDays":
            "Cognito UpdateUserPool Policies.PasswordPolicy.TemporaryPasswordValidityDays",
        "UserPool.spec.customAttributes.name": "Cognito AddCustomAttributes CustomAttributes.Name",
        "UserPool.spec.customAttributes.type": "Cognito AddCustomAttributes CustomAttributes.AttributeDataType",
        "UserPool.spec.customAttributes.mutable": "Cognito AddCustomAttributes CustomAttributes.Mutable",
        "UserPool.spec.customAttributes.minLength":
            "Cognito AddCustomAttributes CustomAttributes.StringAttributeConstraints.MinLength",
        "UserPool.spec.customAttributes.maxLength":
            "Cognito AddCustomAttributes CustomAttributes.StringAttributeConstraints.MaxLength",
        "UserPool.spec.customAttributes.minValue":
            "Cognito AddCustomAttributes CustomAttributes.NumberAttributeConstraints.MinValue",
        "UserPool.spec.customAttributes.maxValue":
            "Cognito AddCustomAttributes CustomAttributes.NumberAttributeConstraints.MaxValue",
        "UserPool.spec.adminCreateUser.allowAdminCreateUserOnly":
            "Cognito UpdateUserPool AdminCreateUserConfig.AllowAdminCreateUserOnly",
        "UserPool.spec.adminCreateUser.inviteSmsMessage":
            "Cognito UpdateUserPool AdminCreateUserConfig.InviteMessageTemplate.SMSMessage",
        "UserPool.spec.customAttributes": "Cognito CreateUserPool Schema, AddCustomAttributes CustomAttributes",
        "UserPool.spec.accountRecovery": "Cognito UpdateUserPool AccountRecoverySetting.RecoveryMechanisms",
        "UserPool.spec.deletionProtection": "Cognito UpdateUserPool DeletionProtection",
        "UserPool.spec.tags": "Cognito TagResource Tags",
        "AppClient.spec.userPool": "Cognito CreateUserPoolClient UserPoolId (the pool's id)",
        "AppClient.spec.clientName": "Cognito CreateUserPoolClient ClientName",
        "AppClient.spec.generateSecret": "Cognito CreateUserPoolClient GenerateSecret",
        "AppClient.spec.explicitAuthFlows": "Cognito UpdateUserPoolClient ExplicitAuthFlows",
        "AppClient.spec.readAttributes": "Cognito UpdateUserPoolClient ReadAttributes",
        "AppClient.spec.writeAttributes": "Cognito UpdateUserPoolClient WriteAttributes",
        "AppClient.spec.preventUserExistenceErrors": "Cognito UpdateUserPoolClient PreventUserExistenceErrors",
        "AppClient.spec.enableTokenRevocation": "Cognito UpdateUserPoolClient EnableTokenRevocation",
        "AppClient.spec.tokenValidity.accessToken":
            "Cognito UpdateUserPoolClient AccessTokenValidity, TokenValidityUnits.AccessToken",
        "AppClient.spec.tokenValidity.idToken": "Cognito UpdateUserPoolClient IdTokenValidity, TokenValidityUnits.IdToken",
        "AppClient.spec.tokenValidity.refreshToken":
            "Cognito UpdateUserPoolClient RefreshTokenValidity, TokenValidityUnits.RefreshToken",
        "AppClient.spec.outputs.ssmParameter": "SSM PutParameter Name (Type String)",
        "AppClient.spec.outputs.format": "SSM PutParameter Value (the document written)",
        "AppClient.spec.secret.secretsManager": "Secrets Manager CreateSecret Name",
        "AppClient.spec.secret.ssmParameter": "SSM PutParameter Name (Type SecureString)",
        "AppClient.spec.secret.kmsKeyId": "Secrets Manager CreateSecret KmsKeyId, SSM PutParameter KeyId",
        "OriginationIdentity.spec.phoneNumber.isoCountryCode": "SMSVoice RequestPhoneNumber IsoCountryCode",
        "OriginationIdentity.spec.phoneNumber.numberType": "SMSVoice RequestPhoneNumber NumberType",
        "OriginationIdentity.spec.phoneNumber.messageType": "SMSVoice RequestPhoneNumber MessageType",
        "OriginationIdentity.spec.phoneNumber.capabilities": "SMSVoice RequestPhoneNumber NumberCapabilities",
        "OriginationIdentity.spec.phoneNumber.registrationId": "SMSVoice RequestPhoneNumber RegistrationId",
        "OriginationIdentity.spec.phoneNumber.optOutListName": "SMSVoice RequestPhoneNumber/UpdatePhoneNumber OptOutListName",
        "OriginationIdentity.spec.phoneNumber.selfManagedOptOuts": "SMSVoice UpdatePhoneNumber SelfManagedOptOutsEnabled",
        "OriginationIdentity.spec.phoneNumber.twoWay": "SMSVoice UpdatePhoneNumber TwoWayEnabled",
        "OriginationIdentity.spec.senderId.senderId": "SMSVoice RequestSenderId SenderId",
        "OriginationIdentity.spec.senderId.isoCountryCode": "SMSVoice RequestSenderId IsoCountryCode",
        "OriginationIdentity.spec.senderId.messageTypes": "SMSVoice RequestSenderId MessageTypes",
        "OriginationIdentity.spec.deletionProtection":
            "SMSVoice RequestPhoneNumber/UpdatePhoneNumber, RequestSenderId/UpdateSenderId DeletionProtectionEnabled",
        "OriginationIdentity.spec.tags": "SMSVoice TagResource Tags",
        "PhonePool.spec.originationIdentities":
            "SMSVoice CreatePool OriginationIdentity (the first), AssociateOriginationIdentity OriginationIdentity",
        "PhonePool.spec.isoCountryCode": "SMSVoice CreatePool IsoCountryCode",
        "PhonePool.spec.messageType": "SMSVoice CreatePool MessageType",
        "PhonePool.spec.optOutListName": "SMSVoice UpdatePool OptOutListName",
        "PhonePool.spec.selfManagedOptOuts": "SMSVoice UpdatePool SelfManagedOptOutsEnabled",
        "PhonePool.spec.sharedRoutes": "SMSVoice UpdatePool SharedRoutesEnabled",
        "PhonePool.spec.twoWay": "SMSVoice UpdatePool TwoWayEnabled",
        "PhonePool.spec.deletionProtection": "SMSVoice CreatePool/UpdatePool DeletionProtectionEnabled",
        "PhonePool.spec.tags": "SMSVoice TagResource Tags",
        "MfaPolicy.spec.userPool": "Cognito SetUserPoolMfaConfig UserPoolId (the pool's id)",
        "MfaPolicy.spec.mode": "Cognito SetUserPoolMfaConfig MfaConfiguration",
        "MfaPolicy.spec.sms.enabled": "Cognito SetUserPoolMfaConfig SmsMfaConfiguration",
        "MfaPolicy.spec.sms.message": "Cognito SetUserPoolMfaConfig SmsMfaConfiguration.SmsAuthenticationMessage",
        "MfaPolicy.spec.totp.enabled": "Cognito SetUserPoolMfaConfig SoftwareTokenMfaConfiguration.Enabled",
        "MfaPolicy.spec.deviceTracking.remember":
            "Cognito UpdateUserPool DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt",
        "MfaPolicy.spec.deviceTracking.bypassMfaOnRememberedDevices":
            "Cognito UpdateUserPool DeviceConfiguration.ChallengeRequiredOnNewDevice",
        "SmsAccountSettings.spec.defaultSmsType": "SNS SetSMSAttributes DefaultSMSType",
        "SmsAccountSettings.spec.monthlySpendLimitUSD": "SNS SetSMSAttributes MonthlySpendLimit",
        "SmsAccountSettings.spec.defaultSenderId": "SNS SetSMSAttributes DefaultSenderID",
        "SmsAccountSettings.spec.deliveryStatusRoleArn": "SNS SetSMSAttributes DeliveryStatusIAMRole",
        "SmsAccountSettings.spec.deliveryStatusSuccessSamplingRate":
            "SNS SetSMSAttributes DeliveryStatusSuccessSamplingRate",
        "SmsAccountSettings.spec.deliveryStatus.role": "SNS SetSMSAttributes DeliveryStatusIAMRole (the role's ARN)",
        "SmsAccountSettings.spec.deliveryStatus.successSamplingRate":
            "SNS SetSMSAttributes DeliveryStatusSuccessSamplingRate",
        "SmsLogRole.spec.roleName": "IAM CreateRole RoleName",
        "SmsLogRole.spec.path": "IAM CreateRole Path",
        "SmsLogRole.spec.description": "IAM CreateRole/UpdateRole Description",
        "SmsLogRole.spec.maxSessionDurationSeconds": "IAM CreateRole/UpdateRole MaxSessionDuration",
        "SmsLogRole.spec.permissionsBoundaryArn": "IAM PutRolePermissionsBoundary PermissionsBoundary",
        "SmsLogRole.spec.tags": "IAM TagRole Tags",
        "SandboxNumber.spec.phoneNumber": "SNS CreateSMSSandboxPhoneNumber PhoneNumber",
        "SandboxNumber.spec.languageCode": "SNS CreateSMSSandboxPhoneNumber LanguageCode",
        "SandboxNumber.spec.oneTimePasswordFile": "SNS VerifySMSSandboxPhoneNumber OneTimePassword",
    ]

    /// The AWS member `path` (`spec.passwordPolicy`, `spec.customAttributes.name`) of `kind` sets, if mapped.
    public static func awsMember(kind: String, path: String) -> String? { awsMembers["\(kind).\(path)"] }
}
