import Manifests

/// The fields of the SandboxNumber spec, as `ManagedPaths` reads them (`SpecFields`).
extension SandboxNumberSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("phoneNumber", phoneNumber), .field("languageCode", languageCode),
         .field("oneTimePasswordFile", oneTimePasswordFile), .field("service", service)]
    }
}
