import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The doctor on the End User Messaging path (`sms-role-send`, the path part of `pool-sms-configuration`) and the
/// `sms-protection` region check.
@Suite struct DoctorEndUserMessagingTests {
    typealias Fixtures = DoctorFixtures

    static func eumPool(live: SmsService = .endUserMessaging, policies: [RolePolicy]) -> PoolFacts {
        let role = Fixtures.roleFacts(live: .success(Fixtures.role(policies: policies)))
        var facts = Fixtures.pool(pool: .success(PoolSnapshot(id: "eu-west-1_abc", owned: true, smsRoleArn: Fixtures.roleArn,
                                                              smsExternalId: "ext-1", smsService: live)), role: role)
        facts.smsService = .endUserMessaging
        return facts
    }

    static func inline(_ document: PolicyDocument) -> [RolePolicy] {
        [RolePolicy(label: "inline policy smsauth-sms-voice-send", document: document)]
    }

    static let sendCases: [(String, [RolePolicy], DoctorOutcome)] = [
        ("smsauth's grant", inline(SmsRoleDocuments.sendPolicy(account: Fixtures.account)), .pass),
        ("everything", inline(Fixtures.permission(action: "sms-voice:*")), .pass),
        ("only a configuration set",
         inline(Fixtures.permission(action: "sms-voice:SendTextMessage",
                                    resource: "arn:aws:sms-voice:*:123456789012:configuration-set/*")), .fail),
        ("sns publish only", inline(Fixtures.permission()), .fail),
        ("denied", inline(SmsRoleDocuments.sendPolicy(account: Fixtures.account))
            + inline(Fixtures.permission(effect: "Deny", action: "sms-voice:SendTextMessage")), .fail),
    ]

    @Test(arguments: sendCases)
    func sendPermission(_ row: (String, [RolePolicy], DoctorOutcome)) throws {
        let facts = Self.eumPool(policies: row.1)
        let role = try #require(facts.role)
        let check = SmsRoleChecks.grant(facts, role: role, live: Fixtures.role(policies: row.1))
        #expect(check.check == "sms-role-send")
        #expect(check.result == row.2, "\(row.0): \(check.message)")
    }

    @Test func aPoolStillOnSnsFailsTheConfigurationCheck() throws {
        let facts = Self.eumPool(live: .sns, policies: Self.inline(SmsRoleDocuments.sendPolicy(account: Fixtures.account)))
        let pool = try #require(try facts.pool.get())
        let check = PoolChecks.smsConfiguration(facts, pool: pool)
        #expect(check.result == .fail)
        #expect(check.message == "the pool sends SMS through sns, the manifest says endUserMessaging")
        #expect(PoolChecks.smsConfiguration(Self.eumPool(policies: []), pool: PoolSnapshot(
            id: "eu-west-1_abc", owned: true, smsRoleArn: Fixtures.roleArn, smsExternalId: "ext-1",
            smsService: .endUserMessaging)).result == .pass)
    }

    static let configurationSetCases: [(String, DoctorFact<[String]?>, DoctorOutcome, String)] = [
        ("records events", .success(["logs", "topic"]), .pass, "configuration set signin records delivery events (logs, topic)"),
        ("no enabled destination", .success([]), .warn, "has no enabled event destination recording delivery events"),
        ("missing", .success(nil), .fail, "configuration set signin does not exist"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read"),
    ]

    @Test(arguments: configurationSetCases)
    func configurationSet(_ row: (String, DoctorFact<[String]?>, DoctorOutcome, String)) {
        var facts = Self.eumPool(policies: Self.inline(SmsRoleDocuments.sendPolicy(account: Fixtures.account)))
        facts.configurationSet = ConfigurationSetFacts(name: "signin", enabledDestinations: row.1)
        let check = PoolChecks.evaluate(facts, inSandbox: false).first { $0.check == "sms-configuration-set" }
        #expect(check?.result == row.2, "\(row.0)")
        #expect(check?.message.contains(row.3) == true, "\(row.0): \(check?.message ?? "")")
    }

    /// Only an enabled destination matching a delivery outcome (or all text events) counts as recording delivery.
    static let deliveryCases: [(String, JSONValue, Bool)] = [
        ("all text events", ["Enabled": true, "MatchingEventTypes": .strings(["TEXT_ALL"])], true),
        ("carrier unreachable", ["Enabled": true, "MatchingEventTypes": .strings(["TEXT_QUEUED", "TEXT_CARRIER_UNREACHABLE"])], true),
        ("queued and sent only", ["Enabled": true, "MatchingEventTypes": .strings(["TEXT_QUEUED", "TEXT_SENT"])], false),
        ("voice only", ["Enabled": true, "MatchingEventTypes": .strings(["VOICE_ALL"])], false),
        ("disabled", ["Enabled": false, "MatchingEventTypes": .strings(["TEXT_ALL"])], false),
    ]

    @Test(arguments: deliveryCases)
    func destinationRecordsDelivery(_ row: (String, JSONValue, Bool)) {
        #expect(DoctorReader.recordsDelivery(row.1) == row.2, "\(row.0)")
    }

    static let protectionCases: [(String, DoctorFact<ProtectionFacts?>, DoctorOutcome, String)] = [
        ("none", .success(nil), .warn, "no account-default protect configuration"),
        ("allows every country", .success(ProtectionFacts(id: "protect-1", smsRules: ["US": "ALLOW", "FR": "MONITOR"])),
         .warn, "protect configuration protect-1 allows SMS to every country"),
        ("allows two", .success(ProtectionFacts(id: "protect-1", smsRules: ["US": "ALLOW", "CA": "ALLOW", "FR": "BLOCK"])),
         .pass, "protect configuration protect-1 limits SMS to CA, US"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read"),
    ]

    @Test(arguments: protectionCases)
    func protection(_ row: (String, DoctorFact<ProtectionFacts?>, DoctorOutcome, String)) {
        var region = Fixtures.region()
        region.protection = row.1
        let checks = RegionChecks.evaluate(region)
        let check = checks.last
        #expect(check?.check == "sms-protection")
        #expect(check?.result == row.2, "\(row.0)")
        #expect(check?.message.contains(row.3) == true, "\(row.0): \(check?.message ?? "")")
    }

    @Test func protectionIsNotCheckedWhenNotRead() {
        #expect(!RegionChecks.evaluate(Fixtures.region()).map(\.check).contains("sms-protection"))
    }
}
