import Manifests

/// The fields of the ConfigurationSet spec, as `ManagedPaths` reads them (`SpecFields`).
extension ConfigurationSetSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("name", name), .field("defaultMessageType", defaultMessageType),
         .field("defaultSenderId", defaultSenderId), .field("eventDestinations", eventDestinations),
         .field("tags", tags)]
    }
}
