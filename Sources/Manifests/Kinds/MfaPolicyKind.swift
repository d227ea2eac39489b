extension KindDefinition {
    /// `MfaPolicy`: MFA and trusted devices for one user pool.
    static let mfaPolicy = KindDefinition(
        ManifestSpec.mfaPolicy, read: SpecReader.mfaPolicy, fields: FieldCatalog.mfaPolicy,
        awsMembers: [
            "spec.userPool": "Cognito SetUserPoolMfaConfig UserPoolId (the pool's id)",
            "spec.mode": "Cognito SetUserPoolMfaConfig MfaConfiguration",
            "spec.sms.enabled": "Cognito SetUserPoolMfaConfig SmsMfaConfiguration",
            "spec.sms.message": "Cognito SetUserPoolMfaConfig SmsMfaConfiguration.SmsAuthenticationMessage",
            "spec.totp.enabled": "Cognito SetUserPoolMfaConfig SoftwareTokenMfaConfiguration.Enabled",
            "spec.deviceTracking.remember":
                "Cognito UpdateUserPool DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt",
            "spec.deviceTracking.bypassMfaOnRememberedDevices":
                "Cognito UpdateUserPool DeviceConfiguration.ChallengeRequiredOnNewDevice",
        ],
        purpose: """
            The MFA configuration of a user pool (SetUserPoolMfaConfig, which can turn MFA ON for an existing \
            pool, and device tracking through UpdateUserPool).
            """, smsSignIn: [
                "`sms.enabled: true` needs the pool's SMS role and `phone_number` in `autoVerifiedAttributes`.",
                "`mode: \"ON\"` with SMS as the only factor locks out every user whose number the SNS sandbox "
                    + "does not let through; enable `totp` as a second factor or leave the sandbox first.",
                "`sms.message` must contain {####}.",
            ], example: "phone-username-mfa-required/mfa-policy.yaml",
        relations: KindRelations(references: [KindReference("spec.userPool", names: .userPool, read: .foundByReference) {
            (s: MfaPolicySpec) in s.userPool
        }], region: .ofReference("spec.userPool")),
        supportsAdoption: false, defaultOnDelete: .retain,
        rules: [MfaRules.onePerPool, MfaRules.factors, MfaRules.message, MfaRules.smsRole],
        // Nothing here: one MfaPolicy per user pool is `MfaRules.onePerPool`.
        claims: { (_: MfaPolicySpec, _: inout ClaimList) in })
}
