/// SMS-readiness warnings: setups that validate and apply but leave users unable to receive a code, sign in again or
/// recover their account. Each names the field to change and how.
enum ReadinessRules {
    /// MFA ON with SMS as the only factor: a user who cannot receive SMS cannot sign in at all.
    static let smsOnlyMfa: Validator.Rule = { context in
        let sandbox = context.sandboxRegions()
        return context.mfaPolicies.compactMap { _, spec in
            guard spec.mode.value == .on, spec.smsEnabled, !spec.totpEnabled else { return nil }
            var reason = "a user who cannot receive SMS (a lost phone, a carrier that drops the message, a number not "
                + "verified while the account is in the SMS sandbox) cannot sign in"
            if let pool = context.byID[ResourceID(.userPool, spec.userPool.value)],
               case .userPool(let poolSpec) = pool.spec {
                let region = context.smsRegion(of: pool, poolSpec)
                if sandbox[region] != nil {
                    reason += "; \(ValidationContext.describe(region)) has SandboxNumbers, so the account is likely "
                        + "in the SMS sandbox"
                }
            }
            return .warning("mfa-sms-only", "MFA is ON with SMS as the only factor: \(reason); set "
                            + "'spec.totp.enabled: true' as a second factor, or mode OPTIONAL",
                            at: spec.mode.location, field: "spec.mode")
        }
    }

    /// SMS MFA, or sign-in by phone number, on a pool that does not verify `phone_number` automatically.
    static let phoneNotAutoVerified: Validator.Rule = { context in
        let mfa = context.mfaPolicies.compactMap { _, spec -> Diagnostic? in
            guard spec.mode.value != .off, let enabled = spec.sms?.enabled, enabled.value,
                  case .userPool(let pool)? = context.byID[ResourceID(.userPool, spec.userPool.value)]?.spec,
                  !pool.verifies(.phoneNumber) else { return nil }
            return .warning("phone-not-auto-verified", "SMS MFA is enabled but UserPool '\(spec.userPool.value)' "
                            + "does not verify phone_number: codes go to numbers no user proved they own; add "
                            + "phone_number to its 'spec.autoVerifiedAttributes'",
                            at: enabled.location, field: "spec.sms.enabled")
        }
        let signIn = context.userPools.compactMap { manifest, spec -> Diagnostic? in
            guard !spec.verifies(.phoneNumber) else { return nil }
            let location: SourceLocation, field: String
            if let names = spec.usernameAttributes, names.value.contains(where: { $0.value == .phoneNumber }) {
                (location, field) = (names.location, "spec.usernameAttributes")
            } else if let aliases = spec.aliasAttributes, aliases.value.contains(where: { $0.value == .phoneNumber }) {
                (location, field) = (aliases.location, "spec.aliasAttributes")
            } else {
                return nil
            }
            return .warning("phone-not-auto-verified", "UserPool '\(manifest.metadata.name.value)' signs users in by "
                            + "phone_number but does not verify it: sign-up sends no SMS code, so users must be "
                            + "confirmed by an administrator, and a phone alias works only once verified; add "
                            + "phone_number to 'spec.autoVerifiedAttributes'", at: location, field: field)
        }
        return mfa + signIn
    }

    /// A US toll-free or 10DLC number without `registrationId`: carriers drop SMS from unregistered US numbers.
    static let unregisteredUsNumber: Validator.Rule = { context in
        context.originationIdentities.compactMap { _, spec in
            guard let number = spec.phoneNumber, number.isoCountryCode.value == "US",
                  [.tollFree, .tenDLC].contains(number.numberType.value), number.registrationId == nil,
                  number.registration == nil
            else { return nil }
            return .warning("us-number-unregistered", "a US \(number.numberType.value.rawValue) number needs a "
                            + "registration: US carriers drop SMS from unregistered toll-free and 10DLC numbers; set "
                            + "'spec.phoneNumber.registrationId' to the End User Messaging registration",
                            at: number.numberType.location, field: "spec.phoneNumber.numberType")
        }
    }

    /// An app client whose auth flows leave out `ALLOW_REFRESH_TOKEN_AUTH`.
    static let noRefreshTokens: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            guard case .appClient(let spec) = manifest.spec, let flows = spec.explicitAuthFlows,
                  !flows.value.contains(where: { $0.value == .refreshToken }) else { return nil }
            return .warning("no-refresh-tokens", "AppClient '\(manifest.metadata.name.value)' does not allow "
                            + "ALLOW_REFRESH_TOKEN_AUTH: every session ends when its tokens expire, and each new "
                            + "sign-in costs another SMS code; add ALLOW_REFRESH_TOKEN_AUTH to "
                            + "'spec.explicitAuthFlows'", at: flows.location, field: "spec.explicitAuthFlows")
        }
    }

    /// Account recovery on an attribute the pool does not collect.
    static let recoveryUncollected: Validator.Rule = { context in
        context.userPools.flatMap { manifest, spec -> [Diagnostic] in
            (spec.accountRecovery?.value ?? []).compactMap { option in
                let attribute: VerifiedAttribute
                switch option.value {
                case .verifiedPhoneNumber: attribute = .phoneNumber
                case .verifiedEmail: attribute = .email
                case .adminOnly: return nil
                }
                guard !spec.collects(attribute) else { return nil }
                return .warning("recovery-uncollected", "UserPool '\(manifest.metadata.name.value)' recovers accounts "
                                + "by \(option.value.rawValue) but does not collect \(attribute.rawValue) (not a "
                                + "username, alias or auto-verified attribute), so users cannot recover that way; add "
                                + "\(attribute.rawValue) to 'spec.autoVerifiedAttributes' or remove "
                                + "\(option.value.rawValue)", at: option.location, field: "spec.accountRecovery")
            }
        }
    }
}

extension UserPoolSpec {
    /// Whether Cognito verifies `attribute` automatically (sends a code when it is set).
    func verifies(_ attribute: VerifiedAttribute) -> Bool {
        autoVerifiedAttributes?.value.contains { $0.value == attribute } ?? false
    }

    /// Whether the pool collects `attribute`: as the username, an alias, or an automatically verified attribute.
    func collects(_ attribute: VerifiedAttribute) -> Bool {
        verifies(attribute)
            || (usernameAttributes?.value.contains { $0.value.rawValue == attribute.rawValue } ?? false)
            || (aliasAttributes?.value.contains { $0.value.rawValue == attribute.rawValue } ?? false)
    }
}
