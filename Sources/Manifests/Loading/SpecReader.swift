/// Builds the typed `spec` of each kind from a checked mapping; nil when a required field is missing or invalid
/// (the reason has been recorded already).
enum SpecReader {
    /// `SmsRole` spec.
    static func smsRole(_ r: MappingReader) -> SmsRoleSpec? {
        let adopt = r.string("adopt"), path = r.string("path"), description = r.string("description")
        let maxSession = r.int("maxSessionDurationSeconds"), boundary = r.string("permissionsBoundaryArn")
        let tags = r.stringMap("tags"), roleName = r.string("roleName"), externalId = r.string("externalId")
        let service: Located<SmsService>? = r.enumeration("service")
        guard let roleName, let externalId else { return nil }
        return SmsRoleSpec(adopt: adopt, roleName: roleName, path: path, externalId: externalId, service: service,
                           description: description, maxSessionDurationSeconds: maxSession,
                           permissionsBoundaryArn: boundary, tags: tags)
    }

    /// `AppClient` spec.
    static func appClient(_ r: MappingReader) -> AppClientSpec? {
        let userPool = r.string("userPool"), clientName = r.string("clientName")
        let generateSecret = r.bool("generateSecret")
        let flows: Located<[Located<AuthFlow>]>? = r.enumerations("explicitAuthFlows")
        let read = r.strings("readAttributes"), write = r.strings("writeAttributes")
        let mapped = r.mapped(ResourceKind.appClient.mappedFields)
        let validity = r.object("tokenValidity").map {
            AppClientSpec.TokenValidity(location: $0.location, accessToken: $0.duration("accessToken"),
                                        idToken: $0.duration("idToken"), refreshToken: $0.duration("refreshToken"))
        }
        let outputs = r.object("outputs").map {
            AppClientSpec.Outputs(location: $0.location, ssmParameter: $0.string("ssmParameter"),
                                  format: $0.enumeration("format"))
        }
        let secret = r.object("secret").map {
            AppClientSpec.Secret(location: $0.location, secretsManager: $0.string("secretsManager"),
                                 ssmParameter: $0.string("ssmParameter"), kmsKeyId: $0.string("kmsKeyId"))
        }
        guard let userPool, let clientName else { return nil }
        var spec = AppClientSpec(userPool: userPool, clientName: clientName)
        spec.outputs = outputs
        spec.secret = secret
        spec.generateSecret = generateSecret
        spec.explicitAuthFlows = flows
        spec.readAttributes = read
        spec.writeAttributes = write
        spec.mapped = mapped
        spec.tokenValidity = validity
        return spec
    }

    /// `MfaPolicy` spec.
    static func mfaPolicy(_ r: MappingReader) -> MfaPolicySpec? {
        let userPool = r.string("userPool"), mode: Located<MfaMode>? = r.enumeration("mode")
        let sms = r.object("sms").map {
            MfaPolicySpec.SmsFactor(location: $0.location, enabled: $0.bool("enabled"), message: $0.string("message"))
        }
        let totp = r.object("totp").map { MfaPolicySpec.TotpFactor(location: $0.location, enabled: $0.bool("enabled")) }
        let devices = r.object("deviceTracking").map {
            MfaPolicySpec.DeviceTracking(location: $0.location, remember: $0.enumeration("remember"),
                                         bypassMfaOnRememberedDevices: $0.bool("bypassMfaOnRememberedDevices"))
        }
        guard let userPool, let mode else { return nil }
        var spec = MfaPolicySpec(userPool: userPool, mode: mode)
        spec.sms = sms
        spec.totp = totp
        spec.deviceTracking = devices
        return spec
    }

    /// `SandboxNumber` spec.
    static func sandboxNumber(_ r: MappingReader) -> SandboxNumberSpec? {
        let region = r.string("region"), language: Located<SandboxLanguage>? = r.enumeration("languageCode")
        let otpFile = r.string("oneTimePasswordFile"), service: Located<SmsService>? = r.enumeration("service")
        guard let phone = r.string("phoneNumber") else { return nil }
        return SandboxNumberSpec(region: region, phoneNumber: phone, languageCode: language,
                                 oneTimePasswordFile: otpFile, service: service)
    }

    /// `PhonePool` spec.
    static func phonePool(_ r: MappingReader) -> PhonePoolSpec? {
        let adopt = r.string("adopt"), region = r.string("region"), identities = r.strings("originationIdentities")
        let country = r.string("isoCountryCode"), messageType: Located<MessageType>? = r.enumeration("messageType")
        let optOut = r.string("optOutListName"), selfManaged = r.bool("selfManagedOptOuts")
        let shared = r.bool("sharedRoutes"), twoWay = r.bool("twoWay"), protection = r.bool("deletionProtection")
        let tags = r.stringMap("tags")
        guard let identities, let country, let messageType else { return nil }
        var spec = PhonePoolSpec(originationIdentities: identities, isoCountryCode: country, messageType: messageType)
        spec.adopt = adopt
        spec.region = region
        spec.optOutListName = optOut
        spec.selfManagedOptOuts = selfManaged
        spec.sharedRoutes = shared
        spec.twoWay = twoWay
        spec.deletionProtection = protection
        spec.tags = tags
        return spec
    }

    /// `SmsAccountSettings` spec (all fields optional).
    static func smsAccountSettings(_ r: MappingReader) -> SmsAccountSettingsSpec {
        var spec = SmsAccountSettingsSpec()
        spec.region = r.string("region")
        spec.defaultSmsType = r.enumeration("defaultSmsType")
        spec.monthlySpendLimitUSD = r.int("monthlySpendLimitUSD")
        spec.defaultSenderId = r.string("defaultSenderId")
        spec.deliveryStatusRoleArn = r.string("deliveryStatusRoleArn")
        spec.deliveryStatusSuccessSamplingRate = r.int("deliveryStatusSuccessSamplingRate")
        spec.deliveryStatus = r.object("deliveryStatus").flatMap { block in
            let rate = block.int("successSamplingRate")
            return block.string("role").map {
                SmsAccountSettingsSpec.DeliveryStatus(location: block.location, role: $0, successSamplingRate: rate)
            }
        }
        return spec
    }
}
