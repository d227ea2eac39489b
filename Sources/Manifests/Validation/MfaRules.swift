/// Rules for `AppClient` manifests.
enum ClientRules {
    /// Token lifetimes: access and ID tokens 5m-1d, refresh tokens 60m-3650d.
    static let tokenValidity: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .appClient(let spec) = manifest.spec, let validity = spec.tokenValidity else { return [] }
            let limits: [(String, Located<TokenDuration>?, TokenDuration, TokenDuration)] = [
                ("accessToken", validity.accessToken, TokenDuration(5, .minutes), TokenDuration(1, .days)),
                ("idToken", validity.idToken, TokenDuration(5, .minutes), TokenDuration(1, .days)),
                ("refreshToken", validity.refreshToken, TokenDuration(60, .minutes), TokenDuration(3650, .days)),
            ]
            return limits.compactMap { name, value, low, high in
                guard let value, value.value < low || value.value > high else { return nil }
                return .error("out-of-range", "'spec.tokenValidity.\(name)' must be between \(low) and \(high), "
                              + "found \(value.value)", at: value.location, field: "spec.tokenValidity.\(name)")
            }
        }
    }
}

/// Rules for `MfaPolicy` manifests.
enum MfaRules {
    /// At most one MfaPolicy per user pool.
    static let onePerPool: Validator.Rule = { context in
        var first: [String: Manifest] = [:]
        return context.mfaPolicies.compactMap { manifest, spec in
            guard let earlier = first[spec.userPool.value] else {
                first[spec.userPool.value] = manifest
                return nil
            }
            return .error("duplicate-mfa-policy", "UserPool '\(spec.userPool.value)' already has MfaPolicy "
                          + "'\(earlier.metadata.name.value)' (\(earlier.location)); a pool takes at most one",
                          at: spec.userPool.location, field: "spec.userPool")
        }
    }

    /// MFA ON or OPTIONAL needs at least one enabled factor.
    static let factors: Validator.Rule = { context in
        context.mfaPolicies.compactMap { _, spec in
            guard spec.mode.value != .off, !spec.smsEnabled, !spec.totpEnabled else { return nil }
            return .error("mfa-no-factor", "MFA mode \(spec.mode.value.rawValue) needs at least one factor: set "
                          + "'spec.sms.enabled' or 'spec.totp.enabled' to true", at: spec.mode.location,
                          field: "spec.mode")
        }
    }

    /// The SMS authentication message is 6-140 characters with `{####}`.
    static let message: Validator.Rule = { context in
        context.mfaPolicies.compactMap { _, spec in
            MessageCheck.check(spec.sms?.message, field: "spec.sms.message", length: 6...140,
                               placeholders: ["{####}"])
        }
    }

    /// SMS MFA needs the pool to have an SMS role.
    static let smsRole: Validator.Rule = { context in
        context.mfaPolicies.compactMap { manifest, spec in
            guard let enabled = spec.sms?.enabled, enabled.value,
                  case .userPool(let pool)? = context.byID[ResourceID(.userPool, spec.userPool.value)]?.spec,
                  !pool.sendsSms else { return nil }
            return .error("sms-role-required", "SMS MFA needs UserPool '\(spec.userPool.value)' to have an SMS "
                          + "role: set its 'spec.smsRole' (or smsRoleArn and smsExternalId)",
                          at: enabled.location, field: "spec.sms.enabled")
        }
    }
}
