import AWSServices
import Testing
@testable import Reconciler

/// `sms-delivery-logging` (pure): pass only for a role SNS may assume with every logs permission; everything else
/// warns, never fails.
@Suite struct DoctorDeliveryLoggingTests {
    static let arn = "arn:aws:iam::123456789012:role/service-role/sns-logs"
    static let trust = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"], "Action": "sts:AssumeRole"]],
    ])
    static let logs = PolicyDocument([
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Resource": "*", "Action": [
            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter",
            "logs:PutRetentionPolicy",
        ]]],
    ])

    /// The checks of a region whose delivery-status facts are `logging`.
    static func checks(_ logging: DoctorFact<DeliveryLoggingFacts>) -> [DoctorCheck] {
        let facts = RegionFacts(region: "eu-west-1", inSandbox: .success(false), destinations: .success([]),
                                usNumbers: .success([]), monthlySpendLimit: .success("10"), deliveryLogging: logging)
        return RegionChecks.evaluate(facts).filter { $0.check == "sms-delivery-logging" }
    }

    /// A role named `sns-logs` with `trust` and `policies`.
    static func role(trust: PolicyDocument? = trust, _ policies: [PolicyDocument]) -> DoctorFact<DeliveryLoggingFacts> {
        let snapshot = RoleSnapshot(name: "sns-logs", arn: arn, trustPolicy: trust,
                                    policies: policies.map { RolePolicy(label: "inline policy p", document: $0) })
        return .success(DeliveryLoggingFacts(roleArn: arn, role: .success(snapshot)))
    }

    @Test func aRoleSnsMayAssumeWithTheLogsPermissionsPasses() throws {
        let check = try #require(Self.checks(Self.role([Self.logs])).first)
        #expect(check.result == .pass)
        #expect(check.message == "SMS delivery-status logging is on: SNS logs through role sns-logs, which trusts "
                + "sns.amazonaws.com and may write CloudWatch Logs")
    }

    @Test func loggingOffWarnsWithTheFix() throws {
        let check = try #require(Self.checks(.success(DeliveryLoggingFacts(roleArn: nil, role: nil))).first)
        #expect(check.result == .warn)
        #expect(check.message.contains("SMS delivery-status logging is off"))
        #expect(check.fix?.contains("SmsLogRole") == true && check.fix?.contains("spec.deliveryStatus.role") == true)
    }

    @Test func aBrokenRoleWarnsAndNeverFails() throws {
        let cognitoTrust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"],
                           "Action": "sts:AssumeRole"]],
        ])
        let partial = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Resource": "*", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"]]],
        ])
        let denied = PolicyDocument([
            "Version": "2012-10-17", "Statement": [["Effect": "Deny", "Resource": "*", "Action": "logs:Put*"]],
        ])
        let cases: [(DoctorFact<DeliveryLoggingFacts>, String)] = [
            (Self.role(trust: cognitoTrust, [Self.logs]), "does not let sns.amazonaws.com assume it"),
            (Self.role([partial]), "may not logs:CreateLogGroup, logs:PutMetricFilter, logs:PutRetentionPolicy on"),
            (Self.role([Self.logs, denied]), "may not logs:PutLogEvents, logs:PutMetricFilter, logs:PutRetentionPolicy"),
            (.success(DeliveryLoggingFacts(roleArn: Self.arn, role: .success(nil))), "which does not exist"),
            (.success(DeliveryLoggingFacts(roleArn: "sns-logs", role: nil)), "is not an IAM role ARN"),
        ]
        for (facts, message) in cases {
            let check = try #require(Self.checks(facts).first)
            #expect(check.result == .warn && check.message.contains(message), "\(check.message)")
        }
    }

    /// Policies written the other ways IAM allows are read as IAM reads them: no false pass for a trust SNS cannot
    /// use, no false warning for a grant that covers SNS's log groups.
    @Test(arguments: [
        ("an unconditional Deny of SNS in the trust", [["Effect": "Deny", "Principal": ["Service": "sns.amazonaws.com"],
                                                         "Action": "sts:AssumeRole"]], nil, false),
        ("a Deny of every principal in the trust", [["Effect": "Deny", "Principal": "*", "Action": "sts:*"]], nil, false),
        ("aws:SourceAccount of another account", [["Condition": ["StringEquals": ["aws:SourceAccount": "999999999999"]]]],
         nil, false),
        ("aws:SourceAccount of this account", [["Condition": ["StringEquals": ["aws:SourceAccount": "123456789012"]]]],
         nil, true),
        ("NotAction allowing every logs action", nil,
         ["Effect": "Allow", "Resource": "*", "NotAction": ["iam:*", "sts:*"]], true),
        ("every logs ARN", nil, ["Effect": "Allow", "Resource": "arn:aws:logs:*:*:*", "Action": "logs:*"], true),
        ("the SNS log groups of this region", nil,
         ["Effect": "Allow", "Action": "logs:*",
          "Resource": "arn:aws:logs:eu-west-1:123456789012:log-group:sns/eu-west-1/123456789012/DirectPublishToPhoneNumber*"],
         true),
        ("another region's log groups only", nil,
         ["Effect": "Allow", "Action": "logs:*", "Resource": "arn:aws:logs:us-east-1:*:*"], false),
        ("NotResource excluding the SNS groups", nil,
         ["Effect": "Allow", "Action": "logs:*", "NotResource": "arn:aws:logs:*:*:log-group:sns/*"], false),
        ("a Deny of everyone but the account root (NotPrincipal)",
         [["Effect": "Deny", "NotPrincipal": ["AWS": "arn:aws:iam::123456789012:root"], "Action": "sts:AssumeRole"]],
         nil, false),
        ("aws:sourceaccount in another case naming another account",
         [["Condition": ["StringEquals": ["aws:sourceaccount": "999999999999"]]]], nil, false),
        ("aws:SourceArn of another account", [["Condition": ["ArnLike": ["aws:SourceArn": "arn:aws:sns:*:999999999999:*"]]]],
         nil, false),
        ("aws:SourceArn of this account", [["Condition": ["ArnLike": ["aws:SourceArn": "arn:aws:sns:*:123456789012:*"]]]],
         nil, true),
        ("resource ARNs are case-sensitive", nil,
         ["Effect": "Allow", "Action": "logs:*", "Resource": "arn:aws:logs:*:*:log-group:SNS/*"], false),
        ("an Allow limited to another region", nil,
         ["Effect": "Allow", "Action": "logs:*", "Resource": "*",
          "Condition": ["StringEquals": ["aws:RequestedRegion": "us-east-1"]]], false),
        ("an Allow limited to this region", nil,
         ["Effect": "Allow", "Action": "logs:*", "Resource": "*",
          "Condition": ["StringEquals": ["aws:RequestedRegion": "eu-west-1"]]], true),
    ] as [(String, [[String: JSONValue]]?, [String: JSONValue]?, Bool)])
    func policiesAreReadAsIAMReadsThem(_ label: String, trustExtra: [[String: JSONValue]]?,
                                       grant: [String: JSONValue]?, passes: Bool) throws {
        var trust = Self.trust
        if let trustExtra {
            var statements: [JSONValue] = [["Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"],
                                            "Action": "sts:AssumeRole"]]
            for extra in trustExtra {
                if extra["Effect"] != nil {
                    statements.append(.object(extra))
                } else {
                    statements[0] = .object(["Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"],
                                             "Action": "sts:AssumeRole"].merging(extra) { $1 })
                }
            }
            trust = PolicyDocument(["Version": "2012-10-17", "Statement": .array(statements)])
        }
        let logs = grant.map { PolicyDocument(["Version": "2012-10-17", "Statement": [.object($0)]]) } ?? Self.logs
        let check = try #require(Self.checks(Self.role(trust: trust, [logs])).first)
        #expect((check.result == .pass) == passes, "\(label): \(check.message)")
    }

    /// A trust that lets every principal assume the role lets SNS too; a Deny of logs only over plain HTTP
    /// (`aws:SecureTransport` false) does not stop SNS.
    @Test func everyPrincipalAndAConditionalDenyAreReadAsIAMReadsThem() throws {
        let anyone = PolicyDocument(["Version": "2012-10-17",
                                     "Statement": [["Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"]]])
        #expect(try #require(Self.checks(Self.role(trust: anyone, [Self.logs])).first).result == .pass)
        let plainHttp = PolicyDocument(["Version": "2012-10-17", "Statement": [[
            "Effect": "Deny", "Action": "logs:*", "Resource": "*",
            "Condition": ["Bool": ["aws:SecureTransport": "false"]],
        ]]])
        #expect(try #require(Self.checks(Self.role([Self.logs, plainHttp])).first).result == .pass)
    }

    /// Facts the caller did not ask for add no check (other commands' region facts are unchanged).
    @Test func unreadFactsAddNoCheck() {
        let facts = RegionFacts(region: "eu-west-1", inSandbox: .success(false), destinations: .success([]),
                                usNumbers: .success([]), monthlySpendLimit: .success("10"))
        #expect(!RegionChecks.evaluate(facts).contains { $0.check == "sms-delivery-logging" })
    }
}
