import Manifests

/// The fields of the OriginationIdentity spec, as `ManagedPaths` reads them (`SpecFields`).
extension OriginationIdentitySpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .group("phoneNumber", phoneNumber),
         .group("senderId", senderId), .field("deletionProtection", deletionProtection),
         .field("purchaseApproved", purchaseApproved), .field("tags", tags)]
    }
}

extension OriginationIdentitySpec.PhoneNumber: SpecFields {
    var specFields: [SpecField] {
        [.field("isoCountryCode", isoCountryCode), .field("numberType", numberType),
         .field("messageType", messageType), .field("capabilities", capabilities),
         .field("registrationId", registrationId), .field("optOutListName", optOutListName),
         .field("selfManagedOptOuts", selfManagedOptOuts), .field("twoWay", twoWay),
         .field("registration", registration)]
    }
}

extension OriginationIdentitySpec.SenderID: SpecFields {
    var specFields: [SpecField] {
        [.field("senderId", senderId), .field("isoCountryCode", isoCountryCode), .field("messageTypes", messageTypes)]
    }
}
