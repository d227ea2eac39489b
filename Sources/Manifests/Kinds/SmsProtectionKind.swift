extension KindDefinition {
    /// `SmsProtection`: an End User Messaging SMS protect configuration (country rules against SMS pumping).
    static let smsProtection = KindDefinition(
        ManifestSpec.smsProtection, read: SpecReader.smsProtection, fields: FieldCatalog.smsProtection,
        awsMembers: [
            "spec.sms": "SMSVoice UpdateProtectConfigurationCountryRuleSet CountryRuleSetUpdates (SMS)",
            "spec.sms.allow": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus ALLOW",
            "spec.sms.block": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus BLOCK",
            "spec.sms.monitor": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus MONITOR",
            "spec.sms.filter": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus FILTER",
            "spec.voice": "SMSVoice UpdateProtectConfigurationCountryRuleSet CountryRuleSetUpdates (VOICE)",
            "spec.voice.allow": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus ALLOW",
            "spec.voice.block": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus BLOCK",
            "spec.mms": "SMSVoice UpdateProtectConfigurationCountryRuleSet CountryRuleSetUpdates (MMS)",
            "spec.mms.allow": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus ALLOW",
            "spec.mms.block": "SMSVoice UpdateProtectConfigurationCountryRuleSet ProtectStatus BLOCK",
            "spec.accountDefault": "SMSVoice SetAccountDefaultProtectConfiguration, DeleteAccountDefaultProtectConfiguration",
            "spec.configurationSets": "SMSVoice AssociateProtectConfiguration ConfigurationSetName",
            "spec.deletionProtection": "SMSVoice UpdateProtectConfiguration DeletionProtectionEnabled",
            "spec.tags": "SMSVoice TagResource Tags",
        ],
        purpose: """
            An AWS End User Messaging SMS protect configuration (CreateProtectConfiguration): the countries \
            messages may go to, per capability (UpdateProtectConfigurationCountryRuleSet), and where it applies: \
            as the account default of the region (SetAccountDefaultProtectConfiguration) or on configuration \
            sets (AssociateProtectConfiguration).
            """, smsSignIn: [
                "`sms: {allow: [...]}` with only the countries your users are in: SMS pumping (fraudulent sign-ups "
                    + "sending codes to premium numbers abroad) then costs nothing outside them.",
                "`accountDefault: true` covers every message of the region, Cognito's too; `configurationSets` "
                    + "covers only messages sent with those sets (a pool's `smsConfigurationSetRef`).",
                "The account default is unset before the configuration is deleted (AWS refuses otherwise).",
            ], example: "end-user-messaging-protected/protection.yaml",
        relations: KindRelations(references: [KindReference("spec.configurationSets", namesEach: .configurationSet) {
            (s: SmsProtectionSpec) in s.configurationSets?.value ?? []
        }], region: .own),
        supportsAdoption: false, defaultOnDelete: .retain,
        rules: [ProtectionRules.fields],
        // The account default of its region (`spec.accountDefault`), and the protect configuration of each set in
        // `spec.configurationSets`.
        claims: { (s: SmsProtectionSpec, claims: inout ClaimList) in
            if let isDefault = s.accountDefault, isDefault.value {
                claims.add("protect-account-default:\(claims.scope)",
                           "the account default protect configuration in " + claims.region, "spec.accountDefault",
                           Located("true", at: isDefault.location))
            }
            for set in s.configurationSets?.value ?? [] {
                claims.add("protect-configuration-set:\(claims.scope)/\(set.value)", "the protect configuration of "
                           + "ConfigurationSet '\(set.value)'", "spec.configurationSets", set)
            }
        })
}
