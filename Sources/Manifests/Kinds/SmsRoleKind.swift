extension KindDefinition {
    /// `SmsRole`: the IAM role Cognito assumes to send SMS.
    static let smsRole = KindDefinition(
        ManifestSpec.smsRole, read: SpecReader.smsRole, fields: FieldCatalog.smsRole,
        awsMembers: [
            "spec.roleName": "IAM CreateRole RoleName",
            "spec.path": "IAM CreateRole Path",
            "spec.externalId": "IAM CreateRole AssumeRolePolicyDocument (sts:ExternalId condition)",
            "spec.description": "IAM CreateRole/UpdateRole Description",
            "spec.maxSessionDurationSeconds": "IAM CreateRole/UpdateRole MaxSessionDuration",
            "spec.permissionsBoundaryArn": "IAM PutRolePermissionsBoundary PermissionsBoundary",
            "spec.tags": "IAM TagRole Tags",
            "spec.service": "IAM PutRolePolicy smsauth-sns-publish or smsauth-sms-voice-send",
        ],
        purpose: """
            The IAM role Cognito assumes to send SMS (CreateRole, PutRolePolicy). smsauth owns the whole role: \
            its trust policy for cognito-idp.amazonaws.com with sts:ExternalId and aws:SourceAccount \
            conditions, and one inline policy granting its `service`: sns:Publish (SNS, the default) or \
            sms-voice:SendTextMessage (End User Messaging SMS).
            """, smsSignIn: [
                "Without a role a pool cannot send any SMS: name it in the UserPool's `smsRole`.",
                "`service` must match the pool's `smsService`; changing both switches the pool in one run.",
                "`externalId` closes the confused-deputy hole; make it unique per pool (`uuidgen`).",
            ], example: "phone-username-mfa-required/sms-role.yaml",
        relations: KindRelations(region: .global),
        supportsAdoption: true, defaultOnDelete: .retain,
        // The role name, path and adopt rules are shared with the other role kind (`RoleRules`, in `Validator.sharedRules`).
        rules: [],
        // Its IAM role name, and the role `spec.adopt` names: account-wide and, as IAM compares role names, regardless
        // of case (an SmsRole and an SmsLogRole never share a role).
        claims: { (s: SmsRoleSpec, claims: inout ClaimList) in
            claims.addRole(s.roleName, adopt: s.adopt)
        })
}
