import Manifests

/// One stored field of a spec type, as `ManagedPaths` reads it.
enum SpecField {
    /// A field that is one path (a value, a list, a map): set unless it is nil.
    case value(String, isSet: Bool)
    /// A nested mapping (`verificationMessages`): its members, nil when it is left out.
    case group(String, [SpecField]?)
    /// The kind's table fields (`MappedValues`): the paths written, each a path of its own.
    case mapped(MappedValues)

    /// The field `label`, set unless `value` is nil (a required field is always set).
    static func field<Value>(_ label: String, _ value: Value?) -> SpecField { .value(label, isSet: value != nil) }

    /// The nested mapping `label`, whose members `value` lists.
    static func group<Group: SpecFields>(_ label: String, _ value: Group?) -> SpecField {
        .group(label, value?.specFields)
    }
}

/// A spec type (or a mapping nested in one) that lists its stored fields for `ManagedPaths`: every stored property
/// but its source location, by its Swift name (which is its YAML key). `ManagedPathsReflectionTests` checks each
/// list against the type's properties and the paths against the reflection walk it replaced.
protocol SpecFields {
    /// The stored fields, in declaration order.
    var specFields: [SpecField] { get }
}

extension ManifestSpec {
    /// The stored fields of the spec, whatever its kind.
    var specFields: [SpecField] {
        switch self {
        case .smsRole(let s): s.specFields
        case .userPool(let s): s.specFields
        case .appClient(let s): s.specFields
        case .mfaPolicy(let s): s.specFields
        case .sandboxNumber(let s): s.specFields
        case .originationIdentity(let s): s.specFields
        case .phonePool(let s): s.specFields
        case .smsAccountSettings(let s): s.specFields
        case .smsLogRole(let s): s.specFields
        case .configurationSet(let s): s.specFields
        case .smsProtection(let s): s.specFields
        case .registration(let s): s.specFields
        }
    }
}

extension SmsRoleSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("roleName", roleName), .field("path", path), .field("externalId", externalId),
         .field("service", service), .field("description", description),
         .field("maxSessionDurationSeconds", maxSessionDurationSeconds),
         .field("permissionsBoundaryArn", permissionsBoundaryArn), .field("tags", tags)]
    }
}

extension UserPoolSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("poolName", poolName),
         .field("usernameAttributes", usernameAttributes), .field("aliasAttributes", aliasAttributes),
         .field("autoVerifiedAttributes", autoVerifiedAttributes), .field("smsRole", smsRole),
         .field("smsRoleArn", smsRoleArn), .field("smsExternalId", smsExternalId), .field("smsService", smsService),
         .field("smsConfigurationSet", smsConfigurationSet), .field("smsConfigurationSetRef", smsConfigurationSetRef),
         .field("smsRegion", smsRegion), .group("verificationMessages", verificationMessages),
         .field("customAttributes", customAttributes), .field("accountRecovery", accountRecovery),
         .field("tags", tags), .mapped(mapped)]
    }
}

extension UserPoolSpec.VerificationMessages: SpecFields {
    var specFields: [SpecField] { [.field("sms", sms), .field("emailSubject", emailSubject), .field("email", email)] }
}

extension AppClientSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("userPool", userPool), .field("clientName", clientName), .field("generateSecret", generateSecret),
         .field("explicitAuthFlows", explicitAuthFlows), .field("readAttributes", readAttributes),
         .field("writeAttributes", writeAttributes), .group("tokenValidity", tokenValidity),
         .group("outputs", outputs), .group("secret", secret), .mapped(mapped)]
    }
}

extension AppClientSpec.TokenValidity: SpecFields {
    var specFields: [SpecField] {
        [.field("accessToken", accessToken), .field("idToken", idToken), .field("refreshToken", refreshToken)]
    }
}

extension AppClientSpec.Outputs: SpecFields {
    var specFields: [SpecField] { [.field("ssmParameter", ssmParameter), .field("format", format)] }
}

extension AppClientSpec.Secret: SpecFields {
    var specFields: [SpecField] {
        [.field("secretsManager", secretsManager), .field("ssmParameter", ssmParameter), .field("kmsKeyId", kmsKeyId)]
    }
}

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

extension SandboxNumberSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("phoneNumber", phoneNumber), .field("languageCode", languageCode),
         .field("oneTimePasswordFile", oneTimePasswordFile), .field("service", service)]
    }
}

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

extension PhonePoolSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("originationIdentities", originationIdentities),
         .field("isoCountryCode", isoCountryCode), .field("messageType", messageType),
         .field("optOutListName", optOutListName), .field("selfManagedOptOuts", selfManagedOptOuts),
         .field("sharedRoutes", sharedRoutes), .field("twoWay", twoWay),
         .field("deletionProtection", deletionProtection), .field("tags", tags)]
    }
}

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

extension SmsLogRoleSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("roleName", roleName), .field("path", path),
         .field("description", description), .field("maxSessionDurationSeconds", maxSessionDurationSeconds),
         .field("permissionsBoundaryArn", permissionsBoundaryArn), .field("tags", tags)]
    }
}

extension ConfigurationSetSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("name", name), .field("defaultMessageType", defaultMessageType),
         .field("defaultSenderId", defaultSenderId), .field("eventDestinations", eventDestinations),
         .field("tags", tags)]
    }
}

extension SmsProtectionSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("region", region), .field("rules", rules), .field("accountDefault", accountDefault),
         .field("configurationSets", configurationSets), .field("deletionProtection", deletionProtection),
         .field("tags", tags)]
    }
}

extension RegistrationSpec: SpecFields {
    var specFields: [SpecField] {
        [.field("adopt", adopt), .field("region", region), .field("registrationType", registrationType),
         .field("fields", fields), .field("attachments", attachments), .field("submit", submit),
         .field("sensitiveFields", sensitiveFields), .field("tags", tags)]
    }
}
