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

    /// Facts the caller did not ask for add no check (other commands' region facts are unchanged).
    @Test func unreadFactsAddNoCheck() {
        let facts = RegionFacts(region: "eu-west-1", inSandbox: .success(false), destinations: .success([]),
                                usNumbers: .success([]), monthlySpendLimit: .success("10"))
        #expect(!RegionChecks.evaluate(facts).contains { $0.check == "sms-delivery-logging" })
    }
}
