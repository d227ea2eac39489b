import AWSServices
import Manifests

extension ExportSpecs {
    /// An SmsAccountSettings spec with every managed SNS attribute that is set in `region`; nil when none is. A
    /// delivery-status role is exported as `deliveryStatusRoleArn` (no SmsLogRole manifest is written for it).
    static func smsAccountSettings(_ live: SmsAccountSettingsLive) -> [ExportField]? {
        let values = SmsAccountSettingsFields.live(live, for: SmsAccountSettingsSpec())
        let set = fields(SmsAccountSettingsFields.all.map(\.path)) { values[$0] ?? .null }
        return set.isEmpty ? nil : [ExportField("region", .string(live.region))] + set
    }

    /// A SandboxNumber spec for a number in the region's sandbox of `service`, named explicitly (the pools the
    /// export writes may use the other service); the language of its code is not reported.
    static func sandboxNumber(_ phoneNumber: String, region: String, service: SmsService) -> [ExportField] {
        [ExportField("region", .string(region)), ExportField("phoneNumber", .string(phoneNumber)),
         ExportField("service", .string(service.rawValue))]
    }

    /// An OriginationIdentity spec adopting `state` (a phone number or a sender ID).
    static func originationIdentity(_ state: OriginationIdentityState) -> [ExportField] {
        let values = OriginationIdentityFields.live(state)
        var spec = [ExportField("adopt", .string(state.arn)), ExportField("region", .string(state.region))]
        switch state.form {
        case .phoneNumber:
            spec += group("phoneNumber", ["isoCountryCode", "numberType", "messageType", "capabilities", "registrationId",
                                          "optOutListName", "selfManagedOptOuts", "twoWay"]) { values[$0] ?? .null }
        case .senderId:
            spec += group("senderId", ["senderId", "isoCountryCode", "messageTypes"]) { values[$0] ?? .null }
        }
        spec += fields(["deletionProtection"]) { values[$0] ?? .null }
        if case .map(let tags)? = values["tags"], !tags.isEmpty { spec += fields(["tags"]) { values[$0] ?? .null } }
        return spec
    }

    /// A PhonePool spec adopting `pool`, whose members are the exported identities `members` (manifest names);
    /// nil when the pool has a member that is not exported or no country can be told (it has no members).
    static func phonePool(_ pool: PhonePoolLive, members: [String]) -> [ExportField]? {
        guard let country = pool.members.map(\.isoCountryCode).sorted().first, let messageType = pool.messageType else {
            return nil
        }
        var spec = [ExportField("adopt", .string(pool.arn)), ExportField("region", .string(pool.region)),
                    ExportField("originationIdentities", .list(members.map(ExportValue.string))),
                    ExportField("isoCountryCode", .string(country)), ExportField("messageType", .string(messageType))]
        if let list = pool.optOutListName { spec.append(ExportField("optOutListName", .string(list))) }
        spec += [ExportField("selfManagedOptOuts", .bool(pool.selfManagedOptOuts)),
                 ExportField("sharedRoutes", .bool(pool.sharedRoutes)), ExportField("twoWay", .bool(pool.twoWay)),
                 ExportField("deletionProtection", .bool(pool.deletionProtection))]
        let tags = OriginationIdentityFields.userTags(pool.tags)
        if !tags.isEmpty {
            spec.append(ExportField("tags", .map(tags.keys.sorted().map { ExportField($0, .string(tags[$0] ?? "")) })))
        }
        return spec
    }
}
