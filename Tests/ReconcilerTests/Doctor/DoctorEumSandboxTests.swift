import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// `eum-sandbox` (End User Messaging SMS's sandbox), which regions get it beside or instead of `sms-sandbox`, the
/// `sms-protection` of a pool whose configuration set has a protect configuration, and `mfa-sms` judged by the
/// pool's own path's sandbox.
@Suite struct DoctorEumSandboxTests {
    typealias Fixtures = DoctorFixtures

    static let numbers: DoctorFact<[SandboxDestination]> = .success([
        SandboxDestination(phoneNumber: "+15555550101", verified: true),
        SandboxDestination(phoneNumber: "+15555550102", verified: false),
    ])

    static let sandboxCases: [(String, DoctorFact<EumSandboxFacts>, DoctorOutcome, String, String?)] = [
        ("production", .success(EumSandboxFacts(tier: "PRODUCTION")), .pass,
         "End User Messaging SMS is in production (ACCOUNT_TIER PRODUCTION): SMS reaches any number", nil),
        ("sandboxed with numbers", .success(EumSandboxFacts(tier: "SANDBOXED", destinations: numbers)), .warn,
         "End User Messaging SMS is in the sandbox (ACCOUNT_TIER SANDBOXED): SMS reaches only verified destination "
            + "numbers (verified: +15555550101); pending verification: +15555550102",
         "request production access for End User Messaging SMS in eu-west-1; until then add test numbers as "
            + "SandboxNumber manifests"),
        ("sandboxed without numbers", .success(EumSandboxFacts(tier: "SANDBOXED")), .warn,
         "End User Messaging SMS is in the sandbox (ACCOUNT_TIER SANDBOXED): SMS reaches only verified destination "
            + "numbers (none verified)", nil),
        ("tier unreadable", .failure(Fixtures.readError), .fail,
         "the End User Messaging SMS account tier could not be read: AccessDenied (AWS AccessDenied)",
         "check the credentials' sms-voice:DescribeAccountAttributes permission"),
        ("numbers unreadable", .success(EumSandboxFacts(tier: "SANDBOXED", destinations: .failure(Fixtures.readError))),
         .fail, "End User Messaging SMS is in the sandbox (ACCOUNT_TIER SANDBOXED); its verified destination numbers "
            + "could not be read: AccessDenied (AWS AccessDenied)",
         "check the credentials' sms-voice:DescribeVerifiedDestinationNumbers permission"),
    ]

    @Test(arguments: sandboxCases)
    func sandbox(_ row: (String, DoctorFact<EumSandboxFacts>, DoctorOutcome, String, String?)) {
        var region = Fixtures.region()
        region.eumSandbox = row.1
        let check = EndUserMessagingChecks.sandbox(region, row.1)
        #expect(check.check == "eum-sandbox")
        #expect(check.resource == "Region/eu-west-1")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message == row.3, "\(row.0)")
        if let fix = row.4 { #expect(check.fix == fix, "\(row.0)") }
        #expect((check.fix == nil) == (row.2 == .pass), "\(row.0): a fix on every warn and fail, none on a pass")
    }

    /// (SNS pools, End User Messaging pools) → the sandbox checks of the region.
    static let pathCases: [(String, Bool, Bool, [String])] = [
        ("SNS only", true, false, ["sms-sandbox"]),
        ("End User Messaging only", false, true, ["eum-sandbox"]),
        ("both paths", true, true, ["sms-sandbox", "eum-sandbox"]),
    ]

    @Test(arguments: pathCases)
    func regionsGetTheSandboxChecksOfTheirPools(_ row: (String, Bool, Bool, [String])) {
        var region = Fixtures.region()
        region.sendsThroughSns = row.1
        if row.2 { region.eumSandbox = .success(EumSandboxFacts(tier: "PRODUCTION")) }
        let ids = RegionChecks.evaluate(region).map(\.check).filter { $0.hasSuffix("-sandbox") }
        #expect(ids == row.3, "\(row.0)")
    }

    /// MFA ON with SMS alone warns only when the pool's own path is sandboxed.
    static let mfaCases: [(String, SmsService, Bool, DoctorFact<EumSandboxFacts>?, DoctorOutcome)] = [
        ("EUM pool, EUM sandboxed, SNS out", .endUserMessaging, false, .success(EumSandboxFacts(tier: "SANDBOXED")), .warn),
        ("EUM pool, EUM in production, SNS in", .endUserMessaging, true, .success(EumSandboxFacts(tier: "PRODUCTION")), .pass),
        ("EUM pool, tier unreadable", .endUserMessaging, true, .failure(Fixtures.readError), .pass),
        ("SNS pool, SNS in, EUM in production", .sns, true, .success(EumSandboxFacts(tier: "PRODUCTION")), .warn),
    ]

    @Test(arguments: mfaCases)
    func mfaFollowsThePoolsPath(_ row: (String, SmsService, Bool, DoctorFact<EumSandboxFacts>?, DoctorOutcome)) {
        var pool = Fixtures.pool(pool: .success(PoolSnapshot(id: "eu-west-1_abc", owned: true, smsRoleArn: Fixtures.roleArn,
                                                             smsExternalId: "ext-1", smsService: row.1)),
                                 mfa: .success(MfaFacts(mode: "ON", smsEnabled: true, totpEnabled: false)))
        pool.smsService = row.1
        var region = Fixtures.region(inSandbox: .success(row.2))
        region.eumSandbox = row.3
        let report = DoctorEvaluation.report(pools: [pool], regions: [region])
        #expect(report.checks.first { $0.check == "mfa-sms" }?.result == row.4, "\(row.0)")
    }

    static let setProtectionCases: [(String, DoctorFact<ProtectionFacts>, DoctorOutcome, String)] = [
        ("allows every country", .success(ProtectionFacts(id: "protect-2", smsRules: ["US": "ALLOW", "FR": "MONITOR"])),
         .warn, "configuration set signin's protect configuration protect-2 allows SMS to every country (SMS pumping)"),
        ("limits", .success(ProtectionFacts(id: "protect-2", smsRules: ["US": "ALLOW", "FR": "BLOCK"])),
         .pass, "configuration set signin's protect configuration protect-2 limits SMS to US"),
        ("unreadable", .failure(Fixtures.readError), .fail,
         "the protect configuration of configuration set signin could not be read: AccessDenied (AWS AccessDenied)"),
    ]

    @Test(arguments: setProtectionCases)
    func aConfigurationSetsProtectConfigurationProtectsItsPool(_ row: (String, DoctorFact<ProtectionFacts>, DoctorOutcome, String)) {
        var facts = DoctorEndUserMessagingTests.eumPool(policies: [])
        facts.configurationSet = ConfigurationSetFacts(name: "signin", enabledDestinations: .success(["logs"]), protection: row.1)
        let check = PoolChecks.evaluate(facts, inSandbox: false).first { $0.check == "sms-protection" }
        #expect(check?.resource == "UserPool/qnatime")
        #expect(check?.result == row.2, "\(row.0)")
        #expect(check?.message == row.3, "\(row.0)")
        #expect((check?.fix == nil) == (row.2 == .pass), "\(row.0)")
    }

    @Test func withoutASetProtectConfigurationThePoolHasNoProtectionCheckOfItsOwn() {
        var facts = DoctorEndUserMessagingTests.eumPool(policies: [])
        facts.configurationSet = ConfigurationSetFacts(name: "signin", enabledDestinations: .success(["logs"]))
        #expect(!PoolChecks.evaluate(facts, inSandbox: false).map(\.check).contains("sms-protection"))
    }
}
