import Foundation
import Testing
import TestSupport

/// IAM's eventual consistency as the end-to-end suite runs it (scripts/test starts the emulator with a 1.5 s
/// propagation delay): rotating the SMS role's external id updates the role's trust policy and then the pool's
/// SmsConfiguration in one run; Cognito still sees the old trust policy for a moment and refuses the pool update with
/// InvalidSmsRoleTrustRelationshipException, which smsauth retries with bounded backoff until it passes.
@Suite("IAM propagation end to end", .timeLimit(.minutes(8)))
struct PropagationEndToEndTests {
    /// Holds `EmulatorClockLock`: a move of the emulator's clock between the role's update and the pool's would
    /// make the new trust policy count as propagated at once.
    @Test func anExternalIdRotationIsRetriedUntilTheNewTrustPolicyHasPropagated() async throws {
        try await EmulatorClockLock.shared.run { try await Self.rotate() }
    }

    private static func rotate() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-7")
        let config = try JSONSerialization.jsonObject(with: try await context.emulator.control("GET", "config"))
        let delay = try #require((config as? [String: Any])?["smsRolePropagationSeconds"] as? Double)
        try #require(delay > 0, "the end-to-end suite runs with an IAM propagation delay (scripts/test)")
        let unique = UUID().uuidString.prefix(8).lowercased()
        // The default set's role and pool under names of their own (the region is shared with other suites).
        let pool = "rotate-\(unique)"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: e2e-rotate-\(unique)\n"),
            ("owner: smsauth-demo\n", "owner: rotate-\(unique)\n"),
            ("  name: demo\n", "  name: \(pool)\n"), ("poolName: smsauth demo users\n", "poolName: \(pool)\n"),
        ])
        defer { space.remove() }
        try space.delete("app-client.yaml")
        try space.delete("mfa-policy.yaml")
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")

        try space.edit("sms.yaml", replacing: "externalId: 5893f8da-377e-43b2-a8d4-60ce673e8f8f\n",
                       with: "externalId: rotated-\(unique)\n")
        let before = try await context.emulator.calls(accessKeyId: context.principal.accessKeyId).count
        let rotated = try await space.reconcile(environment: context.environment)
        #expect(rotated.status == 0, "\(rotated.stdout)\(rotated.stderr)")
        #expect(rotated.stdout.contains("updated SmsRole/cognito-sms\n") && rotated.stdout.contains("updated UserPool/\(pool)\n"),
                "\(rotated.stdout)")

        let calls = try await context.emulator.calls(accessKeyId: context.principal.accessKeyId).dropFirst(before)
        let updates = calls.filter { $0.operation == "UpdateUserPool" }.map(\.status)
        #expect(updates.count >= 2 && updates.dropLast().allSatisfy { $0 == 400 } && updates.last == 200,
                "refused while the old trust policy is still seen, then accepted: \(updates)")
        let live = try await context.ownedPool(named: pool)
        #expect(live.raw["SmsConfiguration"]?["ExternalId"]?.stringValue == "rotated-\(unique)")
    }
}
