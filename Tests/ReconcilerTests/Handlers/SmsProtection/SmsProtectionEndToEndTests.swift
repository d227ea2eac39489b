import AWSServices
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// SmsProtection against the emulator (which answers a rule for every country, as AWS does): create, a noop
/// second plan, an out-of-band country change corrected, the account default set and unset, and a removal retained
/// or deleted per policy (the account default unset first).
@Suite("SmsProtection end to end", .serialized, .timeLimit(.minutes(4)))
struct SmsProtectionEndToEndTests {
    /// A region where no other suite reads or sets the account-default protect configuration.
    static let region = "us-west-1"
    static let address = SmsProtectionPlanTests.address

    /// The protection `name`: SMS to US and CA only; the account default when `isDefault`.
    static func desired(isDefault: Bool, name: String = "shield") throws -> DesiredResource {
        try ConfigurationSetPlanTests.desired("""
            apiVersion: smsauth/v1
            kind: SmsProtection
            metadata: {name: \(name)}
            spec:
              region: \(region)
              sms: {allow: [US, CA]}
              accountDefault: \(isDefault)
            """)
    }

    @Test("create, noop, out-of-band country corrected, account default set and unset, delete per policy")
    func lifecycle() async throws {
        let harness = try await HandlerHarness.make(SmsProtectionHandler(), region: Self.region)
        let sms = harness.context.smsVoice(Self.region)
        let (created, outputs) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: true),
                                                            recorded: [:])
        #expect(created.action == .create)
        let id = try #require(outputs["id"])
        let rules = try await sms.protectCountryRules(id: id, capability: "SMS")
        #expect(rules.count > 200)
        #expect(rules.filter { $0.value == "ALLOW" }.keys.sorted() == ["CA", "US"])
        #expect(try await sms.describeProtectConfiguration(id: id)?["AccountDefault"]?.boolValue == true)

        let (again, _) = try await harness.plan(Self.address, desired: try Self.desired(isDefault: true), recorded: outputs)
        #expect(again.action == .noop, "\(again.fieldChanges)")

        _ = try await sms.updateProtectCountryRules(id: id, capability: "SMS", updates: ["NG": "ALLOW"])
        let (corrected, _) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: true),
                                                        recorded: outputs)
        #expect(corrected.action == .update)
        #expect(corrected.fieldChanges.map(\.path) == ["sms.NG"])
        #expect(try await sms.protectCountryRules(id: id, capability: "SMS")["NG"] == "BLOCK")

        let (unset, _) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: false),
                                                    recorded: outputs)
        #expect(unset.fieldChanges.map(\.path) == ["accountDefault"])
        #expect(try await sms.describeProtectConfiguration(id: id)?["AccountDefault"]?.boolValue == false)
        try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: true), recorded: outputs)
        #expect(try await sms.describeProtectConfiguration(id: id)?["AccountDefault"]?.boolValue == true)

        let (retained, _) = try await harness.reconcile(Self.address, desired: nil, recorded: outputs)
        #expect(retained.action == .retain)
        #expect(try await sms.describeProtectConfiguration(id: id) != nil)
        let (deleted, _) = try await harness.reconcile(Self.address, desired: nil, recorded: outputs, deletePolicy: .delete)
        #expect(deleted.action == .delete)
        #expect(try await sms.describeProtectConfiguration(id: id) == nil)
    }

    @Test("without a recorded id, the configuration is found by its ownership tags")
    func foundByOwnershipTags() async throws {
        let harness = try await HandlerHarness.make(SmsProtectionHandler(), region: Self.region)
        let (_, outputs) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: false),
                                                      recorded: [:])
        let (found, _) = try await harness.plan(Self.address, desired: try Self.desired(isDefault: false), recorded: [:])
        #expect(found.action == .noop, "\(found.fieldChanges)")
        let (deleted, _) = try await harness.reconcile(Self.address, desired: nil, recorded: outputs, deletePolicy: .delete)
        #expect(deleted.action == .delete)
    }

    /// A protect configuration has no name, so replacing the account default by another manifest is the delete of
    /// one and the create of the other, in no set order. When the create ran first, the delete's
    /// DeleteAccountDefaultProtectConfiguration (which names no configuration) took the new one's default away.
    @Test("deleting the old account default leaves the default a new configuration took meanwhile")
    func deletingTheOldDefaultKeepsTheNewOne() async throws {
        let harness = try await HandlerHarness.make(SmsProtectionHandler(), region: Self.region)
        let sms = harness.context.smsVoice(Self.region)
        let (_, old) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: true), recorded: [:])
        let (delete, input) = try await harness.plan(Self.address, desired: nil, recorded: old, deletePolicy: .delete)
        #expect(delete.action == .delete)

        let successor = ResourceAddress(kind: .smsProtection, name: "shield-2")
        let (_, new) = try await harness.reconcile(successor, desired: try Self.desired(isDefault: true, name: "shield-2"),
                                                  recorded: [:])
        let newId = try #require(new["id"])
        #expect(try await sms.describeProtectConfiguration(id: newId)?["AccountDefault"]?.boolValue == true)
        _ = try await harness.apply(delete, input: input)
        #expect(try await sms.describeProtectConfiguration(id: try #require(old["id"])) == nil)
        #expect(try await sms.describeProtectConfiguration(id: newId)?["AccountDefault"]?.boolValue == true)

        try await harness.reconcile(successor, desired: nil, recorded: new, deletePolicy: .delete)
        #expect(try await sms.describeProtectConfiguration(id: newId) == nil)
    }

    /// The same for an update that sets `accountDefault: false` while another configuration takes the default.
    @Test("giving up the account default leaves the default a new configuration took meanwhile")
    func givingUpTheDefaultKeepsTheNewOne() async throws {
        let harness = try await HandlerHarness.make(SmsProtectionHandler(), region: Self.region)
        let sms = harness.context.smsVoice(Self.region)
        let (_, old) = try await harness.reconcile(Self.address, desired: try Self.desired(isDefault: true), recorded: [:])
        let (update, input) = try await harness.plan(Self.address, desired: try Self.desired(isDefault: false),
                                                     recorded: old)
        #expect(update.fieldChanges.map(\.path) == ["accountDefault"])

        let successor = ResourceAddress(kind: .smsProtection, name: "shield-2")
        let (_, new) = try await harness.reconcile(successor, desired: try Self.desired(isDefault: true, name: "shield-2"),
                                                  recorded: [:])
        let newId = try #require(new["id"])
        _ = try await harness.apply(update, input: input)
        #expect(try await sms.describeProtectConfiguration(id: try #require(old["id"]))?["AccountDefault"]?.boolValue == false)
        #expect(try await sms.describeProtectConfiguration(id: newId)?["AccountDefault"]?.boolValue == true)

        try await harness.reconcile(successor, desired: nil, recorded: new, deletePolicy: .delete)
        try await harness.reconcile(Self.address, desired: nil, recorded: old, deletePolicy: .delete)
    }
}
