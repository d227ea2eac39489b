import Testing
@testable import Manifests

/// ConfigurationSet manifests and the UserPool reference to them (`spec.smsConfigurationSetRef`): one valid case and
/// the invalid ones, with exact message and location.
@Suite struct ConfigurationSetRuleTests {
    typealias F = Fixtures

    /// An End User Messaging SMS role named `role`.
    static let eumRole = SmsServiceRuleTests.eumRole

    /// A ConfigurationSet `events` with `spec` lines after its name.
    static func set(_ spec: [String] = []) -> String {
        F.doc("ConfigurationSet", "events", ["name: signin-events"] + spec, [])
    }

    /// A pool on End User Messaging with `spec` lines after its role and service.
    static func pool(_ spec: [String]) -> String {
        F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsService: endUserMessaging"] + spec, [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("configuration set valid", set([
            "region: us-east-1", "defaultMessageType: TRANSACTIONAL", "defaultSenderId: MyApp", "tags: {Team: Ops}",
            "eventDestinations:",
            "  - {name: logs, matchingEventTypes: [TEXT_ALL], cloudWatchLogs: {logGroupArn: arn:aws:logs:us-east-1:1:log-group:g, iamRoleArn: arn:aws:iam::1:role/r}}",
            "  - {name: topic, enabled: false, matchingEventTypes: [TEXT_DELIVERED, TEXT_BLOCKED], sns: {topicArn: arn:aws:sns:us-east-1:1:t}}",
        ])),
        ValidationCase("name required", F.doc("ConfigurationSet", "events", ["defaultMessageType: PROMOTIONAL"], []),
                       ["t.yaml:5:3: error: missing required field 'name' in 'spec'"]),
        ValidationCase("name format", F.doc("ConfigurationSet", "events", ["name: sign in"], []),
                       ["t.yaml:5:9: error: 'sign in' is not a configuration set name: 1-64 letters, digits, '_' or '-'"]),
        ValidationCase("message type", set(["defaultMessageType: URGENT"]),
                       ["t.yaml:6:23: error: 'URGENT' is not a valid value for 'spec.defaultMessageType': expected "
                        + "one of TRANSACTIONAL, PROMOTIONAL"]),
        ValidationCase("sender id format", set(["defaultSenderId: MyApplication1"]),
                       ["t.yaml:6:20: error: 'MyApplication1' is not a sender ID: 1-11 letters, digits, '_' or '-'"]),
        ValidationCase("unknown event type", set([
            "eventDestinations:", "  - {name: t, matchingEventTypes: [TEXT_DELIVERY], sns: {topicArn: \"arn:aws:sns:us-east-1:1:a\"}}",
        ]), ["t.yaml:7:38: error: 'TEXT_DELIVERY' is not a valid value for "
             + "'spec.eventDestinations[0].matchingEventTypes[0]': expected one of "
             + SmsEventType.allCases.map(\.rawValue).joined(separator: ", ") + " (did you mean 'TEXT_DELIVERED'?)"]),
        ValidationCase("no target", set(["eventDestinations:", "  - {name: t, matchingEventTypes: [ALL]}"]),
                       ["t.yaml:7:7: error: event destination 't' needs exactly one of 'cloudWatchLogs' and 'sns' (it "
                        + "has 0)"]),
        ValidationCase("two targets", set([
            "eventDestinations:",
            "  - {name: t, matchingEventTypes: [ALL], sns: {topicArn: \"arn:aws:sns:us-east-1:1:a\"}, cloudWatchLogs: {logGroupArn: \"arn:aws:logs:us-east-1:1:log-group:g\", iamRoleArn: \"arn:aws:iam::1:role/r\"}}",
        ]), ["t.yaml:7:7: error: event destination 't' needs exactly one of 'cloudWatchLogs' and 'sns' (it has 2)"]),
        ValidationCase("no event types", set([
            "eventDestinations:", "  - {name: t, matchingEventTypes: [], sns: {topicArn: \"arn:aws:sns:us-east-1:1:a\"}}",
        ]), ["t.yaml:7:37: error: event destination 't' matches no event type: list at least one in "
             + "'matchingEventTypes'"]),
        ValidationCase("destination names unique", set([
            "eventDestinations:", "  - {name: t, matchingEventTypes: [ALL], sns: {topicArn: \"arn:aws:sns:us-east-1:1:a\"}}",
            "  - {name: t, matchingEventTypes: [ALL], sns: {topicArn: \"arn:aws:sns:us-east-1:1:b\"}}",
        ]), ["t.yaml:8:14: error: event destination 't' is listed twice (first at t.yaml:7:14): names are unique "
             + "in a configuration set"]),
        ValidationCase("arns", set([
            "eventDestinations:", "  - {name: t, matchingEventTypes: [ALL], cloudWatchLogs: {logGroupArn: g, iamRoleArn: \"arn:aws:iam::1:role/r\"}}",
        ]), ["t.yaml:7:74: error: 'g' is not an ARN: 'arn:' and 20-2048 characters without spaces"]),
        ValidationCase("topic required", set(["eventDestinations:", "  - {name: t, matchingEventTypes: [ALL], sns: {}}"]),
                       ["t.yaml:7:49: error: missing required field 'topicArn' in 'spec.eventDestinations[0].sns'"]),
        ValidationCase("two sets share a name",
                       F.docs(set(), F.doc("ConfigurationSet", "other", ["name: signin-events"], [])),
                       ["t.yaml:11:9: error: ConfigurationSet 'other' claims the configuration set named "
                        + "'signin-events' in the default region, already claimed by ConfigurationSet 'events' "
                        + "(spec.name at t.yaml:5:9): one AWS resource can be managed by one manifest only"]),
        ValidationCase("pool names the set manifest", F.docs(pool(["smsConfigurationSetRef: events"]), eumRole, set())),
        ValidationCase("pool names a missing set manifest", F.docs(pool(["smsConfigurationSetRef: gone"]), eumRole),
                       ["t.yaml:8:27: error: UserPool 'pool' refers to ConfigurationSet 'gone', which is not defined"]),
        ValidationCase("pool names the set both ways",
                       F.docs(pool(["smsConfigurationSetRef: events", "smsConfigurationSet: signin-events"]), eumRole,
                              set()),
                       ["t.yaml:8:27: error: 'spec.smsConfigurationSetRef' and 'spec.smsConfigurationSet' are "
                        + "exclusive: name a ConfigurationSet manifest, or a set managed elsewhere"]),
        ValidationCase("set manifest on sns", F.docs(
            F.doc("UserPool", "pool", ["poolName: p", "smsRole: role", "smsConfigurationSetRef: events"], []), F.role,
            set()),
                       ["t.yaml:7:27: error: 'spec.smsConfigurationSetRef' is only used with 'smsService: "
                        + "endUserMessaging' (SNS sends without configuration sets)"]),
    ]

    @Test(arguments: cases)
    func configurationSetRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    /// The reference is declared once, so the pool depends on the set and is applied after it.
    @Test func poolDependsOnTheSetItNames() throws {
        let loaded = ManifestLoader().load(text: F.docs(Self.pool(["smsConfigurationSetRef: events"]), Self.eumRole,
                                                        Self.set()), file: "t.yaml")
        let pool = try #require(loaded.manifests.first { $0.kind == .userPool })
        #expect(pool.references.map(\.target) == [ResourceID(.smsRole, "role"), ResourceID(.configurationSet, "events")])
        #expect(ResourceKind.configurationSet.applyRank < ResourceKind.userPool.applyRank)
    }
}
