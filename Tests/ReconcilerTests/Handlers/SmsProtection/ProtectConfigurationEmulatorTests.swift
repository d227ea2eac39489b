import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport

/// Compact country rules against a live protect configuration (the emulator returns every country, as AWS does):
/// applying them, seeing no drift once applied, and finding a country unblocked out of band; the client's protect
/// configuration calls and the deletion guards AWS documents.
@Suite("Protect configuration rules against the emulator", .serialized, .timeLimit(.minutes(2)))
struct ProtectConfigurationEmulatorTests {
    /// A region where no other suite reads or sets the account-default protect configuration (one per account and
    /// region; the suites share the emulator's account).
    private static let region = "ca-west-1"

    private func sms() async throws -> SMSVoice {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        return SMSVoice(client: emulator.client(for: principal), region: Self.region)
    }

    @Test func allowListIsAppliedOnceAndThenMatchesTheFullLiveSet() async throws {
        let sms = try await sms()
        let created = try await sms.createProtectConfiguration(clientToken: UUID().uuidString, deletionProtection: false,
                                                               tags: ["smsauth:owner": "test"])
        let id = try #require(created["ProtectConfigurationId"]?.stringValue)
        let rules = try CountryRules.compact(capability: .sms, allow: ["US", "CA"], monitor: ["GB"]).get()

        let fresh = try await sms.protectCountryRules(id: id, capability: "SMS")
        #expect(fresh.count > 200)
        #expect(rules.countriesMissing(from: fresh).isEmpty)
        let updates = rules.updates(from: fresh)
        #expect(updates.count == fresh.count - 2)
        let after = try await sms.updateProtectCountryRules(id: id, capability: "SMS",
                                                            updates: updates.mapValues(\.rawValue))
        #expect(after.count == fresh.count)
        #expect(rules.updates(from: after).isEmpty)
        #expect(rules.updates(from: try await sms.protectCountryRules(id: id, capability: "SMS")).isEmpty)

        _ = try await sms.updateProtectCountryRules(id: id, capability: "SMS", updates: ["NG": "ALLOW"])
        #expect(rules.updates(from: try await sms.protectCountryRules(id: id, capability: "SMS")) == ["NG": .block])
        #expect(try await sms.listTagsForResource(arn: try #require(created["ProtectConfigurationArn"]?.stringValue))
                == ["smsauth:owner": "test"])
        try await sms.deleteProtectConfiguration(id: id)
        #expect(try await sms.describeProtectConfiguration(id: id) == nil)
    }

    @Test func deletionIsRefusedWhileProtectedOrTheAccountDefault() async throws {
        let sms = try await sms()
        let created = try await sms.createProtectConfiguration(clientToken: UUID().uuidString, deletionProtection: true,
                                                               tags: [:])
        let id = try #require(created["ProtectConfigurationId"]?.stringValue)
        let protected = await #expect(throws: AWSError.self) { try await sms.deleteProtectConfiguration(id: id) }
        #expect(protected?.code == "ConflictException")

        try await sms.updateProtectConfiguration(id: id, deletionProtection: false)
        try await sms.setAccountDefaultProtectConfiguration(id: id)
        #expect(try await sms.describeProtectConfiguration(id: id)?["AccountDefault"] == .bool(true))
        let isDefault = await #expect(throws: AWSError.self) { try await sms.deleteProtectConfiguration(id: id) }
        #expect(isDefault?.code == "ConflictException")

        try await sms.deleteAccountDefaultProtectConfiguration()
        #expect(try await sms.describeProtectConfiguration(id: id)?["AccountDefault"] == .bool(false))
        try await sms.deleteProtectConfiguration(id: id)
        #expect(try await sms.describeProtectConfiguration(id: id) == nil)
    }

    @Test func aRetriedCreateWithTheSameTokenReturnsTheSameConfiguration() async throws {
        let sms = try await sms()
        let token = UUID().uuidString
        let first = try await sms.createProtectConfiguration(clientToken: token, deletionProtection: false, tags: [:])
        let again = try await sms.createProtectConfiguration(clientToken: token, deletionProtection: false, tags: [:])
        let id = try #require(first["ProtectConfigurationId"]?.stringValue)
        #expect(again["ProtectConfigurationId"]?.stringValue == id)
        try await sms.deleteProtectConfiguration(id: id)
    }
}
