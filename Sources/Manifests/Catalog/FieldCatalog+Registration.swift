extension FieldCatalog {
    /// `Registration` spec fields.
    static let registration: [FieldSpec] = [
        region,
        FieldSpec("registrationType", .string, required: true, "AWS's registration type: "
                  + RegistrationDefinitions.knownTypes.joined(separator: ", ") + " (field definitions of "
                  + RegistrationDefinitions.snapshotDate + ").", .immutable),
        FieldSpec("fields", .textOrChoicesMap, "Field values by AWS field path (companyInfo.companyName): a string for "
                  + "a TEXT field, a list of choices for a SELECT field. After a version is approved or denied, a "
                  + "change creates a new version.", .mutable, default: .derived("none")),
        FieldSpec("attachments", .stringMap, "Files for ATTACHMENT fields by AWS field path, relative to the "
                  + "manifest's file; each uploaded once, identified by its content's SHA-256.", .mutable,
                  default: .derived("none")),
        FieldSpec("submit", .boolean, "Submit the registration for review once its fields are set (never again "
                  + "without a manifest change).", .smsauth, default: .value("false")),
        FieldSpec("sensitiveFields", .list(.string), "More field paths whose values are shown as (sensitive) in "
                  + "plans, status and logs, besides contact and personal data.", .smsauth,
                  default: .derived("none")),
        tags,
    ]
}
