import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Pure plan decisions of the ConfigurationSet handler, and of a pool naming a ConfigurationSet manifest.
@Suite struct ConfigurationSetPlanTests {
    let handler = ConfigurationSetHandler()
    static let account = "123456789012"
    static let address = ResourceAddress(kind: .configurationSet, name: "events")
    static let logs: JSONValue = ["LogGroupArn": "arn:aws:logs:us-east-1:1:log-group:g", "IamRoleArn": "arn:aws:iam::1:role/r"]
    static let topic: JSONValue = ["TopicArn": "arn:aws:sns:us-east-1:1:t"]

    /// The set `events` (`signin-events` in us-east-1) with a CloudWatch Logs and an SNS destination.
    static func text(name: String = "signin-events", topicTypes: String = "[TEXT_DELIVERED, TEXT_BLOCKED]",
                     policy: String = "") -> String {
        """
        apiVersion: smsauth/v1
        kind: ConfigurationSet
        metadata: {name: events}
        spec:
          region: us-east-1
          name: \(name)
          defaultMessageType: TRANSACTIONAL
          eventDestinations:
            - {name: logs, matchingEventTypes: [TEXT_ALL], cloudWatchLogs: {logGroupArn: "arn:aws:logs:us-east-1:1:log-group:g", iamRoleArn: "arn:aws:iam::1:role/r"}}
            - {name: topic, enabled: false, matchingEventTypes: \(topicTypes), sns: {topicArn: "arn:aws:sns:us-east-1:1:t"}}
          tags: {Team: Ops}
        \(policy)
        """
    }

    static func desired(_ text: String) throws -> DesiredResource {
        let result = ManifestLoader().load(text: text, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let manifest = try #require(result.manifests.first)
        return DesiredResource(manifest: manifest, region: manifest.spec.region?.value, dependencies: [])
    }

    /// The set as AWS describes it after the manifest of `text()` was applied: destinations and event types in
    /// another order than the manifest's, with `extra` destinations.
    static func live(name: String = "signin-events", extra: [JSONValue] = []) -> ConfigurationSetLive? {
        let json: JSONValue = .object([
            "ConfigurationSetName": .string(name),
            "ConfigurationSetArn": .string("arn:aws:sms-voice:us-east-1:\(account):configuration-set/\(name)"),
            "DefaultMessageType": "TRANSACTIONAL",
            "EventDestinations": .array([
                ["EventDestinationName": "topic", "Enabled": false, "MatchingEventTypes": .strings(["TEXT_BLOCKED", "TEXT_DELIVERED"]),
                 "SnsDestination": topic],
                ["EventDestinationName": "logs", "Enabled": true, "MatchingEventTypes": .strings(["TEXT_ALL"]),
                 "CloudWatchLogsDestination": logs],
            ] + extra),
        ])
        let tags = OwnershipTags.tags(for: address, owner: nil).merging(["Team": "Ops"]) { $1 }
        return ConfigurationSetLive(json, region: "us-east-1", tags: tags)
    }

    func input(_ desired: DesiredResource?, _ live: LiveState<ConfigurationSetLive>,
               deletePolicy: DeletePolicy = .retain) -> PlanInput<ConfigurationSetLive> {
        PlanInput(address: Self.address, desired: desired, live: live, status: nil, references: [:],
                  dependencyActions: [:], deletePolicy: deletePolicy, options: PlanOptions(account: Self.account))
    }

    @Test func createShowsTheFieldsAndPlansItsName() throws {
        let desired = try Self.desired(Self.text())
        let change = try handler.plan(input(desired, .absent))
        #expect(change.action == .create)
        #expect(change.fieldChanges.map(\.path) == ["defaultMessageType", "eventDestinations.logs",
                                                    "eventDestinations.topic", "name", "tags"])
        #expect(change.fieldChanges.first { $0.path == "eventDestinations.topic" }?.after == .map([
            "enabled": .bool(false), "matchingEventTypes": .list([.string("TEXT_BLOCKED"), .string("TEXT_DELIVERED")]),
            "sns": .map(["topicArn": .string("arn:aws:sns:us-east-1:1:t")]),
        ]))
        #expect(handler.plannedOutputs(of: desired, account: Self.account, partition: "aws") == [
            "name": "signin-events", "region": "us-east-1",
            "arn": "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/signin-events",
        ])
    }

    @Test func aSetAsCreatedIsANoopWhateverOrderAWSAnswersIn() throws {
        let live = try #require(Self.live())
        let change = try handler.plan(input(try Self.desired(Self.text()), .owned(live)))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func anEventDestinationChangeIsAnInPlaceUpdate() throws {
        let extra: JSONValue = ["EventDestinationName": "old", "Enabled": true, "MatchingEventTypes": .strings(["ALL"]),
                                "SnsDestination": Self.topic]
        let live = try #require(Self.live(extra: [extra]))
        let change = try handler.plan(input(try Self.desired(Self.text(topicTypes: "[TEXT_ALL]")), .owned(live)))
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["eventDestinations.old", "eventDestinations.topic"])
        #expect(change.fieldChanges.first?.after == .null)
        #expect(change.fieldChanges.allSatisfy { !$0.forcesReplacement })
    }

    @Test func aNewNameIsRefusedOrReplacesTheSet() throws {
        let live = try #require(Self.live())
        let refused = try handler.plan(input(try Self.desired(Self.text(name: "signin-v2")), .owned(live)))
        #expect(refused.action == .refuse)
        #expect(refused.reason?.hasPrefix("name cannot change after creation") == true)
        let recreate = "policy: {onImmutableChange: Recreate}"
        let replaced = try handler.plan(input(try Self.desired(Self.text(name: "signin-v2", policy: recreate)), .owned(live)))
        #expect(replaced.action == .replace)
    }

    @Test func aRemovedSetIsRetainedOrDeletedPerPolicy() throws {
        let live = try #require(Self.live())
        #expect(try handler.plan(input(nil, .owned(live))).action == .retain)
        #expect(try handler.plan(input(nil, .owned(live), deletePolicy: .delete)).action == .delete)
    }

    @Test func aPoolPlansWithTheNameOfTheSetItNames() throws {
        let text = """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: pool}
            spec: {region: us-east-1, poolName: p, smsRoleArn: "arn:aws:iam::1:role/x", smsExternalId: e,
                   smsService: endUserMessaging, smsConfigurationSetRef: events}

            """
        let pool = try Self.desired(text)
        let address = ResourceAddress(kind: .userPool, name: "pool")
        let planned = handler.plannedOutputs(of: try Self.desired(Self.text()), account: Self.account, partition: "aws")
        let change = try UserPoolHandler().plan(PlanInput(
            address: address, desired: pool, live: LiveState<UserPoolDescription>.absent, status: nil,
            references: [Self.address: planned], dependencyActions: [:], deletePolicy: .retain,
            options: PlanOptions(account: Self.account)))
        #expect(change.fieldChanges.first { $0.path == "smsConfigurationSet" }?.after == .string("signin-events"))
    }
}
