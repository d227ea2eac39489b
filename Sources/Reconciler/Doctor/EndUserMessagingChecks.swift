/// The checks only the End User Messaging path has (pure): its sandbox (a region check) and the protect
/// configuration of a pool's configuration set (a pool check).
enum EndUserMessagingChecks {
    /// The region check's id (a sibling of `sms-sandbox`, which is SNS's sandbox).
    static let sandboxId = "eum-sandbox"

    /// `eum-sandbox`: End User Messaging SMS in `PRODUCTION` passes; in the sandbox it warns with the verified and
    /// pending destination numbers; an unreadable tier or list fails, naming the permission.
    static func sandbox(_ region: RegionFacts, _ fact: DoctorFact<EumSandboxFacts>) -> DoctorCheck {
        let sandbox: EumSandboxFacts
        switch fact {
        case let .failure(failure):
            return check(region, .fail, "the End User Messaging SMS account tier could not be read: \(failure)",
                         fix: "check the credentials' sms-voice:DescribeAccountAttributes permission")
        case let .success(value): sandbox = value
        }
        guard sandbox.sandboxed else {
            return check(region, .pass, "End User Messaging SMS is in production (ACCOUNT_TIER PRODUCTION): SMS reaches any number")
        }
        let tier = sandbox.tier.isEmpty ? "not answered" : sandbox.tier
        let destinations: [SandboxDestination]
        switch sandbox.destinations {
        case let .failure(failure):
            return check(region, .fail, "End User Messaging SMS is in the sandbox (ACCOUNT_TIER \(tier)); its verified "
                         + "destination numbers could not be read: \(failure)",
                         fix: "check the credentials' sms-voice:DescribeVerifiedDestinationNumbers permission")
        case let .success(value): destinations = value
        }
        let verified = destinations.filter(\.verified).map(\.phoneNumber).sorted()
        let pending = destinations.filter { !$0.verified }.map(\.phoneNumber).sorted()
        var message = "End User Messaging SMS is in the sandbox (ACCOUNT_TIER \(tier)): SMS reaches only verified "
            + "destination numbers"
        message += verified.isEmpty ? " (none verified)" : " (verified: \(verified.joined(separator: ", ")))"
        if !pending.isEmpty { message += "; pending verification: \(pending.joined(separator: ", "))" }
        return check(region, .warn, message,
                     fix: "request production access for End User Messaging SMS in \(region.region); until then add "
                         + "test numbers as SandboxNumber manifests")
    }

    /// `sms-protection` of a pool on the End User Messaging path whose configuration set has a protect configuration:
    /// that configuration (not the account default) decides, by the same country rules as the region check.
    static func protection(_ facts: PoolFacts, set: ConfigurationSetFacts,
                           _ fact: DoctorFact<ProtectionFacts>) -> DoctorCheck {
        switch fact {
        case let .failure(failure):
            return SmsRoleChecks.check(facts, "sms-protection", .fail,
                                       "the protect configuration of configuration set \(set.name) could not be read: \(failure)",
                                       fix: "check the credentials' sms-voice:GetProtectConfigurationCountryRuleSet permission")
        case let .success(found):
            let (outcome, message) = RegionChecks.countryRules(
                found, label: "configuration set \(set.name)'s protect configuration \(found.id)")
            let fix = outcome == .fail ? "allow the countries your users are in" : "block the countries your users are not in"
            return SmsRoleChecks.check(facts, "sms-protection", outcome, message, fix: outcome == .pass ? nil
                : "\(fix), in protect configuration \(found.id) (an SmsProtection manifest)")
        }
    }

    /// A check of `region`.
    private static func check(_ region: RegionFacts, _ outcome: DoctorOutcome, _ message: String,
                              fix: String? = nil) -> DoctorCheck {
        DoctorCheck(resource: region.resource, check: sandboxId, result: outcome, message: message, fix: fix)
    }
}
