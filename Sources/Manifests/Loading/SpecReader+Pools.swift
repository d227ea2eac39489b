extension SpecReader {
    /// `UserPool` spec.
    static func userPool(_ r: MappingReader) -> UserPoolSpec? {
        let poolName = r.string("poolName")
        var spec = UserPoolSpec(poolName: poolName ?? Located("", at: r.location))
        spec.adopt = r.string("adopt")
        spec.region = r.string("region")
        spec.usernameAttributes = r.enumerations("usernameAttributes")
        spec.aliasAttributes = r.enumerations("aliasAttributes")
        spec.autoVerifiedAttributes = r.enumerations("autoVerifiedAttributes")
        spec.smsRole = r.string("smsRole")
        spec.smsRoleArn = r.string("smsRoleArn")
        spec.smsExternalId = r.string("smsExternalId")
        spec.smsService = r.enumeration("smsService")
        spec.smsConfigurationSet = r.string("smsConfigurationSet")
        spec.smsConfigurationSetRef = r.string("smsConfigurationSetRef")
        spec.smsRegion = r.string("smsRegion")
        spec.verificationMessages = r.object("verificationMessages").map {
            UserPoolSpec.VerificationMessages(location: $0.location, sms: $0.string("sms"),
                                              emailSubject: $0.string("emailSubject"), email: $0.string("email"))
        }
        spec.customAttributes = r.objects("customAttributes").map { list in
            Located(list.readers.compactMap(customAttribute), at: list.location)
        }
        spec.accountRecovery = r.enumerations("accountRecovery")
        spec.mapped = r.mapped(ResourceKind.userPool.mappedFields)
        spec.tags = r.stringMap("tags")
        return poolName == nil ? nil : spec
    }

    /// One custom attribute entry; nil without name or type.
    static func customAttribute(_ r: MappingReader) -> UserPoolSpec.CustomAttribute? {
        let name = r.string("name"), type: Located<AttributeDataType>? = r.enumeration("type")
        let mutable = r.bool("mutable"), minLength = r.int("minLength"), maxLength = r.int("maxLength")
        let minValue = r.int("minValue"), maxValue = r.int("maxValue")
        guard let name, let type else { return nil }
        return UserPoolSpec.CustomAttribute(location: r.location, name: name, type: type, mutable: mutable,
                                            minLength: minLength, maxLength: maxLength, minValue: minValue,
                                            maxValue: maxValue)
    }

    /// `OriginationIdentity` spec.
    static func originationIdentity(_ r: MappingReader) -> OriginationIdentitySpec? {
        var spec = OriginationIdentitySpec()
        spec.adopt = r.string("adopt")
        spec.region = r.string("region")
        let phone = r.object("phoneNumber"), sender = r.object("senderId")
        spec.phoneNumber = phone.flatMap(phoneNumber)
        spec.senderId = sender.flatMap(senderID)
        spec.deletionProtection = r.bool("deletionProtection")
        spec.purchaseApproved = r.bool("purchaseApproved")
        spec.tags = r.stringMap("tags")
        let incomplete = (phone != nil && spec.phoneNumber == nil) || (sender != nil && spec.senderId == nil)
        return incomplete ? nil : spec
    }

    /// `spec.phoneNumber` of an origination identity; nil when a required field is missing.
    static func phoneNumber(_ r: MappingReader) -> OriginationIdentitySpec.PhoneNumber? {
        let country = r.string("isoCountryCode"), numberType: Located<NumberType>? = r.enumeration("numberType")
        let messageType: Located<MessageType>? = r.enumeration("messageType")
        let capabilities: Located<[Located<NumberCapability>]>? = r.enumerations("capabilities")
        let registration = r.string("registrationId"), optOut = r.string("optOutListName")
        let selfManaged = r.bool("selfManagedOptOuts"), twoWay = r.bool("twoWay")
        let registrationManifest = r.string("registration")
        guard let country, let numberType, let messageType, let capabilities else { return nil }
        return OriginationIdentitySpec.PhoneNumber(
            location: r.location, isoCountryCode: country, numberType: numberType, messageType: messageType,
            capabilities: capabilities, registrationId: registration, optOutListName: optOut,
            selfManagedOptOuts: selfManaged, twoWay: twoWay, registration: registrationManifest)
    }

    /// `spec.senderId` of an origination identity; nil when a required field is missing.
    static func senderID(_ r: MappingReader) -> OriginationIdentitySpec.SenderID? {
        let id = r.string("senderId"), country = r.string("isoCountryCode")
        let types: Located<[Located<MessageType>]>? = r.enumerations("messageTypes")
        guard let id, let country else { return nil }
        return OriginationIdentitySpec.SenderID(location: r.location, senderId: id, isoCountryCode: country,
                                                messageTypes: types)
    }
}
