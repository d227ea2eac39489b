import Manifests

/// The fields of the SmsProtection spec, as `ManagedPaths` reads them (`SpecFields`).
extension SmsProtectionSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("rules", rules), .field("accountDefault", accountDefault),
         .field("configurationSets", configurationSets), .field("deletionProtection", deletionProtection),
         .field("tags", tags)]
    }
}
