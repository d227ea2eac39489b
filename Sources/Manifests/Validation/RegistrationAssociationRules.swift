/// Rules of an `OriginationIdentity`'s `spec.phoneNumber.registration`: exclusive with `registrationId`, and the
/// named Registration's type must take the number (a toll-free registration a US toll-free number, a 10DLC campaign
/// a US 10DLC number; a 10DLC brand takes none), as AWS's `SupportedAssociations` say.
enum RegistrationAssociationRules {
    /// The number type each registration type associates (the snapshot's types with `SupportedAssociations`).
    static let numberTypes: [String: NumberType] = [
        "US_TOLL_FREE_REGISTRATION": .tollFree, "US_TEN_DLC_CAMPAIGN_REGISTRATION": .tenDLC,
    ]

    static let association: Validator.Rule = { context in
        context.originationIdentities.flatMap { _, spec -> [Diagnostic] in
            guard let number = spec.phoneNumber, let name = number.registration else { return [] }
            var found: [Diagnostic] = []
            if let id = number.registrationId {
                found.append(.error("registration-both-forms", "'spec.phoneNumber.registrationId' and "
                                    + "'spec.phoneNumber.registration' are exclusive: name a Registration manifest, or "
                                    + "give the id of a registration managed elsewhere", at: id.location,
                                    field: "spec.phoneNumber.registrationId"))
            }
            guard case .registration(let registration)? = context.byID[ResourceID(.registration, name.value)]?.spec
            else { return found }
            let type = registration.registrationType.value
            let wanted = numberTypes[type]
            if wanted != number.numberType.value || number.isoCountryCode.value != "US",
               RegistrationDefinitions.fields(of: type) != nil {
                let takes = wanted.map { "US \($0.rawValue) numbers" } ?? "no phone numbers"
                found.append(.error("registration-association-type", "spec.phoneNumber.registration: Registration "
                                    + "'\(name.value)' is a \(type), which takes \(takes); this is a "
                                    + "\(number.isoCountryCode.value) \(number.numberType.value.rawValue) number",
                                    at: name.location, field: "spec.phoneNumber.registration"))
            }
            return found
        }
    }
}
