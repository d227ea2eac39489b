extension FieldCatalog {
    /// `SmsLogRole` spec fields: SmsRole's role fields without `externalId` and `service` (SNS's trust policy has no
    /// external id, and the one inline policy is fixed).
    static let smsLogRole: [FieldSpec] = roleIdentityFields + roleSettingFields
}
