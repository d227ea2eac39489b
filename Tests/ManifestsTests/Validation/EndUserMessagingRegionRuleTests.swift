import Testing
@testable import Manifests

/// `eum-region-unsupported`: End User Messaging kinds only in regions that offer End User Messaging SMS.
@Suite struct EndUserMessagingRegionRuleTests {
    typealias F = Fixtures

    /// An SmsRole granting End User Messaging.
    static let eumRole = F.doc("SmsRole", "role", ["roleName: r", "externalId: e", "service: endUserMessaging"], [])

    /// The UserPool `pool` on End User Messaging (with `lines` first in its spec) and its role.
    static func eumPool(_ lines: [String] = []) -> String {
        F.docs(F.doc("UserPool", "pool", lines + ["poolName: p", "smsRole: role", "smsService: endUserMessaging"], []),
               eumRole)
    }

    /// The ConfigurationSet `events` in `region`.
    static func set(_ region: String) -> String {
        F.doc("ConfigurationSet", "events", ["region: \(region)", "name: signin-events"], [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("configuration set in a region with End User Messaging", set("eu-west-1")),
        ValidationCase("configuration set in a region without", set("ap-east-1"),
                       ["t.yaml:5:11: error: ConfigurationSet 'events' uses AWS End User Messaging SMS, which "
                        + "ap-east-1 does not offer: choose a region that has it"]),
        ValidationCase("protection in a default region without",
                       F.doc("SmsProtection", "shield", ["sms: {allow: [IE]}", "accountDefault: true"], []),
                       ["t.yaml:2:7: error: SmsProtection 'shield' uses AWS End User Messaging SMS, which the default "
                        + "region, ap-southeast-7, does not offer: choose a region that has it"],
                       region: "ap-southeast-7"),
        ValidationCase("protection in a default region with",
                       F.doc("SmsProtection", "shield", ["sms: {allow: [IE]}", "accountDefault: true"], []),
                       region: "ap-southeast-2"),
        ValidationCase("origination identity in another partition's region without",
                       F.tollFree.replacingOccurrences(of: "region: us-east-1", with: "region: cn-north-1"),
                       ["t.yaml:5:11: error: OriginationIdentity 'tf' uses AWS End User Messaging SMS, which "
                        + "cn-north-1 does not offer: choose a region that has it"]),
        ValidationCase("end user messaging pool in a region without", eumPool(["region: us-isof-south-1"]),
                       ["t.yaml:5:11: error: UserPool 'pool' uses AWS End User Messaging SMS, which us-isof-south-1 "
                        + "does not offer: choose a region that has it"]),
        ValidationCase("end user messaging pool in a default region without: at smsService", eumPool(),
                       ["t.yaml:7:15: error: UserPool 'pool' uses AWS End User Messaging SMS, which the default "
                        + "region, eu-isoe-west-1, does not offer: choose a region that has it"],
                       region: "eu-isoe-west-1"),
        ValidationCase("sns pool in a region without End User Messaging",
                       F.docs(F.doc("UserPool", "pool", ["region: ap-east-1", "poolName: p", "smsRole: role"], []),
                              F.role)),
        ValidationCase("sandbox number in End User Messaging's sandbox in a region without",
                       F.doc("SandboxNumber", "qa", ["region: ap-east-1", "phoneNumber: \"+447700900123\"",
                                                     "service: endUserMessaging"], []),
                       ["t.yaml:5:11: error: SandboxNumber 'qa' uses AWS End User Messaging SMS, which ap-east-1 "
                        + "does not offer: choose a region that has it"]),
        ValidationCase("sandbox number in SNS's sandbox in a region without End User Messaging",
                       F.doc("SandboxNumber", "qa", ["region: ap-east-1", "phoneNumber: \"+447700900123\""], [])),
        ValidationCase("a region botocore does not know is not refused", set("eu-west-9")),
        ValidationCase("no region known", set("ap-east-1").replacingOccurrences(of: "  region: ap-east-1\n", with: "")),
    ]

    @Test(arguments: cases)
    func endUserMessagingRegionRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }
}
