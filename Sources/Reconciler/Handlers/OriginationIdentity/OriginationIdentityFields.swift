import AWSServices
import Manifests

/// The manifest ↔ AWS mapping of an `OriginationIdentity`: plan paths, immutable fields, the purchase it stands for
/// and its ClientToken. Pure.
enum OriginationIdentityFields {
    /// Plan paths of a phone number that UpdatePhoneNumber changes.
    static let phoneUpdatePaths: Set<String> = [
        "phoneNumber.optOutListName", "phoneNumber.selfManagedOptOuts", "phoneNumber.twoWay", "deletionProtection",
    ]

    /// Paths that cannot change after the request (RegistrationId is not a member of UpdatePhoneNumber).
    static let immutablePaths: Set<String> = [
        "phoneNumber.isoCountryCode", "phoneNumber.numberType", "phoneNumber.messageType", "phoneNumber.capabilities",
        "phoneNumber.registrationId", "senderId.senderId", "senderId.isoCountryCode", "senderId.messageTypes",
    ]

    /// What an identity requested without them has at the optional paths of the manifest's form (as `live`
    /// reads them): no deletion protection, no user tags; a number also without registration, self-managed
    /// opt-outs or two-way SMS, on the account's default opt-out list; a sender ID for every message type.
    static func createdWithout(_ spec: OriginationIdentitySpec) -> [String: PlanValue] {
        var fields: [String: PlanValue] = ["deletionProtection": .bool(false), "tags": .map([:])]
        if spec.phoneNumber != nil {
            fields["phoneNumber.registrationId"] = .null
            fields["phoneNumber.optOutListName"] = .string(OriginationIdentityState.defaultOptOutListName)
            fields["phoneNumber.selfManagedOptOuts"] = .bool(false)
            fields["phoneNumber.twoWay"] = .bool(false)
        }
        if spec.senderId != nil {
            fields["senderId.messageTypes"] = .list(MessageType.allCases.map(\.rawValue).sorted().map { .string($0) })
        }
        return fields
    }

    /// The managed fields the manifest sets, by plan path.
    static func desired(_ spec: OriginationIdentitySpec) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [:]
        if let number = spec.phoneNumber {
            fields["phoneNumber.isoCountryCode"] = .string(number.isoCountryCode.value)
            fields["phoneNumber.numberType"] = .string(number.numberType.value.rawValue)
            fields["phoneNumber.messageType"] = .string(number.messageType.value.rawValue)
            fields["phoneNumber.capabilities"] = .list(capabilities(number).map { .string($0) })
            fields["phoneNumber.registrationId"] = number.registrationId.map { .string($0.value) }
            fields["phoneNumber.optOutListName"] = number.optOutListName.map {
                .string(OriginationIdentityState.optOutListName($0.value))
            }
            fields["phoneNumber.selfManagedOptOuts"] = number.selfManagedOptOuts.map { .bool($0.value) }
            fields["phoneNumber.twoWay"] = number.twoWay.map { .bool($0.value) }
        }
        if let sender = spec.senderId {
            fields["senderId.senderId"] = .string(sender.senderId.value)
            fields["senderId.isoCountryCode"] = .string(sender.isoCountryCode.value)
            fields["senderId.messageTypes"] = sender.messageTypes.map { .list(messageTypes($0.value).map { .string($0) }) }
        }
        fields["deletionProtection"] = spec.deletionProtection.map { .bool($0.value) }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues { .string($0) }) }
        return fields
    }

    /// The same paths read from `state` (paths of the other form are null).
    static func live(_ state: OriginationIdentityState) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "deletionProtection": .bool(state.deletionProtection),
            "tags": .map(userTags(state.tags).mapValues { .string($0) }),
        ]
        switch state.form {
        case .phoneNumber:
            fields["phoneNumber.isoCountryCode"] = .string(state.isoCountryCode)
            fields["phoneNumber.numberType"] = state.numberType.map { .string($0) }
            fields["phoneNumber.messageType"] = state.messageTypes.first.map { .string($0) }
            fields["phoneNumber.capabilities"] = .list(state.capabilities.map { .string($0) })
            fields["phoneNumber.registrationId"] = state.registrationId.map { .string($0) }
            fields["phoneNumber.optOutListName"] = state.optOutListName.map { .string($0) }
            fields["phoneNumber.selfManagedOptOuts"] = state.selfManagedOptOuts.map { .bool($0) }
            fields["phoneNumber.twoWay"] = state.twoWay.map { .bool($0) }
        case .senderId:
            fields["senderId.senderId"] = state.senderId.map { .string($0) }
            fields["senderId.isoCountryCode"] = .string(state.isoCountryCode)
            fields["senderId.messageTypes"] = .list(state.messageTypes.map { .string($0) })
        }
        return fields
    }

    /// Whether `state` is what the manifest's immutable fields describe (the same kind of purchase).
    static func matchesImmutable(_ state: OriginationIdentityState, _ spec: OriginationIdentitySpec) -> Bool {
        let wanted = desired(spec)
        let have = live(state)
        return immutablePaths.allSatisfy { path in wanted[path] == nil || wanted[path] == have[path] }
    }

    /// Tags without smsauth's ownership tags.
    static func userTags(_ tags: [String: String]) -> [String: String] {
        tags.filter { !OwnershipTags.keys.contains($0.key) }
    }

    /// Capabilities, sorted and without repeats (AWS treats them as a set).
    static func capabilities(_ number: OriginationIdentitySpec.PhoneNumber) -> [String] {
        Array(Set(number.capabilities.value.map(\.value.rawValue))).sorted()
    }

    /// Message types, sorted and without repeats.
    static func messageTypes(_ types: [Located<MessageType>]) -> [String] {
        Array(Set(types.map(\.value.rawValue))).sorted()
    }

    /// The ClientToken of the purchase: region, kind, name and the immutable fields. Mutable settings and tags are
    /// left out so that editing them between a crash and the re-run cannot turn the retry into a second purchase.
    static func clientToken(region: String, name: String, spec: OriginationIdentitySpec) -> String {
        var parts = [region, ResourceKind.originationIdentity.rawValue, name]
        if let number = spec.phoneNumber {
            parts += ["phoneNumber", number.isoCountryCode.value, number.numberType.value.rawValue,
                      number.messageType.value.rawValue, capabilities(number).joined(separator: ",")]
        }
        if let sender = spec.senderId {
            parts += ["senderId", sender.senderId.value, sender.isoCountryCode.value,
                      sender.messageTypes.map { messageTypes($0.value).joined(separator: ",") } ?? ""]
        }
        return ClientToken.derive(parts)
    }

    /// The purchase a create stands for, e.g. "requests a new TOLL_FREE number in US: billed monthly".
    static func purchase(_ spec: OriginationIdentitySpec) -> String {
        if let number = spec.phoneNumber {
            return "requests a new \(number.numberType.value.rawValue) number in \(number.isoCountryCode.value): billed monthly"
        }
        if let sender = spec.senderId {
            return "requests the sender ID \(sender.senderId.value) in \(sender.isoCountryCode.value): billed monthly where the country charges for sender IDs"
        }
        return "requests a new origination identity: billed monthly"
    }

    /// Whether the run may buy: `spec.purchaseApproved: true` or `--allow-purchase`.
    static func purchaseAllowed(_ spec: OriginationIdentitySpec, options: PlanOptions) -> Bool {
        spec.purchaseApproved?.value == true || options.allowPurchase
    }
}
