extension KindDefinition {
    /// `SandboxNumber`: a verified SNS sandbox destination number.
    static let sandboxNumber = KindDefinition(
        ManifestSpec.sandboxNumber, read: SpecReader.sandboxNumber, fields: FieldCatalog.sandboxNumber,
        awsMembers: [
            "spec.phoneNumber": "SNS CreateSMSSandboxPhoneNumber PhoneNumber, or sms-voice CreateVerifiedDestinationNumber DestinationPhoneNumber",
            "spec.languageCode": "SNS CreateSMSSandboxPhoneNumber LanguageCode, or sms-voice SendDestinationNumberVerificationCode LanguageCode",
            "spec.oneTimePasswordFile": "SNS VerifySMSSandboxPhoneNumber OneTimePassword, or sms-voice VerifyDestinationNumber VerificationCode",
            "spec.service": "which of the two: SNS (SMS sandbox) or sms-voice (verified destination numbers)",
        ],
        purpose: """
            A destination number verified in the account's SMS sandbox: SNS's (CreateSMSSandboxPhoneNumber, \
            VerifySMSSandboxPhoneNumber) or End User Messaging SMS's (CreateVerifiedDestinationNumber, \
            VerifyDestinationNumber). While the account is in a sandbox, SMS only reaches these numbers.
            """, smsSignIn: [
                "Each tester's phone needs one while the account is in the sandbox; at most 10 per region and sandbox.",
                "The sandbox follows the pools sending SMS from the number's region (`smsService`); when they use "
                    + "both services, `service` says which (declare the number twice to have it in both).",
                "Verify it with `smsauth verify NAME --code CODE` or `oneTimePasswordFile`; `--resend` sends a new code.",
            ], example: "sandbox-testing/sandbox-numbers.yaml",
        relations: KindRelations(region: .own),
        supportsAdoption: false, defaultOnDelete: .delete,
        rules: [MessagingRules.sandboxLimit, SandboxRules.service],
        // `spec.phoneNumber` in its region's sandbox of its service (SNS or End User Messaging).
        claims: { (s: SandboxNumberSpec, claims: inout ClaimList) in
            let service = claims.context.sandboxService(of: claims.manifest, s)
            claims.add("sandbox-number:\(claims.scope)/\(service?.rawValue ?? "?")/\(s.phoneNumber.value)",
                       "sandbox number \(s.phoneNumber.value) in the "
                           + "\(service.map(SandboxService.sandboxName) ?? "sandbox") of \(claims.region)",
                       "spec.phoneNumber", s.phoneNumber)
        })
}
