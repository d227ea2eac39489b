extension KindDefinition {
    /// `SmsLogRole`: the IAM role SNS assumes to write SMS delivery-status logs to CloudWatch Logs.
    static let smsLogRole = KindDefinition(
        ManifestSpec.smsLogRole, read: SpecReader.smsLogRole, fields: FieldCatalog.smsLogRole,
        awsMembers: [
            "spec.roleName": "IAM CreateRole RoleName",
            "spec.path": "IAM CreateRole Path",
            "spec.description": "IAM CreateRole/UpdateRole Description",
            "spec.maxSessionDurationSeconds": "IAM CreateRole/UpdateRole MaxSessionDuration",
            "spec.permissionsBoundaryArn": "IAM PutRolePermissionsBoundary PermissionsBoundary",
            "spec.tags": "IAM TagRole Tags",
        ],
        purpose: """
            The IAM role Amazon SNS assumes to write SMS delivery-status logs to CloudWatch Logs (CreateRole, \
            PutRolePolicy). smsauth owns the whole role: its trust policy for sns.amazonaws.com and one inline \
            policy, smsauth-sns-delivery-logs, allowing logs:CreateLogGroup, logs:CreateLogStream, \
            logs:PutLogEvents, logs:PutMetricFilter and logs:PutRetentionPolicy.
            """, smsSignIn: [
                "Name it in an SmsAccountSettings' `deliveryStatus.role`: without delivery-status logs nothing "
                    + "tells you why a sign-in code did not arrive (carrier blocked, unreachable phone, opted out).",
                "IAM is global: one role serves the account's SMS settings in every region.",
            ], example: "delivery-status-logging/log-role.yaml",
        relations: KindRelations(region: .global),
        supportsAdoption: true, defaultOnDelete: .retain,
        // The role name, path and adopt rules are shared with the other role kind (`RoleRules`, in `Validator.sharedRules`).
        rules: [],
        // Its IAM role name, and the role `spec.adopt` names, under the same keys as an SmsRole's (an SmsRole and an
        // SmsLogRole never share a role).
        claims: { (s: SmsLogRoleSpec, claims: inout ClaimList) in
            claims.addRole(s.roleName, adopt: s.adopt)
        })
}
