import AWSServices
import Testing
@testable import Reconciler

/// `sms-event-destination` (pure): a CloudWatch Logs destination's role exists, trusts sms-voice.amazonaws.com and
/// may write the log group; an SNS destination's topic exists; anything else fails naming the destination.
@Suite struct DoctorEventDestinationTests {
    typealias Fixtures = DoctorFixtures
    static let group = "arn:aws:logs:eu-west-1:123456789012:log-group:/sms/signin"
    static let roleArn = "arn:aws:iam::123456789012:role/sms-voice-event-logs"
    static let topic = "arn:aws:sns:eu-west-1:123456789012:sms-failures"

    /// A role trusted by `service`, with one inline policy of `statements`.
    static func role(service: String = "sms-voice.amazonaws.com", _ statements: [JSONValue]) -> DoctorFact<RoleSnapshot?> {
        .success(RoleSnapshot(name: "sms-voice-event-logs", arn: roleArn,
                              trustPolicy: Fixtures.trust(externalId: nil, account: nil, service: service),
                              policies: [RolePolicy(label: "inline policy logs",
                                                    document: PolicyDocument(["Version": "2012-10-17",
                                                                              "Statement": .array(statements)]))]))
    }

    static func statement(_ effect: String = "Allow", actions: [String] = ["logs:CreateLogStream", "logs:PutLogEvents"],
                          resource: String = "\(group):*") -> JSONValue {
        ["Effect": .string(effect), "Action": .strings(actions), "Resource": .string(resource)]
    }

    static func logs(_ role: DoctorFact<RoleSnapshot?>?, arn: String = roleArn) -> EventDestinationFacts {
        EventDestinationFacts(name: "signin-logs", target: .cloudWatchLogs(logGroupArn: group, roleArn: arn, role: role))
    }

    static func sns(_ exists: DoctorFact<Bool>) -> EventDestinationFacts {
        EventDestinationFacts(name: "signin-failures", target: .sns(topicArn: topic, exists: exists))
    }

    static let cases: [(String, [EventDestinationFacts], DoctorOutcome, String)] = [
        ("writable log group and topic", [logs(role([statement()])), sns(.success(true))], .pass,
         "configuration set signin can write its delivery events (signin-logs: CloudWatch Logs through \(roleArn); "
            + "signin-failures: SNS topic \(topic))"),
        ("logs:* on every resource", [logs(role([statement(actions: ["logs:*"], resource: "*")]))], .pass, "can write"),
        ("the stream pattern", [logs(role([statement(resource: "\(group):log-stream:*")]))], .pass, "can write"),
        ("firehose only", [EventDestinationFacts(name: "stream", target: .firehose(deliveryStreamArn: "arn:aws:firehose:x"))],
         .pass, "stream: Firehose, not checked"),
        ("role missing", [logs(.success(nil))], .fail,
         "configuration set signin: event destination signin-logs: role \(roleArn) does not exist"),
        ("role unreadable", [logs(.failure(Fixtures.readError))], .fail, "role \(roleArn) could not be read"),
        ("not a role ARN", [logs(nil, arn: "arn:aws:iam::123456789012:user/x")], .fail, "is not an IAM role ARN"),
        ("trusts SNS, not sms-voice", [logs(role(service: "sns.amazonaws.com", [statement()]))], .fail,
         "event destination signin-logs: role sms-voice-event-logs does not let sms-voice.amazonaws.com assume it"),
        ("no PutLogEvents", [logs(role([statement(actions: ["logs:CreateLogStream"])]))], .fail,
         "role sms-voice-event-logs may not logs:PutLogEvents on \(group)"),
        ("another log group", [logs(role([statement(resource: "arn:aws:logs:eu-west-1:123456789012:log-group:/other:*")]))],
         .fail, "may not logs:CreateLogStream, logs:PutLogEvents on \(group)"),
        ("denied", [logs(role([statement(), statement("Deny", actions: ["logs:PutLogEvents"], resource: "*")]))], .fail,
         "may not logs:PutLogEvents"),
        ("topic missing", [logs(role([statement()])), sns(.success(false))], .fail,
         "configuration set signin: event destination signin-failures: SNS topic \(topic) does not exist"),
        ("topic unreadable", [sns(.failure(Fixtures.readError))], .fail, "SNS topic \(topic) could not be read"),
    ]

    @Test(arguments: cases)
    func destinations(_ row: (String, [EventDestinationFacts], DoctorOutcome, String)) throws {
        var facts = DoctorEndUserMessagingTests.eumPool(policies: [])
        facts.configurationSet = ConfigurationSetFacts(name: "signin", enabledDestinations: .success(row.1.map(\.name)),
                                                       destinations: row.1)
        let check = try #require(PoolChecks.evaluate(facts, inSandbox: false).first { $0.check == "sms-event-destination" })
        #expect(check.result == row.2, "\(row.0): \(check.message)")
        #expect(check.message.contains(row.3), "\(row.0): \(check.message)")
        #expect((check.fix == nil) == (row.2 == .pass), "\(row.0)")
    }

    @Test func theFixNamesWhatIsMissing() throws {
        let facts = ConfigurationSetFacts(name: "signin", enabledDestinations: .success(["signin-logs", "signin-failures"]),
                                          destinations: [Self.logs(.success(nil)), Self.sns(.success(false))])
        let check = try #require(EventDestinationChecks.check(DoctorEndUserMessagingTests.eumPool(policies: []), facts))
        #expect(check.fix == "create the role \(Self.roleArn), trusting sms-voice.amazonaws.com and allowed "
                + "logs:CreateLogStream and logs:PutLogEvents on \(Self.group), or point signin-logs at a role that exists; "
                + "create the topic \(Self.topic) or point signin-failures at an existing topic")
    }

    @Test func aSetWithoutDestinationsToCheckHasNoCheck() {
        let facts = ConfigurationSetFacts(name: "signin", enabledDestinations: .success([]))
        #expect(EventDestinationChecks.check(DoctorEndUserMessagingTests.eumPool(policies: []), facts) == nil)
    }

    @Test func regionOfArn() {
        #expect(DoctorReader.region(ofArn: Self.topic) == "eu-west-1")
        #expect(DoctorReader.region(ofArn: "arn:aws:iam::123456789012:role/x") == nil)
        #expect(DoctorReader.region(ofArn: "not-an-arn") == nil)
    }
}
