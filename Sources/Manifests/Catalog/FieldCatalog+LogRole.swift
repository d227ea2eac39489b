extension FieldCatalog {
    /// `SmsLogRole` spec fields: SmsRole's role fields without `externalId` and `service` (SNS's trust policy has no
    /// external id, and the one inline policy is fixed).
    static let smsLogRole: [FieldSpec] = [
        FieldSpec("roleName", .string, required: true, pattern: SchemaPatterns.roleName,
                  "IAM role name; immutable (a change replaces the role).",
                  .immutable),
        FieldSpec("path", .string, "IAM path such as /service-role/; immutable.", .immutable,
                  default: .value("/")),
        FieldSpec("description", .string, "Role description.", .mutable, default: .unmanaged(aws: nil)),
        FieldSpec("maxSessionDurationSeconds", .integer(minimum: 3600, maximum: 43200), "Maximum session duration.",
                  .mutable, default: .unmanaged(aws: "3600")),
        FieldSpec("permissionsBoundaryArn", .string, "ARN of a managed policy used as permissions boundary.", .mutable,
                  default: .unmanaged(aws: nil)),
        tags,
    ]
}
