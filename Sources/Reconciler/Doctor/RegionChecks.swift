import Foundation

/// The account-wide checks of one region the pools send SMS from (pure: facts in, results out).
enum RegionChecks {
    /// Every check of `facts`, in print order.
    static func evaluate(_ facts: RegionFacts) -> [DoctorCheck] {
        (facts.sendsThroughSns ? [sandbox(facts)] : [])
            + (facts.eumSandbox.map { [EndUserMessagingChecks.sandbox(facts, $0)] } ?? [])
            + [usOrigination(facts)] + (RegistrationChecks.check(facts).map { [$0] } ?? [])
            + [spendLimit(facts)] + (facts.protection.map { [protection(facts, $0)] } ?? [])
            + (facts.deliveryLogging.map { [DeliveryLoggingChecks.check(facts, $0)] } ?? [])
    }

    /// `sms-protection`: SMS pumping (artificially inflated traffic) is stopped by an account-default protect
    /// configuration that blocks the countries the app does not serve; none, or one allowing every country, warns.
    static func protection(_ facts: RegionFacts, _ protection: DoctorFact<ProtectionFacts?>) -> DoctorCheck {
        let fix = "allow only the countries your users are in with an account-default protect configuration in "
            + "\(facts.region) (End User Messaging SMS; it also governs SMS Cognito sends through SNS)"
        switch protection {
        case let .failure(failure):
            return check(facts, "sms-protection", .fail, "the protect configurations could not be read: \(failure)",
                         fix: "check the credentials' sms-voice:DescribeProtectConfigurations and "
                             + "sms-voice:GetProtectConfigurationCountryRuleSet permissions")
        case .success(nil):
            return check(facts, "sms-protection", .warn,
                         "no account-default protect configuration: SMS can be sent to every country (SMS pumping)",
                         fix: fix)
        case let .success(found?):
            let (outcome, message) = countryRules(found, label: "protect configuration \(found.id)")
            return check(facts, "sms-protection", outcome, message, fix: outcome == .pass ? nil
                : outcome == .fail ? "allow the countries your users are in, in protect configuration \(found.id)" : fix)
        }
    }

    /// How a protect configuration's SMS country rules come out: warn when no country is `BLOCK` (AWS lists a rule
    /// for every country), fail when every country is (no sign-in code reaches anyone), else pass naming the
    /// countries still allowed (counted above 10). `label` names the configuration in the message.
    static func countryRules(_ found: ProtectionFacts, label: String) -> (DoctorOutcome, String) {
        let open = found.smsRules.filter { $0.value != "BLOCK" }.keys.sorted()
        guard open.count < found.smsRules.count else {
            return (.warn, "\(label) allows SMS to every country (SMS pumping)")
        }
        guard !open.isEmpty else {
            return (.fail, "\(label) blocks SMS to every country: no sign-in code reaches anyone")
        }
        let shown = open.count <= 10 ? open.joined(separator: ", ") : "\(open.count) countries"
        return (.pass, "\(label) limits SMS to \(shown)")
    }

    /// `sms-sandbox`: outside the sandbox passes; inside warns with the verified and pending destinations.
    static func sandbox(_ facts: RegionFacts) -> DoctorCheck {
        let leave = "open an AWS support case to move the account out of the SMS sandbox in \(facts.region)"
        switch facts.inSandbox {
        case let .failure(failure):
            return check(facts, "sms-sandbox", .fail, "the SMS sandbox status could not be read: \(failure)",
                         fix: "check the credentials' sns:GetSMSSandboxAccountStatus permission")
        case .success(false):
            return check(facts, "sms-sandbox", .pass, "the account is out of the SMS sandbox: SMS reaches any number")
        case .success(true):
            break
        }
        guard case let .success(destinations) = facts.destinations else {
            return check(facts, "sms-sandbox", .warn,
                         "the account is in the SMS sandbox; its verified numbers could not be listed", fix: leave)
        }
        let verified = destinations.filter(\.verified).map(\.phoneNumber).sorted()
        let pending = destinations.filter { !$0.verified }.map(\.phoneNumber).sorted()
        var message = "the account is in the SMS sandbox: SMS reaches only verified numbers"
        message += verified.isEmpty ? " (none verified)" : " (verified: \(verified.joined(separator: ", ")))"
        if !pending.isEmpty { message += "; pending verification: \(pending.joined(separator: ", "))" }
        let fix = pending.isEmpty
            ? "\(leave); until then add test numbers as SandboxNumber manifests"
            : "\(leave); finish pending numbers with `smsauth verify NAME --code CODE`"
        return check(facts, "sms-sandbox", .warn, message, fix: fix)
    }

    /// `us-origination`: an ACTIVE, SMS-capable US number other than a simulator exists (US carriers drop SMS
    /// from unregistered senders since June 2021).
    static func usOrigination(_ facts: RegionFacts) -> DoctorCheck {
        let fix = "add an OriginationIdentity manifest (isoCountryCode: US, TOLL_FREE or TEN_DLC, capabilities [SMS]) in \(facts.region) and run `smsauth reconcile --allow-purchase`"
        if facts.usBlocked {
            return check(facts, "us-origination", .pass,
                         "the protect configurations of every pool block SMS to the US: no US origination number is needed")
        }
        guard facts.endUserMessagingOffered else {
            return check(facts, "us-origination", .fail,
                         "End User Messaging SMS, where origination numbers live, is not offered in \(facts.region): SMS "
                             + "from here reaches US phones from no registered number, and US carriers drop it",
                         fix: "send SMS from a region that offers End User Messaging SMS (the pool's spec.smsRegion) "
                             + "with a registered US number there")
        }
        let numbers: [OriginationNumber]
        switch facts.usNumbers {
        case let .failure(failure):
            return check(facts, "us-origination", .fail, "the US origination numbers could not be read: \(failure)",
                         fix: "check the credentials' sms-voice:DescribePhoneNumbers permission")
        case let .success(value): numbers = value.filter(\.smsCapable)
        }
        let real = numbers.filter { $0.numberType != "SIMULATOR" }
        let active = real.filter { $0.status == "ACTIVE" }.map(\.phoneNumber).sorted()
        if !active.isEmpty {
            return check(facts, "us-origination", .pass,
                         "ACTIVE US origination number: \(active.joined(separator: ", "))")
        }
        let pending = real.filter { $0.status == "PENDING" }.map(\.phoneNumber).sorted()
        if !pending.isEmpty {
            return check(facts, "us-origination", .warn,
                         "US origination number \(pending.joined(separator: ", ")) is still PENDING: SMS to US numbers is dropped until it is ACTIVE",
                         fix: "wait for provisioning (and the toll-free or 10DLC registration), then run `smsauth doctor` again")
        }
        let simulators = numbers.filter { $0.numberType == "SIMULATOR" && $0.status == "ACTIVE" }
        let extra = simulators.isEmpty ? "" : " (only simulator numbers, which never reach real phones)"
        return check(facts, "us-origination", .fail,
                     "no ACTIVE US origination number in \(facts.region)\(extra): US carriers drop SMS from unregistered senders",
                     fix: fix)
    }

    /// `spend-limit`: MonthlySpendLimit above zero; unset means AWS's default of 1 USD, which is low.
    static func spendLimit(_ facts: RegionFacts) -> DoctorCheck {
        let fix = "set monthlySpendLimitUSD in an SmsAccountSettings manifest for \(facts.region) (above 1 needs an AWS quota increase)"
        switch facts.monthlySpendLimit {
        case let .failure(failure):
            return check(facts, "spend-limit", .fail, "the SMS spend limit could not be read: \(failure)",
                         fix: "check the credentials' sns:GetSMSAttributes permission")
        case .success(nil):
            return check(facts, "spend-limit", .warn,
                         "no monthly SMS spend limit set: AWS's default of 1 USD stops SMS after a few dozen messages",
                         fix: fix)
        case let .success(text?):
            guard let limit = Decimal(string: text.trimmingCharacters(in: .whitespaces)) else {
                return check(facts, "spend-limit", .warn, "the monthly SMS spend limit '\(text)' is not a number",
                             fix: fix)
            }
            if limit <= 0 {
                return check(facts, "spend-limit", .fail, "the monthly SMS spend limit is \(text) USD: no SMS is sent",
                             fix: fix)
            }
            return check(facts, "spend-limit", .pass, "monthly SMS spend limit is \(text) USD")
        }
    }

    /// A check of `facts`' region.
    private static func check(_ facts: RegionFacts, _ id: String, _ result: DoctorOutcome, _ message: String,
                              fix: String? = nil) -> DoctorCheck {
        DoctorCheck(resource: facts.resource, check: id, result: result, message: message, fix: fix)
    }
}
