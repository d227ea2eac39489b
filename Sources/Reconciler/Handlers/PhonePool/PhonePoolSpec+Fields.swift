import Manifests

/// The fields of the PhonePool spec, as `ManagedPaths` reads them (`SpecFields`).
extension PhonePoolSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("originationIdentities", originationIdentities),
         .field("isoCountryCode", isoCountryCode), .field("messageType", messageType),
         .field("optOutListName", optOutListName), .field("selfManagedOptOuts", selfManagedOptOuts),
         .field("sharedRoutes", sharedRoutes), .field("twoWay", twoWay),
         .field("deletionProtection", deletionProtection), .field("tags", tags)]
    }
}
