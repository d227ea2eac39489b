import AWSServices
import Testing
@testable import Reconciler

/// `sms-role-exists`, `sms-role-trust` and `sms-role-publish`, one row per way they can come out.
@Suite struct DoctorSmsRoleChecksTests {
    typealias Fixtures = DoctorFixtures

    static let existsCases: [(String, DoctorFact<RoleSnapshot?>, DoctorOutcome, String)] = [
        ("found", .success(Fixtures.role()), .pass, "exists"),
        ("missing", .success(nil), .fail, "does not exist"),
        ("unreadable", .failure(Fixtures.readError), .fail, "could not be read"),
    ]

    @Test(arguments: existsCases)
    func exists(_ row: (String, DoctorFact<RoleSnapshot?>, DoctorOutcome, String)) {
        let role = Fixtures.roleFacts(live: row.1)
        let (check, live) = SmsRoleChecks.exists(Fixtures.pool(role: role), role: role)
        #expect(check.check == "sms-role-exists")
        #expect(check.result == row.2, "\(row.0)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
        #expect((live != nil) == (row.2 == .pass))
        #expect((check.fix == nil) == (row.2 == .pass))
    }

    @Test func missingUnmanagedRoleFixPointsAtTheArn() {
        let role = Fixtures.roleFacts(live: .success(nil), managed: false)
        let (check, _) = SmsRoleChecks.exists(Fixtures.pool(role: role), role: role)
        #expect(check.fix?.contains("smsRoleArn") == true)
    }

    static let trustCases: [(String, PolicyDocument?, String?, DoctorOutcome, String)] = [
        ("right id and account", Fixtures.trust(), "ext-1", .pass, "right external id and account"),
        ("wrong external id", Fixtures.trust(externalId: "other"), "ext-1", .fail, "only with external id other, but the pool uses ext-1"),
        ("other account", Fixtures.trust(account: "999999999999"), "ext-1", .fail, "only for account 999999999999"),
        ("no source account", Fixtures.trust(account: nil), "ext-1", .warn, "aws:SourceAccount"),
        ("no external id condition", Fixtures.trust(externalId: nil), "ext-1", .warn, "without an sts:ExternalId"),
        ("other service", Fixtures.trust(service: "sns.amazonaws.com"), "ext-1", .fail, "does not let cognito-idp.amazonaws.com"),
        ("other action", Fixtures.trust(action: "sts:TagSession"), "ext-1", .fail, "does not let"),
        ("wildcard action", Fixtures.trust(action: "sts:*"), "ext-1", .pass, "right external id"),
        ("no trust policy", nil, "ext-1", .fail, "does not let"),
        ("pool has no external id", Fixtures.trust(), nil, .fail, "the pool uses none"),
    ]

    @Test(arguments: trustCases)
    func trust(_ row: (String, PolicyDocument?, String?, DoctorOutcome, String)) {
        let role = Fixtures.roleFacts(expectedExternalId: row.2)
        let check = SmsRoleChecks.trust(Fixtures.pool(role: role), role: role, live: Fixtures.role(trust: row.1))
        #expect(check.check == "sms-role-trust")
        #expect(check.result == row.3, "\(row.0): \(check.message)")
        #expect(check.message.contains(row.4), "\(row.0): \(check.message)")
        #expect((check.fix == nil) == (row.3 == .pass))
    }

    static let publishCases: [(String, [RolePolicy], DoctorOutcome, String)] = [
        ("inline publish", [RolePolicy(label: "inline policy p", document: Fixtures.permission())], .pass, "inline policy p"),
        ("attached sns:*", [RolePolicy(label: "attached policy arn:aws:iam::aws:policy/AmazonSNSFullAccess",
                                       document: Fixtures.permission(action: "sns:*"))], .pass, "AmazonSNSFullAccess"),
        ("lower-case action", [RolePolicy(label: "inline policy p", document: Fixtures.permission(action: "SNS:publish"))], .pass, "may publish"),
        ("no policies", [], .fail, "has no permission policy"),
        ("other action", [RolePolicy(label: "inline policy p", document: Fixtures.permission(action: "sns:ListTopics"))], .fail, "no policy allowing sns:Publish"),
        ("narrow resource", [RolePolicy(label: "inline policy p",
                                        document: Fixtures.permission(resource: "arn:aws:sns:eu-west-1:123456789012:t"))], .fail, "no narrower resource"),
        ("denied", [RolePolicy(label: "inline policy p", document: Fixtures.permission()),
                    RolePolicy(label: "attached policy deny", document: Fixtures.permission(effect: "Deny", action: "sns:*"))], .fail, "attached policy deny denies sns:Publish"),
    ]

    @Test(arguments: publishCases)
    func publish(_ row: (String, [RolePolicy], DoctorOutcome, String)) {
        let role = Fixtures.roleFacts()
        let check = SmsRoleChecks.publish(Fixtures.pool(role: role), role: role, live: Fixtures.role(policies: row.1))
        #expect(check.check == "sms-role-publish")
        #expect(check.result == row.2, "\(row.0): \(check.message)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
    }

    static let globCases: [(String, String, Bool)] = [
        ("sns:Publish", "sns:Publish", true), ("sns:*", "sns:Publish", true), ("*", "sns:Publish", true),
        ("sns:Pub*", "sns:Publish", true), ("sns:Publis?", "sns:Publish", true), ("sns:List*", "sns:Publish", false),
        ("sns:Publish", "sns:PublishBatch", false), ("SNS:PUBLISH", "sns:Publish", true),
    ]

    @Test(arguments: globCases)
    func actionPatterns(_ row: (String, String, Bool)) {
        #expect(PolicyStatements.matches(pattern: row.0, row.1) == row.2, "\(row.0) vs \(row.1)")
    }

    @Test(arguments: [
        ("arn:aws:iam::123456789012:role/service-role/cognito-sms", "cognito-sms"),
        ("arn:aws:iam::123456789012:role/plain", "plain"),
        ("arn:aws:sns:us-east-1:123456789012:topic", nil),
        ("not-an-arn", nil),
    ] as [(String, String?)])
    func roleNameFromArn(_ row: (String, String?)) {
        #expect(RoleReader.roleName(fromArn: row.0) == row.1)
    }
}
