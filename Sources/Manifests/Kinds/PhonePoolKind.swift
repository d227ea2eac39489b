extension KindDefinition {
    /// `PhonePool`: a pool of origination identities.
    static let phonePool = KindDefinition(
        ManifestSpec.phonePool, read: SpecReader.phonePool, fields: FieldCatalog.phonePool,
        awsMembers: [
            "spec.originationIdentities":
                "SMSVoice CreatePool OriginationIdentity (the first), AssociateOriginationIdentity OriginationIdentity",
            "spec.isoCountryCode": "SMSVoice CreatePool IsoCountryCode",
            "spec.messageType": "SMSVoice CreatePool MessageType",
            "spec.optOutListName": "SMSVoice UpdatePool OptOutListName",
            "spec.selfManagedOptOuts": "SMSVoice UpdatePool SelfManagedOptOutsEnabled",
            "spec.sharedRoutes": "SMSVoice UpdatePool SharedRoutesEnabled",
            "spec.twoWay": "SMSVoice UpdatePool TwoWayEnabled",
            "spec.deletionProtection": "SMSVoice CreatePool/UpdatePool DeletionProtectionEnabled",
            "spec.tags": "SMSVoice TagResource Tags",
        ],
        purpose: """
            A pool of origination identities in AWS End User Messaging SMS (CreatePool, UpdatePool) that SMS \
            is sent from, with shared settings such as the opt-out list.
            """, smsSignIn: [
                "`sharedRoutes: false` keeps one-time passwords on the account's own registered numbers.",
                "`messageType: TRANSACTIONAL` for sign-up and MFA codes.",
            ], example: "us-production-sms/origination-number.yaml",
        relations: KindRelations(references: [KindReference("spec.originationIdentities", namesEach: .originationIdentity) {
            (s: PhonePoolSpec) in s.originationIdentities.value
        }], region: .own),
        supportsAdoption: true, defaultOnDelete: .retain,
        rules: [MessagingRules.poolConsistency],
        // The pool `spec.adopt` names (a new pool has no identity before it is created).
        // The pool `spec.adopt` names, and each member: End User Messaging puts an origination identity in one
        // pool at most (ConflictException), so two pools naming it would fail half-applied.
        claims: { (s: PhonePoolSpec, claims: inout ClaimList) in
            if let adopt = s.adopt {
                let id = ClaimRules.lastPathPart(adopt.value)
                claims.add("phone-pool:\(claims.scope)/\(id)", "phone pool \(id) in \(claims.region)", "spec.adopt", adopt)
            }
            for (index, member) in s.originationIdentities.value.enumerated() {
                claims.add("phone-pool-member:\(claims.scope)/\(member.value)",
                           "OriginationIdentity '\(member.value)' as a pool member", "spec.originationIdentities[\(index)]",
                           member)
            }
        })
}
