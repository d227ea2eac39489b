extension FieldCatalog {
    /// The AWS API member each field sets, keyed `Kind.spec.path` (list elements' fields as `list.field`), as named in
    /// the botocore service models; shown by `docs/manifests.md` and `smsauth explain`. A field without an entry is
    /// smsauth's own (a reference to another manifest, a file) or not yet mapped here.
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
        "SmsRole.spec.service": "IAM PutRolePolicy smsauth-sns-publish or smsauth-sms-voice-send",
        "UserPool.spec.verificationMessages.sms": "Cognito UpdateUserPool VerificationMessageTemplate.SmsMessage",
        "UserPool.spec.verificationMessages.emailSubject":
            "Cognito UpdateUserPool VerificationMessageTemplate.EmailSubject",
        "UserPool.spec.verificationMessages.email": "Cognito UpdateUserPool VerificationMessageTemplate.EmailMessage",
        "UserPool.spec.passwordPolicy": "Cognito UpdateUserPool Policies.PasswordPolicy",
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
        "SandboxNumber.spec.phoneNumber": "SNS CreateSMSSandboxPhoneNumber PhoneNumber",
        "SandboxNumber.spec.languageCode": "SNS CreateSMSSandboxPhoneNumber LanguageCode",
        "SandboxNumber.spec.oneTimePasswordFile": "SNS VerifySMSSandboxPhoneNumber OneTimePassword",
    ]

    /// The AWS member `path` (`spec.passwordPolicy`, `spec.customAttributes.name`) of `kind` sets, if mapped.
    public static func awsMember(kind: String, path: String) -> String? { awsMembers["\(kind).\(path)"] }
}
