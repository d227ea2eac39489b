extension KindDefinition {
    /// `OriginationIdentity`: a phone number or sender ID to send from (End User Messaging SMS).
    static let originationIdentity = KindDefinition(
        ManifestSpec.originationIdentity, read: SpecReader.originationIdentity,
        fields: FieldCatalog.originationIdentity,
        awsMembers: [
            "spec.phoneNumber.isoCountryCode": "SMSVoice RequestPhoneNumber IsoCountryCode",
            "spec.phoneNumber.numberType": "SMSVoice RequestPhoneNumber NumberType",
            "spec.phoneNumber.messageType": "SMSVoice RequestPhoneNumber MessageType",
            "spec.phoneNumber.capabilities": "SMSVoice RequestPhoneNumber NumberCapabilities",
            "spec.phoneNumber.registrationId": "SMSVoice RequestPhoneNumber RegistrationId",
            "spec.phoneNumber.registration": "SMSVoice CreateRegistrationAssociation RegistrationId (the Registration's id)",
            "spec.phoneNumber.optOutListName": "SMSVoice RequestPhoneNumber/UpdatePhoneNumber OptOutListName",
            "spec.phoneNumber.selfManagedOptOuts": "SMSVoice UpdatePhoneNumber SelfManagedOptOutsEnabled",
            "spec.phoneNumber.twoWay": "SMSVoice UpdatePhoneNumber TwoWayEnabled",
            "spec.senderId.senderId": "SMSVoice RequestSenderId SenderId",
            "spec.senderId.isoCountryCode": "SMSVoice RequestSenderId IsoCountryCode",
            "spec.senderId.messageTypes": "SMSVoice RequestSenderId MessageTypes",
            "spec.deletionProtection":
                "SMSVoice RequestPhoneNumber/UpdatePhoneNumber, RequestSenderId/UpdateSenderId DeletionProtectionEnabled",
            "spec.tags": "SMSVoice TagResource Tags",
        ],
        purpose: """
            A phone number or sender ID in AWS End User Messaging SMS (RequestPhoneNumber, RequestSenderId) that \
            SMS is sent from. Requesting one costs money, so smsauth needs `purchaseApproved`.
            """, smsSignIn: [
                "US carriers drop SMS to +1 numbers not sent from a registered US number: a toll-free or 10DLC "
                    + "number needs its `registrationId`, or `registration` naming a Registration manifest (the "
                    + "number is then Pending until that registration is COMPLETE). A removed Registration whose id "
                    + "or ARN a number still names in `registrationId` is not deleted: the plan blocks the delete and "
                    + "names the number.",
                "`deletionProtection: true`: a released number is gone for good.",
            ], example: "us-production-sms/origination-number.yaml",
        relations: KindRelations(references: [KindReference("spec.phoneNumber.registration", names: .registration,
                                                            read: .afterWholeKind) {
            (s: OriginationIdentitySpec) in s.phoneNumber?.registration
        }], region: .own, uses: [
            // The field takes the registration's id or its ARN.
            KindUse("spec.phoneNumber.registrationId", uses: .registration, byOutput: "id") {
                (s: OriginationIdentitySpec) in s.phoneNumber?.registrationId
            },
            KindUse("spec.phoneNumber.registrationId", uses: .registration, byOutput: "arn") {
                (s: OriginationIdentitySpec) in s.phoneNumber?.registrationId
            },
        ]),
        supportsAdoption: true, defaultOnDelete: .retain,
        rules: [MessagingRules.phoneNumbers, MessagingRules.senderIds, MessagingRules.identityForm,
                MessagingRules.simulator, RegistrationAssociationRules.association],
        // The sender ID and country of `spec.senderId` in its region, and the number or sender ID `spec.adopt` names (a
        // phone number to request has no identity before it is bought).
        claims: { (s: OriginationIdentitySpec, claims: inout ClaimList) in
            if let sender = s.senderId {
                claims.add("sender-id:\(claims.scope)/\(sender.senderId.value)/\(sender.isoCountryCode.value)",
                           "sender ID \(sender.senderId.value) for \(sender.isoCountryCode.value) in \(claims.region)",
                           "spec.senderId.senderId", sender.senderId)
            }
            if let adopt = s.adopt {
                if let (senderId, country) = ClaimRules.senderIdAndCountry(ofArn: adopt.value) {
                    claims.add("sender-id:\(claims.scope)/\(senderId)/\(country)",
                               "sender ID \(senderId) for \(country) in \(claims.region)", "spec.adopt", adopt)
                } else {
                    let id = ClaimRules.lastPathPart(adopt.value)
                    claims.add("origination:\(claims.scope)/\(id)", "origination identity \(id) in \(claims.region)",
                               "spec.adopt", adopt)
                }
            }
        })
}
