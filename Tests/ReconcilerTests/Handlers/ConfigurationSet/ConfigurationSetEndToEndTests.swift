import AWSServices
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// ConfigurationSet against the emulator: create, a noop second plan, an event destination updated in place, an
/// out-of-band change corrected, a removal retained or deleted per policy, a new name replacing the set, and a
/// foreign set of the name refused.
@Suite("ConfigurationSet end to end", .timeLimit(.minutes(8)))
struct ConfigurationSetEndToEndTests {
    /// A set named `name` whose SNS destination matches `types`.
    static func desired(_ name: String, types: String = "[TEXT_DELIVERED]") throws -> DesiredResource {
        try ConfigurationSetPlanTests.desired("""
            apiVersion: smsauth/v1
            kind: ConfigurationSet
            metadata: {name: events}
            spec:
              region: us-east-1
              name: \(name)
              defaultMessageType: TRANSACTIONAL
              eventDestinations:
                - {name: topic, matchingEventTypes: \(types), sns: {topicArn: "arn:aws:sns:us-east-1:1:t"}}
                - {name: logs, enabled: false, matchingEventTypes: [TEXT_ALL], cloudWatchLogs: {logGroupArn: "arn:aws:logs:us-east-1:1:log-group:g", iamRoleArn: "arn:aws:iam::1:role/r"}}
            """)
    }

    static let address = ConfigurationSetPlanTests.address

    @Test("create, noop, in-place destination update, out-of-band change corrected, delete per policy")
    func lifecycle() async throws {
        let harness = try await HandlerHarness.make(ConfigurationSetHandler())
        let name = HandlerHarness<ConfigurationSetHandler>.unique("signin")
        let (created, outputs) = try await harness.reconcile(Self.address, desired: try Self.desired(name), recorded: [:])
        #expect(created.action == .create)
        #expect(outputs["name"] == name)
        let sms = harness.context.smsVoice("us-east-1")
        let set = try #require(try await sms.describeConfigurationSet(name: name))
        #expect(set["DefaultMessageType"]?.stringValue == "TRANSACTIONAL")
        #expect(set["EventDestinations"]?.arrayValue?.count == 2)
        let tags = try #require(try await sms.listTagsForResource(arn: outputs["arn"] ?? ""))
        #expect(OwnershipTags.marks(tags, as: Self.address))

        let (again, _) = try await harness.plan(Self.address, desired: try Self.desired(name), recorded: outputs)
        #expect(again.action == .noop, "\(again.fieldChanges)")

        let wider = try Self.desired(name, types: "[TEXT_ALL]")
        let (updated, _) = try await harness.reconcile(Self.address, desired: wider, recorded: outputs)
        #expect(updated.action == .update)
        #expect(updated.fieldChanges.map(\.path) == ["eventDestinations.topic"])
        #expect(try await harness.plan(Self.address, desired: wider, recorded: outputs).0.action == .noop)

        try await sms.deleteEventDestination(configurationSet: name, name: "logs")
        try await sms.deleteDefaultMessageType(configurationSet: name)
        let (corrected, _) = try await harness.reconcile(Self.address, desired: wider, recorded: outputs)
        #expect(corrected.action == .update)
        #expect(corrected.fieldChanges.map(\.path) == ["defaultMessageType", "eventDestinations.logs"])
        #expect(try await harness.plan(Self.address, desired: wider, recorded: outputs).0.action == .noop)

        let (retained, _) = try await harness.reconcile(Self.address, desired: nil, recorded: outputs)
        #expect(retained.action == .retain)
        #expect(try await sms.describeConfigurationSet(name: name) != nil)
        let (deleted, _) = try await harness.reconcile(Self.address, desired: nil, recorded: outputs, deletePolicy: .delete)
        #expect(deleted.action == .delete)
        #expect(try await sms.describeConfigurationSet(name: name) == nil)
    }

    @Test("a new name under onImmutableChange: Recreate deletes the old set and creates the new one")
    func newNameReplacesTheSet() async throws {
        let harness = try await HandlerHarness.make(ConfigurationSetHandler())
        let old = HandlerHarness<ConfigurationSetHandler>.unique("old")
        let new = HandlerHarness<ConfigurationSetHandler>.unique("new")
        let (_, outputs) = try await harness.reconcile(Self.address, desired: try Self.desired(old), recorded: [:])
        let renamed = try ConfigurationSetPlanTests.desired(ConfigurationSetPlanTests.text(
            name: new, policy: "policy: {onImmutableChange: Recreate}"))
        let (replaced, after) = try await harness.reconcile(Self.address, desired: renamed, recorded: outputs)
        #expect(replaced.action == .replace)
        #expect(after["name"] == new)
        let sms = harness.context.smsVoice("us-east-1")
        #expect(try await sms.describeConfigurationSet(name: old) == nil)
        #expect(try await sms.describeConfigurationSet(name: new)?["EventDestinations"]?.arrayValue?.count == 2)
        #expect(try await harness.plan(Self.address, desired: renamed, recorded: after).0.action == .noop)
    }

    @Test("a set of the name without smsauth's tags is refused, not taken over")
    func foreignSetIsRefused() async throws {
        let harness = try await HandlerHarness.make(ConfigurationSetHandler())
        let name = HandlerHarness<ConfigurationSetHandler>.unique("foreign")
        _ = try await harness.context.smsVoice("us-east-1").createConfigurationSet(name: name, tags: [:], clientToken: name)
        let (change, _) = try await harness.plan(Self.address, desired: try Self.desired(name))
        #expect(change.action == .refuse)
        #expect(change.reason == "configuration set '\(name)' already exists without smsauth's ownership tags for "
                + "ConfigurationSet/events: choose another spec.name")
    }
}
