import Testing
@testable import Manifests

/// `SandboxNumber.spec.service`: which sandbox a number goes in, following the pools of its region.
@Suite struct SandboxRuleTests {
    typealias F = Fixtures

    /// A (UK: no US registration warnings) number in us-east-1, with `extra` spec lines.
    static func number(_ name: String = "qa", _ extra: [String] = []) -> String {
        F.doc("SandboxNumber", name, ["region: us-east-1", "phoneNumber: \"+447700900123\""] + extra, [])
    }

    static let snsRole = F.doc("SmsRole", "sns-role", ["roleName: s", "externalId: e"], [])
    static let eumRole = F.doc("SmsRole", "eum-role", ["roleName: u", "externalId: e", "service: endUserMessaging"], [])
    static let snsPool = F.doc("UserPool", "sns-pool", ["region: us-east-1", "poolName: s", "smsRole: sns-role"], [])
    static let eumPool = F.doc("UserPool", "eum-pool", ["region: us-east-1", "poolName: u", "smsRole: eum-role",
                                                        "smsService: endUserMessaging"], [])
    /// A pool in us-west-2 that sends through SNS from us-east-1 (`smsRegion`).
    static let remoteSnsPool = F.doc("UserPool", "remote", ["region: us-west-2", "poolName: r", "smsRole: sns-role",
                                                            "smsRegion: us-east-1"], [])

    static let cases: [ValidationCase] = [
        ValidationCase("no pools: SNS", number()),
        ValidationCase("pools on End User Messaging: its sandbox, no field needed", F.docs(number(), eumPool, eumRole)),
        ValidationCase("pools on both: the number must say", F.docs(number(), eumPool, eumRole, snsPool, snsRole),
                       ["t.yaml:6:16: error: UserPools in region us-east-1 send SMS through both SNS and End User "
                        + "Messaging, so the sandbox of SandboxNumber 'qa' is not known: set 'spec.service' (sns or "
                        + "endUserMessaging), and declare the number once more for the other sandbox if it should "
                        + "receive both"]),
        ValidationCase("an SNS pool sending from the number's region through smsRegion counts",
                       F.docs(number(), eumPool, eumRole, remoteSnsPool, snsRole),
                       ["t.yaml:6:16: error: UserPools in region us-east-1 send SMS through both SNS and End User "
                        + "Messaging, so the sandbox of SandboxNumber 'qa' is not known: set 'spec.service' (sns or "
                        + "endUserMessaging), and declare the number once more for the other sandbox if it should "
                        + "receive both"]),
        ValidationCase("pools on both, one number per sandbox",
                       F.docs(number("qa-sns", ["service: sns"]), number("qa-eum", ["service: endUserMessaging"]),
                              eumPool, eumRole, snsPool, snsRole)),
        ValidationCase("the same number twice in one sandbox",
                       F.docs(number("qa-sns", ["service: sns"]), number("qa-again", ["service: sns"])),
                       ["t.yaml:14:16: error: SandboxNumber 'qa-again' claims sandbox number +447700900123 in the SNS "
                        + "SMS sandbox of region us-east-1, already claimed by SandboxNumber 'qa-sns' (spec.phoneNumber at "
                        + "t.yaml:6:16): one AWS resource can be managed by one manifest only"]),
        ValidationCase("a service no pool of the region uses", F.docs(number("qa", ["service: sns"]), eumPool, eumRole),
                       ["t.yaml:7:12: warning: no UserPool sends SMS from region us-east-1 through sns: the number in "
                        + "the SNS SMS sandbox receives none of their codes; their service is endUserMessaging"]),
        ValidationCase("a pool in another region does not decide", F.docs(
            number(), F.doc("UserPool", "west", ["region: us-west-2", "poolName: w", "smsRole: eum-role",
                                                 "smsService: endUserMessaging"], []), eumRole)),
        ValidationCase("eleven End User Messaging numbers beside ten SNS ones",
                       (0...10).map { F.doc("SandboxNumber", "e\($0)", ["region: us-east-1",
                                                                        "phoneNumber: \"+14155550\(100 + $0)\"",
                                                                        "service: endUserMessaging"], []) }
                           .joined(separator: "---\n") + "---\n"
                           + (0...9).map { F.sandbox("s\($0)", "+14155550\(100 + $0)") }.joined(separator: "---\n"),
                       ["t.yaml:83:18: error: SandboxNumber 'e10' is number 11 in the End User Messaging SMS sandbox of "
                        + "region us-east-1, which allows at most 10"]),
    ]

    @Test(arguments: cases)
    func sandboxRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    @Test func resolveFollowsThePoolsOfTheRegion() throws {
        let manifests = ManifestLoader().load(text: F.docs(Self.eumPool, Self.eumRole, Self.remoteSnsPool), file: "t.yaml").manifests
        let spec = SandboxNumberSpec(phoneNumber: Located("+14155550123", at: SourceLocation(file: "t", line: 1, column: 1)))
        let services = PoolSmsServices(manifests: manifests, defaultRegion: nil)
        #expect(services.sendingFrom("us-east-1") == [.sns, .endUserMessaging])
        #expect(services.sendingFrom("eu-west-1").isEmpty)
        #expect(services.sandbox(of: spec, region: "us-east-1") == nil)
        #expect(services.sandbox(of: spec, region: "us-west-2") == .sns)
        #expect(services.sandbox(of: spec, region: "eu-west-1") == .sns)
        var chosen = spec
        chosen.service = Located(.endUserMessaging, at: SourceLocation(file: "t", line: 1, column: 1))
        #expect(services.sandbox(of: chosen, region: "us-east-1") == .endUserMessaging)
    }
}
