import Testing
@testable import Manifests

/// SmsLogRole manifests and the SmsAccountSettings reference to them (`spec.deliveryStatus`): one valid case and
/// the invalid ones, with exact message and location.
@Suite struct LogRoleRuleTests {
    typealias F = Fixtures

    /// A valid SmsLogRole named `logs`.
    static let logRole = F.doc("SmsLogRole", "logs", ["roleName: sns-logs"], [])

    /// SmsAccountSettings in us-east-1 with `spec` lines.
    static func settings(_ spec: [String]) -> String {
        F.doc("SmsAccountSettings", "us-east-1", ["region: us-east-1"] + spec, [])
    }

    static let cases: [ValidationCase] = [
        ValidationCase("log role valid", F.doc("SmsLogRole", "logs", [
            "roleName: sns-logs", "path: /service-role/", "description: d", "maxSessionDurationSeconds: 3600",
            "permissionsBoundaryArn: arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "tags: {Team: Ops}",
        ], [])),
        ValidationCase("log role adopt valid", F.doc("SmsLogRole", "logs", ["roleName: r", "adopt: r"], [])),
        ValidationCase("log role name required", F.doc("SmsLogRole", "logs", ["path: /"], []),
                       ["t.yaml:5:3: error: missing required field 'roleName' in 'spec'"]),
        ValidationCase("log role has no external id", F.doc("SmsLogRole", "logs", ["roleName: r", "externalId: e"], []),
                       ["t.yaml:6:3: error: unknown field 'externalId' in 'spec'"]),
        ValidationCase("log role path invalid", F.doc("SmsLogRole", "logs", ["roleName: r", "path: logs"], []),
                       ["t.yaml:6:9: error: IAM path 'logs' must be '/' or start and end with '/' (like /service-role/)"]),
        ValidationCase("log role name has a space", F.doc("SmsLogRole", "logs", ["roleName: bad name!"], []),
                       ["t.yaml:5:13: error: IAM role name 'bad name!' must be 1-64 letters, digits or +=,.@_- characters"]),
        ValidationCase("log role name too long", F.doc("SmsLogRole", "logs", ["roleName: " + String(repeating: "r", count: 65)], []),
                       ["t.yaml:5:13: error: IAM role name '\(String(repeating: "r", count: 65))' must be 1-64 letters, "
                        + "digits or +=,.@_- characters"]),
        ValidationCase("SMS role name with IAM's punctuation is valid", F.doc("SmsRole", "role", [
            "roleName: cognito+sms=a,b.c@d_e-f", "externalId: e"], []), []),
        ValidationCase("SMS role name invalid", F.doc("SmsRole", "role", ["roleName: \"r/x\"", "externalId: e"], []),
                       ["t.yaml:5:13: error: IAM role name 'r/x' must be 1-64 letters, digits or +=,.@_- characters"]),
        ValidationCase("log role adopting another role", F.doc("SmsLogRole", "logs", [
            "roleName: x-role", "adopt: arn:aws:iam::123456789012:role/service-role/y-role"], []),
                       ["t.yaml:6:10: error: spec.adopt names the role 'y-role' but spec.roleName is 'x-role': adopt "
                        + "the role the manifest names"]),
        ValidationCase("log role adopting its own role by ARN", F.doc("SmsLogRole", "logs", [
            "roleName: x-role", "adopt: arn:aws:iam::123456789012:role/X-Role"], []), []),
        ValidationCase("flat delivery-status role is not an ARN", Self.settings(["deliveryStatusRoleArn: not-an-arn"]),
                       ["t.yaml:6:26: error: 'not-an-arn' is not an IAM role ARN (like "
                        + "arn:aws:iam::123456789012:role/sns-delivery-status); leave it empty to turn logging off"]),
        ValidationCase("flat delivery-status role ARN, or empty", Self.settings([
            "deliveryStatusRoleArn: arn:aws-us-gov:iam::123456789012:role/logs/sns-delivery"]), []),
        ValidationCase("log role session range", F.doc("SmsLogRole", "logs", ["roleName: r",
                                                                              "maxSessionDurationSeconds: 60"], []),
                       ["t.yaml:6:30: error: 'spec.maxSessionDurationSeconds' must be between 3600 and 43200, found 60"]),
        ValidationCase("log role and SMS role share a name",
                       F.docs(F.doc("SmsLogRole", "logs", ["roleName: Shared"], []),
                              F.doc("SmsRole", "role", ["roleName: shared", "externalId: e"], [])),
                       ["t.yaml:11:13: error: SmsRole 'role' claims IAM role 'shared', already claimed by SmsLogRole "
                        + "'logs' (spec.roleName at t.yaml:5:13): one AWS resource can be managed by one manifest only"]),
        ValidationCase("delivery status valid",
                       F.docs(settings(["deliveryStatus: {role: logs, successSamplingRate: 10}"]), logRole)),
        ValidationCase("delivery status role required", F.docs(settings(["deliveryStatus: {successSamplingRate: 10}"])),
                       ["t.yaml:6:19: error: missing required field 'role' in 'spec.deliveryStatus'"]),
        ValidationCase("delivery status rate range",
                       F.docs(settings(["deliveryStatus: {role: logs, successSamplingRate: 101}"]), logRole),
                       ["t.yaml:6:53: error: 'spec.deliveryStatus.successSamplingRate' must be between 0 and 100, "
                        + "found 101"]),
        ValidationCase("delivery status role missing", settings(["deliveryStatus: {role: gone}"]),
                       ["t.yaml:6:26: error: SmsAccountSettings 'us-east-1' refers to SmsLogRole 'gone', which is "
                        + "not defined"]),
        ValidationCase("delivery status names an SMS role", F.docs(settings(["deliveryStatus: {role: role}"]), F.role),
                       ["t.yaml:6:26: error: SmsAccountSettings 'us-east-1' refers to SmsLogRole 'role', which is "
                        + "not defined (a SmsRole named 'role' exists, but a SmsLogRole is needed)"]),
        ValidationCase("delivery status both forms",
                       F.docs(settings(["deliveryStatus: {role: logs}",
                                        "deliveryStatusRoleArn: arn:aws:iam::123456789012:role/other",
                                        "deliveryStatusSuccessSamplingRate: 5"]), logRole),
                       ["t.yaml:7:26: error: 'spec.deliveryStatusRoleArn' and 'spec.deliveryStatus' (role logs) are "
                        + "exclusive: name an SmsLogRole in deliveryStatus, or give a role managed elsewhere in "
                        + "deliveryStatusRoleArn and deliveryStatusSuccessSamplingRate",
                        "t.yaml:8:38: error: 'spec.deliveryStatusSuccessSamplingRate' and 'spec.deliveryStatus' (role "
                        + "logs) are exclusive: name an SmsLogRole in deliveryStatus, or give a role managed elsewhere "
                        + "in deliveryStatusRoleArn and deliveryStatusSuccessSamplingRate"]),
        ValidationCase("flat delivery status fields still valid",
                       settings(["deliveryStatusRoleArn: arn:aws:iam::123456789012:role/other",
                                 "deliveryStatusSuccessSamplingRate: 5"])),
    ]

    @Test(arguments: cases)
    func logRoleRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    /// The reference is declared once, so the settings depend on the role and are applied after it.
    @Test func settingsDependOnTheLogRoleTheyName() throws {
        let loaded = ManifestLoader().load(text: F.docs(Self.settings(["deliveryStatus: {role: logs}"]), Self.logRole),
                                           file: "t.yaml")
        let settings = try #require(loaded.manifests.first { $0.kind == .smsAccountSettings })
        #expect(ResourceKind.smsAccountSettings.relations.dependencyKinds == [.smsLogRole])
        #expect(settings.references.map(\.target) == [ResourceID(.smsLogRole, "logs")])
        #expect(ResourceKind.smsLogRole.applyRank < ResourceKind.smsAccountSettings.applyRank)
    }
}
