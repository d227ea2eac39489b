/// Rules for `UserPool` manifests.
enum UserPoolRules {
    /// `usernameAttributes` and `aliasAttributes` cannot both be used.
    static let usernameAndAlias: Validator.Rule = { context in
        context.userPools.compactMap { _, spec in
            guard let usernames = spec.usernameAttributes, !usernames.value.isEmpty,
                  let aliases = spec.aliasAttributes, !aliases.value.isEmpty else { return nil }
            return .error("conflicting-fields", "'spec.usernameAttributes' and 'spec.aliasAttributes' are exclusive: "
                          + "use one of them", at: aliases.location, field: "spec.aliasAttributes")
        }
    }

    /// The SMS role is given one way: `smsRole`, or `smsRoleArn` with `smsExternalId`.
    static let smsRoleSource: Validator.Rule = { context in
        context.userPools.compactMap { _, spec in
            if let role = spec.smsRole, let arn = spec.smsRoleArn ?? spec.smsExternalId {
                let field = spec.smsRoleArn != nil ? "spec.smsRoleArn" : "spec.smsExternalId"
                return .error("sms-role-conflict", "'spec.smsRole' (\(role.value)) and '\(field)' are exclusive: "
                              + "name an SmsRole manifest, or give smsRoleArn and smsExternalId", at: arn.location,
                              field: field)
            }
            if let arn = spec.smsRoleArn, spec.smsExternalId == nil {
                return .error("sms-role-incomplete", "'spec.smsRoleArn' needs 'spec.smsExternalId' (the external id "
                              + "in the role's trust policy)", at: arn.location, field: "spec.smsRoleArn")
            }
            if let id = spec.smsExternalId, spec.smsRoleArn == nil {
                return .error("sms-role-incomplete", "'spec.smsExternalId' is only used with 'spec.smsRoleArn'",
                              at: id.location, field: "spec.smsExternalId")
            }
            return nil
        }
    }

    /// Verifying phone numbers automatically needs an SMS role.
    static let smsRoleNeeded: Validator.Rule = { context in
        context.userPools.compactMap { manifest, spec in
            guard !spec.sendsSms,
                  let entry = spec.autoVerifiedAttributes?.value.first(where: { $0.value == .phoneNumber }) else {
                return nil
            }
            return .error("sms-role-required", "UserPool '\(manifest.metadata.name.value)' verifies phone_number "
                          + "automatically, which needs an SMS role: set 'spec.smsRole' (or smsRoleArn and "
                          + "smsExternalId)", at: entry.location, field: "spec.autoVerifiedAttributes")
        }
    }

    /// Verification and invitation messages have their placeholders and fit the length limits.
    static let messages: Validator.Rule = { context in
        context.userPools.flatMap { _, spec -> [Diagnostic] in
            let verification = spec.verificationMessages
            return [
                MessageCheck.check(verification?.sms, field: "spec.verificationMessages.sms", length: 6...140,
                                   placeholders: ["{####}"]),
                MessageCheck.check(verification?.email, field: "spec.verificationMessages.email", length: 6...20000,
                                   placeholders: ["{####}"]),
                MessageCheck.check(verification?.emailSubject, field: "spec.verificationMessages.emailSubject",
                                   length: 1...140, placeholders: []),
                MessageCheck.check(spec.mapped.value("adminCreateUser.inviteSmsMessage"),
                                   field: "spec.adminCreateUser.inviteSmsMessage", length: 6...140,
                                   placeholders: ["{username}", "{####}"]),
            ].compactMap { $0 }
        }
    }

    /// Custom attributes: names 1-20 characters and unique, constraints that fit the type, min not above max.
    static let customAttributes: Validator.Rule = { context in
        context.userPools.flatMap { _, spec -> [Diagnostic] in
            var seen: Set<String> = []
            return (spec.customAttributes?.value ?? []).enumerated().flatMap { index, attribute -> [Diagnostic] in
                let path = "spec.customAttributes[\(index)]"
                var found: [Diagnostic] = []
                func add(_ message: String, _ location: SourceLocation, _ field: String) {
                    found.append(.error("invalid-custom-attribute", message, at: location, field: "\(path).\(field)"))
                }
                let name = attribute.name
                if !(1...20).contains(name.value.count) {
                    add("custom attribute name '\(name.value)' must be 1-20 characters", name.location, "name")
                }
                if !seen.insert(name.value).inserted {
                    add("custom attribute '\(name.value)' is declared twice", name.location, "name")
                }
                let type = attribute.type.value
                for (field, value) in [("minLength", attribute.minLength), ("maxLength", attribute.maxLength)]
                where type != .string {
                    if let value { add("'\(field)' applies to String attributes only", value.location, field) }
                }
                for (field, value) in [("minValue", attribute.minValue), ("maxValue", attribute.maxValue)]
                where type != .number {
                    if let value { add("'\(field)' applies to Number attributes only", value.location, field) }
                }
                for (low, high, field) in [(attribute.minLength, attribute.maxLength, "maxLength"),
                                           (attribute.minValue, attribute.maxValue, "maxValue")] {
                    if let low, let high, low.value > high.value {
                        add("'\(field)' (\(high.value)) is below its minimum (\(low.value))", high.location, field)
                    }
                }
                return found
            }
        }
    }

    /// Warns when a pool sends SMS where US numbers are used but no US origination identity exists.
    static let usSmsWithoutOrigination: Validator.Rule = { context in
        let sandbox = context.sandboxRegions()
        var usOrigination: Set<String?> = []
        for (manifest, spec) in context.originationIdentities where spec.isoCountryCode?.value == "US" {
            usOrigination.insert(context.region(of: manifest))
        }
        return context.userPools.compactMap { manifest, spec in
            let region = context.smsRegion(of: manifest, spec)
            guard let source = spec.smsRole ?? spec.smsRoleArn, sandbox[region] == true,
                  !usOrigination.contains(region) else { return nil }
            return .warning("us-sms-unregistered", "UserPool '\(manifest.metadata.name.value)' sends SMS in "
                            + "\(ValidationContext.describe(region)), which has +1 sandbox numbers but no US "
                            + "OriginationIdentity: US carriers drop SMS from unregistered numbers since June 2021",
                            at: source.location, field: spec.smsRole != nil ? "spec.smsRole" : "spec.smsRoleArn")
        }
    }
}

extension UserPoolSpec {
    /// Whether the pool has an SMS configuration (`smsRole` or `smsRoleArn`).
    var sendsSms: Bool { smsRole != nil || smsRoleArn != nil }
}

/// Checks SMS and email message templates.
enum MessageCheck {
    /// An `invalid-message` error when the message is too short or long or misses a placeholder.
    static func check(_ message: Located<String>?, field: String, length: ClosedRange<Int>,
                      placeholders: [String]) -> Diagnostic? {
        guard let message else { return nil }
        let count = message.value.count
        if !length.contains(count) {
            return .error("invalid-message", "'\(field)' must be \(length.lowerBound)-\(length.upperBound) "
                          + "characters, found \(count)", at: message.location, field: field)
        }
        let missing = placeholders.filter { !message.value.contains($0) }
        guard !missing.isEmpty else { return nil }
        return .error("invalid-message", "'\(field)' must contain " + missing.joined(separator: " and "),
                      at: message.location, field: field)
    }
}
