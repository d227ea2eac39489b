/// The checks of one UserPool manifest (pure: facts in, results out), in the order they are printed.
enum PoolChecks {
    /// Every check of `facts`; `inSandbox` is the sandbox state of the pool's SMS path (SNS or End User Messaging) in
    /// its SMS region (nil if unknown).
    static func evaluate(_ facts: PoolFacts, inSandbox: Bool?) -> [DoctorCheck] {
        let (existence, pool) = exists(facts)
        var checks = [existence]
        guard facts.sendsSms else {
            checks.append(SmsRoleChecks.check(
                facts, "sends-sms", .warn, "the pool sends no SMS: no SMS role, phone verification or SMS MFA",
                fix: "set spec.smsRole (with an SmsRole manifest) and autoVerifiedAttributes: [phone_number]"))
            return checks
        }
        if let role = facts.role {
            let (roleCheck, live) = SmsRoleChecks.exists(facts, role: role)
            checks.append(roleCheck)
            if let live {
                checks.append(SmsRoleChecks.trust(facts, role: role, live: live))
                checks.append(SmsRoleChecks.grant(facts, role: role, live: live))
            }
        } else {
            checks.append(SmsRoleChecks.check(
                facts, "sms-role-exists", .fail, "the pool uses SMS but names no SMS role",
                fix: "add an SmsRole manifest and set spec.smsRole (or spec.smsRoleArn with spec.smsExternalId)"))
        }
        if let set = facts.configurationSet {
            checks.append(configurationSet(facts, set))
            if let destinations = EventDestinationChecks.check(facts, set) { checks.append(destinations) }
            if facts.smsService == .endUserMessaging, let protection = set.protection {
                checks.append(EndUserMessagingChecks.protection(facts, set: set, protection))
            }
        }
        if let pool {
            checks.append(smsConfiguration(facts, pool: pool))
            if let mfa = facts.mfa { checks.append(self.mfa(facts, pool: pool, mfa: mfa, inSandbox: inSandbox)) }
        }
        return checks
    }

    /// `pool-exists`: found as reconcile finds it (ownership tags, recorded id, `spec.adopt`); the pool when found.
    static func exists(_ facts: PoolFacts) -> (DoctorCheck, PoolSnapshot?) {
        switch facts.pool {
        case let .failure(failure):
            return (SmsRoleChecks.check(facts, "pool-exists", .fail, "the user pool could not be read: \(failure)",
                                        fix: "check the credentials and region, then run `smsauth doctor` again"), nil)
        case .success(nil):
            return (SmsRoleChecks.check(facts, "pool-exists", .fail, "the user pool does not exist",
                                        fix: "run `smsauth reconcile` to create it"), nil)
        case let .success(pool?) where !pool.owned:
            return (SmsRoleChecks.check(facts, "pool-exists", .warn,
                                        "user pool \(pool.id) exists but does not carry smsauth's ownership tags",
                                        fix: "run `smsauth reconcile` (with spec.adopt) so smsauth manages it"), pool)
        case let .success(pool?):
            return (SmsRoleChecks.check(facts, "pool-exists", .pass, "user pool \(pool.id) exists"), pool)
        }
    }

    /// `pool-sms-configuration`: the live SmsConfiguration names the SMS role and external id.
    static func smsConfiguration(_ facts: PoolFacts, pool: PoolSnapshot) -> DoctorCheck {
        let fix = "run `smsauth reconcile` to set the pool's SMS configuration"
        guard let arn = pool.smsRoleArn else {
            return SmsRoleChecks.check(facts, "pool-sms-configuration", .fail,
                                       "the pool has no SMS configuration, so Cognito cannot send SMS", fix: fix)
        }
        if pool.smsService != facts.smsService {
            return SmsRoleChecks.check(facts, "pool-sms-configuration", .fail,
                                       "the pool sends SMS through \(pool.smsService.rawValue), the manifest says "
                                       + "\(facts.smsService.rawValue)", fix: fix)
        }
        if let role = facts.role, case let .success(live?) = role.live, live.arn != arn {
            return SmsRoleChecks.check(facts, "pool-sms-configuration", .fail,
                                       "the pool sends through \(arn), not the SMS role \(live.arn)", fix: fix)
        }
        if let expected = facts.role?.expectedExternalId, pool.smsExternalId != expected {
            return SmsRoleChecks.check(
                facts, "pool-sms-configuration", .fail,
                "the pool's SMS external id is \(pool.smsExternalId ?? "not set"), the SMS role expects \(expected)", fix: fix)
        }
        return SmsRoleChecks.check(facts, "pool-sms-configuration", .pass,
                                   "the pool's SMS configuration points at \(arn) with the right external id")
    }

    /// `sms-configuration-set`: the configuration set the pool sends with exists, and records delivery events (an
    /// enabled event destination matching a delivery event type: the way to see why a code never arrived).
    static func configurationSet(_ facts: PoolFacts, _ set: ConfigurationSetFacts) -> DoctorCheck {
        switch set.enabledDestinations {
        case let .failure(failure):
            return SmsRoleChecks.check(facts, "sms-configuration-set", .fail,
                                       "configuration set \(set.name) could not be read: \(failure)",
                                       fix: "check the credentials' sms-voice:DescribeConfigurationSets permission")
        case .success(nil):
            return SmsRoleChecks.check(facts, "sms-configuration-set", .fail,
                                       "configuration set \(set.name) does not exist, so Cognito cannot send SMS with it",
                                       fix: "create the configuration set \(set.name) (a ConfigurationSet manifest) or remove spec.smsConfigurationSet")
        case let .success(names?) where names.isEmpty:
            return SmsRoleChecks.check(facts, "sms-configuration-set", .warn,
                                       "configuration set \(set.name) has no enabled event destination recording delivery events",
                                       fix: "add an event destination (CloudWatch Logs or SNS) matching TEXT_ALL, or the delivery outcomes, to \(set.name)")
        case let .success(names?):
            return SmsRoleChecks.check(facts, "sms-configuration-set", .pass,
                                       "configuration set \(set.name) records delivery events (\(names.joined(separator: ", ")))")
        }
    }

    /// `mfa-sms`: SMS MFA needs the pool's SMS configuration; MFA required with SMS as its only factor in the
    /// sandbox locks out every user whose number is not verified.
    static func mfa(_ facts: PoolFacts, pool: PoolSnapshot, mfa: DoctorFact<MfaFacts>, inSandbox: Bool?) -> DoctorCheck {
        let config: MfaFacts
        switch mfa {
        case let .failure(failure):
            return SmsRoleChecks.check(facts, "mfa-sms", .fail, "the MFA configuration could not be read: \(failure)",
                                       fix: "check the credentials' cognito-idp:GetUserPoolMfaConfig permission")
        case let .success(value): config = value
        }
        if config.smsEnabled, pool.smsRoleArn == nil {
            return SmsRoleChecks.check(facts, "mfa-sms", .fail,
                                       "SMS MFA is enabled but the pool has no SMS configuration",
                                       fix: "set spec.smsRole on the pool and run `smsauth reconcile`")
        }
        if config.mode == "ON", config.smsEnabled, !config.totpEnabled, inSandbox == true {
            return SmsRoleChecks.check(
                facts, "mfa-sms", .warn,
                "MFA is ON with SMS as the only factor while the account is in the SMS sandbox: users whose numbers are not verified cannot sign in",
                fix: "enable TOTP as a second factor, use mode OPTIONAL, or leave the SMS sandbox ("
                    + (facts.smsService == .endUserMessaging ? "request production access for End User Messaging SMS"
                                                             : "AWS support case") + ")")
        }
        let factors = [config.smsEnabled ? "SMS" : nil, config.totpEnabled ? "TOTP" : nil].compactMap { $0 }
        let described = factors.isEmpty ? "" : " (\(factors.joined(separator: ", ")))"
        return SmsRoleChecks.check(facts, "mfa-sms", .pass,
                                   "MFA \(config.mode)\(described) is consistent with the SMS configuration")
    }
}
