extension KindDefinition {
    /// `SmsAccountSettings`: account-wide SNS SMS preferences for one region.
    static let smsAccountSettings = KindDefinition(
        ManifestSpec.smsAccountSettings, read: SpecReader.smsAccountSettings, fields: FieldCatalog.smsAccountSettings,
        awsMembers: [
            "spec.defaultSmsType": "SNS SetSMSAttributes DefaultSMSType",
            "spec.monthlySpendLimitUSD": "SNS SetSMSAttributes MonthlySpendLimit",
            "spec.defaultSenderId": "SNS SetSMSAttributes DefaultSenderID",
            "spec.deliveryStatusRoleArn": "SNS SetSMSAttributes DeliveryStatusIAMRole",
            "spec.deliveryStatusSuccessSamplingRate":
                "SNS SetSMSAttributes DeliveryStatusSuccessSamplingRate",
            "spec.deliveryStatus.role": "SNS SetSMSAttributes DeliveryStatusIAMRole (the role's ARN)",
            "spec.deliveryStatus.successSamplingRate":
                "SNS SetSMSAttributes DeliveryStatusSuccessSamplingRate",
        ],
        purpose: """
            The account's SNS SMS settings in one region (SetSMSAttributes): default SMS type, monthly spend \
            limit, default sender ID and delivery status logging.
            """, smsSignIn: [
                "`defaultSmsType: Transactional` gives one-time passwords delivery priority.",
                "SNS stops sending once the month's spend reaches `monthlySpendLimitUSD`: no more sign-in codes.",
                "`deliveryStatus.role` names an SmsLogRole: SNS then logs every failed delivery (and "
                    + "`successSamplingRate` percent of the successful ones) to CloudWatch Logs, which is where "
                    + "you find out why a sign-in code did not arrive.",
            ], example: "us-production-sms/account-settings.yaml",
        relations: KindRelations(references: [KindReference("spec.deliveryStatus.role", names: .smsLogRole) {
            (s: SmsAccountSettingsSpec) in s.deliveryStatus?.role
        }], region: .own, uses: [
            KindUse("spec.deliveryStatusRoleArn", uses: .smsLogRole, byOutput: "arn") { (s: SmsAccountSettingsSpec) in
                s.deliveryStatusRoleArn
            },
        ]),
        supportsAdoption: false, defaultOnDelete: .retain,
        rules: [MessagingRules.accountSettingsPerRegion, DeliveryStatusRules.oneForm, DeliveryStatusRules.roleArn],
        // Nothing here: one SmsAccountSettings per region is `MessagingRules.accountSettingsPerRegion`.
        claims: { (_: SmsAccountSettingsSpec, _: inout ClaimList) in })
}
