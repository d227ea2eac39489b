import Manifests

/// The fields of the SmsRole spec, as `ManagedPaths` reads them (`SpecFields`).
extension SmsRoleSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("roleName", roleName), .field("path", path), .field("externalId", externalId),
         .field("service", service), .field("description", description),
         .field("maxSessionDurationSeconds", maxSessionDurationSeconds),
         .field("permissionsBoundaryArn", permissionsBoundaryArn), .field("tags", tags)]
    }
}
