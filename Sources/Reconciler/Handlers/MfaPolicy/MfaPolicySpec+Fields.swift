import Manifests

/// The fields of the MfaPolicy spec, as `ManagedPaths` reads them (`SpecFields`).
extension MfaPolicySpec: SpecFields {
    var specFields: [SpecField] {
        [.field("userPool", userPool), .field("mode", mode), .group("sms", sms), .group("totp", totp),
         .group("deviceTracking", deviceTracking)]
    }
}

extension MfaPolicySpec.SmsFactor: SpecFields {
    var specFields: [SpecField] { [.field("enabled", enabled), .field("message", message)] }
}

extension MfaPolicySpec.TotpFactor: SpecFields {
    var specFields: [SpecField] { [.field("enabled", enabled)] }
}

extension MfaPolicySpec.DeviceTracking: SpecFields {
    var specFields: [SpecField] {
        [.field("remember", remember), .field("bypassMfaOnRememberedDevices", bypassMfaOnRememberedDevices)]
    }
}
