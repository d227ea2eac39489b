import Manifests

/// The fields of the SmsAccountSettings spec, as `ManagedPaths` reads them (`SpecFields`).
extension SmsAccountSettingsSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("defaultSmsType", defaultSmsType),
         .field("monthlySpendLimitUSD", monthlySpendLimitUSD), .field("defaultSenderId", defaultSenderId),
         .field("deliveryStatusRoleArn", deliveryStatusRoleArn),
         .field("deliveryStatusSuccessSamplingRate", deliveryStatusSuccessSamplingRate),
         .group("deliveryStatus", deliveryStatus)]
    }
}

extension SmsAccountSettingsSpec.DeliveryStatus: SpecFields {
    var specFields: [SpecField] { [.field("role", role), .field("successSamplingRate", successSamplingRate)] }
}
