import Manifests

/// The fields of the Registration spec, as `ManagedPaths` reads them (`SpecFields`).
extension RegistrationSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("registrationType", registrationType),
         .field("fields", fields), .field("attachments", attachments), .field("submit", submit),
         .field("sensitiveFields", sensitiveFields), .field("tags", tags)]
    }
}
