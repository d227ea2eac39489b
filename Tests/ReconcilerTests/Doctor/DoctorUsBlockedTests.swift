import Testing
@testable import Reconciler

/// `us-origination` when the protect configurations governing every pool block SMS to the US: no US number is needed.
@Suite struct DoctorUsBlockedTests {
    typealias Fixtures = DoctorFixtures

    static func rules(usBlocked: Bool) -> ProtectionFacts {
        ProtectionFacts(id: "protect-1", smsRules: ["US": usBlocked ? "BLOCK" : "ALLOW", "IE": "ALLOW", "CA": "BLOCK"])
    }

    /// An End User Messaging pool whose configuration set has `protection` (none: the account default governs it).
    static func eumPool(protection: ProtectionFacts?) -> PoolFacts {
        var pool = Fixtures.pool()
        pool.smsService = .endUserMessaging
        var set = ConfigurationSetFacts(name: "events", enabledDestinations: .success([]))
        set.protection = protection.map { .success($0) }
        pool.configurationSet = set
        return pool
    }

    @Test func everyGoverningConfigurationMustBlockTheUS() {
        let blocked: DoctorFact<ProtectionFacts?> = .success(Self.rules(usBlocked: true))
        let allowed: DoctorFact<ProtectionFacts?> = .success(Self.rules(usBlocked: false))
        #expect(DoctorReader.blocksUS([Fixtures.pool()], accountDefault: blocked))
        #expect(!DoctorReader.blocksUS([Fixtures.pool()], accountDefault: allowed))
        #expect(!DoctorReader.blocksUS([Fixtures.pool()], accountDefault: .success(nil)), "no default: every country")
        #expect(!DoctorReader.blocksUS([], accountDefault: blocked), "no pool: nothing known")
        #expect(!DoctorReader.blocksUS([Fixtures.pool()], accountDefault: .failure(Fixtures.readError)))
        // A configuration set's own protect configuration overrides the account default for that pool.
        #expect(!DoctorReader.blocksUS([Self.eumPool(protection: Self.rules(usBlocked: false))], accountDefault: blocked))
        #expect(DoctorReader.blocksUS([Self.eumPool(protection: Self.rules(usBlocked: true))], accountDefault: allowed))
        #expect(!DoctorReader.blocksUS([Self.eumPool(protection: Self.rules(usBlocked: true)), Fixtures.pool()],
                                       accountDefault: allowed), "the SNS pool still reaches the US")
    }

    @Test func usOriginationPassesWhenTheUSIsBlocked() {
        var facts = Fixtures.region(usNumbers: .success([]))
        #expect(RegionChecks.usOrigination(facts).result == .fail)
        facts.usBlocked = true
        let check = RegionChecks.usOrigination(facts)
        #expect(check.result == .pass && check.message.contains("block SMS to the US"), "\(check.message)")
    }
}
