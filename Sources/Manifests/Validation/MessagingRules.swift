/// Rules for sandbox numbers, origination identities, phone pools and account SMS settings.
enum MessagingRules {
    /// Sandbox destination numbers are E.164.
    static let phoneNumbers: Validator.Rule = { context in
        context.sandboxNumbers.compactMap { _, spec in
            let number = spec.phoneNumber
            guard !Formats.isE164(number.value) else { return nil }
            return .error("invalid-phone-number", "'\(number.value)' is not an E.164 phone number (like "
                          + "+14155550123)", at: number.location, field: "spec.phoneNumber")
        }
    }

    /// Sender IDs: 1-11 characters, at least one letter (`_` and `-` allowed for origination sender IDs only).
    static let senderIds: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            switch manifest.spec {
            case .originationIdentity(let s):
                guard let id = s.senderId?.senderId, !Formats.isSenderID(id.value, allowing: ["_", "-"]) else {
                    return nil
                }
                return .error("invalid-sender-id", "sender ID '\(id.value)' must be 1-11 of A-Z, a-z, 0-9, '_' "
                              + "and '-', with at least one letter", at: id.location, field: "spec.senderId.senderId")
            case .smsAccountSettings(let s):
                guard let id = s.defaultSenderId, !Formats.isSenderID(id.value, allowing: []) else { return nil }
                return .error("invalid-sender-id", "default sender ID '\(id.value)' must be 1-11 letters and digits, "
                              + "with at least one letter", at: id.location, field: "spec.defaultSenderId")
            default:
                return nil
            }
        }
    }

    /// An origination identity is exactly one of `phoneNumber` and `senderId`.
    static let identityForm: Validator.Rule = { context in
        context.originationIdentities.compactMap { manifest, spec in
            switch (spec.phoneNumber, spec.senderId) {
            case (nil, nil):
                .error("missing-field", "OriginationIdentity '\(manifest.metadata.name.value)' needs one of "
                       + "'spec.phoneNumber' and 'spec.senderId'", at: manifest.location, field: "spec")
            case (.some, .some(let sender)):
                .error("conflicting-fields", "'spec.phoneNumber' and 'spec.senderId' are exclusive: an "
                       + "OriginationIdentity is one or the other", at: sender.location, field: "spec.senderId")
            default: nil
            }
        }
    }

    /// SIMULATOR numbers are TRANSACTIONAL.
    static let simulator: Validator.Rule = { context in
        context.originationIdentities.compactMap { _, spec in
            guard let phone = spec.phoneNumber, phone.numberType.value == .simulator,
                  phone.messageType.value != .transactional else { return nil }
            return .error("simulator-message-type", "SIMULATOR numbers must have messageType TRANSACTIONAL",
                          at: phone.messageType.location, field: "spec.phoneNumber.messageType")
        }
    }

    /// At most 10 sandbox numbers per region and sandbox (SNS's and End User Messaging's each hold 10).
    static let sandboxLimit: Validator.Rule = { context in
        var counts: [String: Int] = [:]
        return context.sandboxNumbers.compactMap { manifest, spec in
            let region = context.region(of: manifest), service = context.sandboxService(of: manifest, spec)
            let key = "\(region ?? "")/\(service?.rawValue ?? "")"
            counts[key, default: 0] += 1
            guard counts[key, default: 0] > 10 else { return nil }
            return .error("too-many-sandbox-numbers", "SandboxNumber '\(manifest.metadata.name.value)' is number "
                          + "\(counts[key, default: 0]) in the \(service.map(SandboxService.sandboxName) ?? "sandbox") of "
                          + "\(ValidationContext.describe(region)), which allows at most 10",
                          at: manifest.metadata.name.location, field: "metadata.name")
        }
    }

    /// At most one SmsAccountSettings per region.
    static let accountSettingsPerRegion: Validator.Rule = { context in
        var first: [String?: Manifest] = [:]
        return context.manifests.compactMap { manifest in
            guard manifest.kind == .smsAccountSettings else { return nil }
            let region = context.region(of: manifest)
            guard let earlier = first[region] else {
                first[region] = manifest
                return nil
            }
            return .error("duplicate-account-settings", "\(ValidationContext.describe(region)) already has "
                          + "SmsAccountSettings '\(earlier.metadata.name.value)' (\(earlier.location)); at most one "
                          + "per region", at: manifest.metadata.name.location, field: "metadata.name")
        }
    }

    /// Country codes are ISO 3166-1 alpha-2.
    static let countryCodes: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            var codes: [(String, Located<String>)] = []
            if case .originationIdentity(let s) = manifest.spec {
                if let code = s.phoneNumber?.isoCountryCode { codes.append(("spec.phoneNumber.isoCountryCode", code)) }
                if let code = s.senderId?.isoCountryCode { codes.append(("spec.senderId.isoCountryCode", code)) }
            }
            if case .phonePool(let s) = manifest.spec { codes.append(("spec.isoCountryCode", s.isoCountryCode)) }
            return codes.compactMap { field, code in
                Formats.isCountryCode(code.value) ? nil
                    : .error("invalid-country-code", "'\(code.value)' is not an ISO 3166-1 alpha-2 country code "
                             + "(two capital letters, like US)", at: code.location, field: field)
            }
        }
    }
}
