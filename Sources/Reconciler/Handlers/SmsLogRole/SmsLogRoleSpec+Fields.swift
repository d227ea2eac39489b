import Manifests

/// The fields of the SmsLogRole spec, as `ManagedPaths` reads them (`SpecFields`).
extension SmsLogRoleSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("roleName", roleName), .field("path", path),
         .field("description", description), .field("maxSessionDurationSeconds", maxSessionDurationSeconds),
         .field("permissionsBoundaryArn", permissionsBoundaryArn), .field("tags", tags)]
    }
}
