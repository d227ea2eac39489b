extension KindDefinition {
    /// `UserPool`: a Cognito user pool set up for SMS.
    static let userPool = KindDefinition(
        ManifestSpec.userPool, read: SpecReader.userPool, fields: FieldCatalog.userPool,
        awsMembers: [
            "spec.poolName": "Cognito CreateUserPool PoolName",
            "spec.usernameAttributes": "Cognito CreateUserPool UsernameAttributes",
            "spec.aliasAttributes": "Cognito CreateUserPool AliasAttributes",
            "spec.autoVerifiedAttributes": "Cognito UpdateUserPool AutoVerifiedAttributes",
            "spec.smsRole": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn and ExternalId",
            "spec.smsRoleArn": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn",
            "spec.smsExternalId": "Cognito UpdateUserPool SmsConfiguration.ExternalId",
            "spec.smsRegion": "Cognito UpdateUserPool SmsConfiguration.SnsRegion",
            "spec.smsService": "Cognito UpdateUserPool SmsConfiguration.SnsCallerArn or SmsConfiguration.EumsSms.CallerArn",
            "spec.smsConfigurationSet": "Cognito UpdateUserPool SmsConfiguration.EumsSms.ConfigurationSetName",
            "spec.smsConfigurationSetRef": "Cognito UpdateUserPool SmsConfiguration.EumsSms.ConfigurationSetName",
            "spec.verificationMessages.sms": "Cognito UpdateUserPool VerificationMessageTemplate.SmsMessage",
            "spec.verificationMessages.emailSubject":
                "Cognito UpdateUserPool VerificationMessageTemplate.EmailSubject",
            "spec.verificationMessages.email": "Cognito UpdateUserPool VerificationMessageTemplate.EmailMessage",
            "spec.passwordPolicy": "Cognito UpdateUserPool Policies.PasswordPolicy",
            "spec.adminCreateUser": "Cognito UpdateUserPool AdminCreateUserConfig",
            "spec.customAttributes.name": "Cognito AddCustomAttributes CustomAttributes.Name",
            "spec.customAttributes.type": "Cognito AddCustomAttributes CustomAttributes.AttributeDataType",
            "spec.customAttributes.mutable": "Cognito AddCustomAttributes CustomAttributes.Mutable",
            "spec.customAttributes.minLength":
                "Cognito AddCustomAttributes CustomAttributes.StringAttributeConstraints.MinLength",
            "spec.customAttributes.maxLength":
                "Cognito AddCustomAttributes CustomAttributes.StringAttributeConstraints.MaxLength",
            "spec.customAttributes.minValue":
                "Cognito AddCustomAttributes CustomAttributes.NumberAttributeConstraints.MinValue",
            "spec.customAttributes.maxValue":
                "Cognito AddCustomAttributes CustomAttributes.NumberAttributeConstraints.MaxValue",
            "spec.customAttributes": "Cognito CreateUserPool Schema, AddCustomAttributes CustomAttributes",
            "spec.accountRecovery": "Cognito UpdateUserPool AccountRecoverySetting.RecoveryMechanisms",
            "spec.tags": "Cognito TagResource Tags",
        ],
        purpose: """
            A Cognito user pool (CreateUserPool, UpdateUserPool): how users sign up and sign in, how their phone \
            number is verified and how a forgotten password is recovered.
            """, smsSignIn: [
                "`smsRole` (or `smsRoleArn` and `smsExternalId`) sets SmsConfiguration; without it no SMS is sent.",
                "`smsService: endUserMessaging` sends directly through End User Messaging SMS instead of SNS, "
                    + "optionally with a configuration set for delivery events: `smsConfigurationSetRef` names a "
                    + "ConfigurationSet manifest (applied before the pool; the pool sends with its `spec.name`), "
                    + "`smsConfigurationSet` the AWS name of a set managed elsewhere; one or the other, like "
                    + "`smsRole` and `smsRoleArn`. A removed ConfigurationSet that a pool still names in "
                    + "`smsConfigurationSet` is not deleted: the plan blocks the delete and names the pool.",
                "`autoVerifiedAttributes: [phone_number]`: sign-up sends a code by SMS and verifies the number; "
                    + "SMS MFA and phone verification need it.",
                "`verificationMessages.sms` and `adminCreateUser.inviteSmsMessage` are the texts users receive.",
                "`accountRecovery: [verified_phone_number]` when the phone is the only contact the pool collects; "
                    + "recovery on an attribute the pool does not collect locks users out.",
                "`usernameAttributes: [phone_number]` makes the phone the username; immutable.",
                "`deletionProtection: true`: deleting a pool loses every user.",
            ], example: "phone-username-mfa-required/user-pool.yaml",
        relations: KindRelations(references: [
            KindReference("spec.smsRole", names: .smsRole) { (s: UserPoolSpec) in s.smsRole },
            KindReference("spec.smsConfigurationSetRef", names: .configurationSet) { (s: UserPoolSpec) in
                s.smsConfigurationSetRef
            },
        ], region: .own, uses: [
            KindUse("spec.smsConfigurationSet", uses: .configurationSet, byOutput: "name") { (s: UserPoolSpec) in
                s.smsConfigurationSet
            },
            KindUse("spec.smsRoleArn", uses: .smsRole, byOutput: "arn") { (s: UserPoolSpec) in s.smsRoleArn },
        ]),
        supportsAdoption: true, defaultOnDelete: .retain,
        rules: [UserPoolRules.usernameAndAlias, UserPoolRules.smsRoleSource, UserPoolRules.smsRoleNeeded, UserPoolRules.messages,
                UserPoolRules.customAttributes, UserPoolRules.usSmsWithoutOrigination],
        // `spec.poolName` in its region, and the pool id `spec.adopt` names.
        claims: { (s: UserPoolSpec, claims: inout ClaimList) in
            claims.add("user-pool-name:\(claims.scope)/\(s.poolName.value)",
                       "the user pool named '\(s.poolName.value)' in " + claims.region, "spec.poolName", s.poolName)
            if let adopt = s.adopt {
                let id = ClaimRules.lastPathPart(adopt.value)
                claims.add("user-pool:" + id, "user pool \(id)", "spec.adopt", adopt)
            }
        })
}
