extension KindDefinition {
    /// `Registration`: an End User Messaging registration (US toll-free, 10DLC brand or campaign) with its field
    /// values, followed from draft to approval.
    static let registration = KindDefinition(
        ManifestSpec.registration, read: SpecReader.registration, fields: FieldCatalog.registration,
        awsMembers: [
            "spec.registrationType": "SMSVoice CreateRegistration RegistrationType",
            "spec.fields": "SMSVoice PutRegistrationFieldValue FieldPath, TextValue/SelectChoices",
            "spec.attachments": "SMSVoice CreateRegistrationAttachment AttachmentBody, PutRegistrationFieldValue "
                + "RegistrationAttachmentId",
            "spec.tags": "SMSVoice CreateRegistration/TagResource Tags",
        ],
        purpose: """
            A registration in AWS End User Messaging SMS (CreateRegistration): the form US carriers require before \
            a toll-free or 10DLC number may send SMS to US phones. smsauth sets its field values \
            (PutRegistrationFieldValue), uploads its attachments once by content hash (CreateRegistrationAttachment), \
            submits it when `submit: true` (SubmitRegistrationVersion) and follows the review in status; a change \
            after a version was approved or denied creates a new version. A toll-free registration \
            (ASSOCIATE_BEFORE_SUBMIT) is submitted only once a number is associated with it: the run after the \
            number's apply. `smsauth validate` checks the fields offline against the field definitions of \
            \(RegistrationDefinitions.snapshotDate) (\(RegistrationDefinitions.knownTypes.joined(separator: ", "))); \
            plans check them against the definitions AWS answers (DescribeRegistrationFieldDefinitions, cached in the \
            status folder for a day).
            """, smsSignIn: [
                "Without a COMPLETE registration, carriers drop SMS from a US toll-free or 10DLC number: name this "
                    + "manifest in the number's `phoneNumber.registration`.",
                "Review takes days to weeks: `smsauth status` shows the phase and the reviewer's reasons; the "
                    + "controller polls registrations under review every hour (`--registration-poll-interval`).",
                "Contact and personal data (emails, phone numbers, addresses, tax ids) is shown as (sensitive); "
                    + "list other paths in `sensitiveFields`.",
            ], example: "us-production-sms/registration/registration.yaml",
        relations: KindRelations(region: .own),
        supportsAdoption: true, defaultOnDelete: .retain,
        rules: [RegistrationRules.fields],
        // The registration `spec.adopt` names (a new registration has no identity before it is created).
        claims: { (s: RegistrationSpec, claims: inout ClaimList) in
            if let adopt = s.adopt {
                let id = ClaimRules.lastPathPart(adopt.value)
                claims.add("registration:\(claims.scope)/\(id)", "registration \(id) in \(claims.region)", "spec.adopt",
                           adopt)
            }
        })
}
