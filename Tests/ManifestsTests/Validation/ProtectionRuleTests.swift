import Testing
@testable import Manifests

/// SmsProtection manifests: one valid case and the invalid ones (country codes, list combinations, what the
/// configuration is attached to), with exact message and location.
@Suite struct ProtectionRuleTests {
    typealias F = Fixtures

    /// An SmsProtection `shield` in us-east-1 with `spec` lines after its region.
    static func protection(_ spec: [String], name: String = "shield") -> String {
        F.doc("SmsProtection", name, ["region: us-east-1"] + spec, [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("protection valid", protection([
            "sms: {allow: [US, CA], monitor: [MX], filter: [GB]}", "voice: {block: [RU]}", "mms: {allow: [US]}",
            "accountDefault: true", "deletionProtection: true", "tags: {Team: Ops}",
        ])),
        ValidationCase("unknown country", protection(["sms: {allow: [US, XX]}", "accountDefault: true"]),
                       ["t.yaml:6:21: error: spec.sms.allow[1]: 'XX' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. US)"]),
        ValidationCase("allow and block", protection(["sms: {allow: [US], block: [CA]}", "accountDefault: true"]),
                       ["t.yaml:6:29: error: spec.sms.block: give either 'allow' (block every other country) or 'block' (allow every "
                        + "other country), not both"]),
        ValidationCase("country named twice", protection(["sms: {allow: [US], monitor: [US]}", "accountDefault: true"]),
                       ["t.yaml:6:32: error: spec.sms.monitor[0]: US is named as both ALLOW and MONITOR"]),
        ValidationCase("monitor is SMS only", protection(["voice: {monitor: [US]}", "accountDefault: true"]),
                       ["t.yaml:6:11: error: unknown field 'monitor' in 'spec.voice'"]),
        ValidationCase("allows no country", protection(["sms: {allow: []}", "accountDefault: true"]),
                       ["t.yaml:6:16: warning: spec.sms: no country is allowed: every SMS this configuration governs is "
                        + "blocked, sign-in codes included; list the countries your users are in under 'allow'"]),
        ValidationCase("blocks some, allows one monitored", protection(["sms: {allow: [], monitor: [IE]}", "accountDefault: true"])),
        ValidationCase("governs nothing", protection(["sms: {allow: [US]}"]), ["t.yaml:3:18: warning: spec: this protect configuration governs no message: set 'accountDefault: true' or "
                        + "name configuration sets in 'configurationSets'"]),
        ValidationCase("a set named twice", F.docs(protection(["configurationSets: [events, events]"]),
                                                   F.doc("ConfigurationSet", "events", ["region: us-east-1", "name: e"], [])),
                       ["t.yaml:6:31: error: spec.configurationSets[1]: ConfigurationSet 'events' is named twice (a configuration set "
                        + "has one protect configuration)"]),
        ValidationCase("an unknown set", protection(["configurationSets: [nothing]"]), ["t.yaml:6:23: error: SmsProtection 'shield' refers to ConfigurationSet 'nothing', which is not defined"]),
        ValidationCase("two account defaults in one region", F.docs(protection(["accountDefault: true"]),
                                                                    protection(["accountDefault: true"], name: "other")),
                       ["t.yaml:13:19: error: SmsProtection 'other' claims the account default protect configuration in region "
                        + "us-east-1, already claimed by SmsProtection 'shield' (spec.accountDefault at t.yaml:6:19): one AWS "
                        + "resource can be managed by one manifest only"]),
    ]

    @Test(arguments: cases)
    func protectionRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    /// The reference is declared once, so the protection depends on the sets it names and is applied after them.
    @Test func protectionDependsOnTheSetsItNames() throws {
        let loaded = ManifestLoader().load(text: F.docs(Self.protection(["configurationSets: [events]"]),
                                                        F.doc("ConfigurationSet", "events", ["region: us-east-1", "name: e"], [])),
                                           file: "t.yaml")
        let protection = try #require(loaded.manifests.first { $0.kind == .smsProtection })
        #expect(protection.references.map(\.target) == [ResourceID(.configurationSet, "events")])
        #expect(ResourceKind.configurationSet.applyRank < ResourceKind.smsProtection.applyRank)
    }
}
