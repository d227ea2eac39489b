import AWSServices
import Foundation
import Manifests
import Synchronization
import Testing
import TestSupport
@testable import Reconciler

/// UserPoolHandler against the emulator: immutable changes, replacement, SMS role propagation, adoption and
/// deletion with deletion protection.
@Suite struct UserPoolLifecycleEndToEndTests {
    typealias H = UserPoolHarness
    typealias F = UserPoolFixtures

    @Test func anImmutableChangeIsRefusedThenRecreateReplacesThePool() async throws {
        let h = try await H.make()
        let name = H.unique("immutable")
        let references = [F.role: try await h.smsRole()]
        let (_, outputs) = try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                                 references: references)
        let id = try #require(outputs["id"])

        let before = try await h.callCounts()
        let email = try H.desired(F.yaml(spec: ["usernameAttributes": "[email]"]), name: name)
        let (refused, _) = try await h.reconcile(email, address: address(name), id: id, references: references)
        #expect(refused.action == .refuse)
        #expect(refused.reason == "usernameAttributes cannot change after creation (set policy.onImmutableChange: Recreate to delete and recreate the UserPool; all users will be lost (estimated user count: 0))")
        let after = try await h.callCounts()
        #expect(after.filter { !$0.key.hasPrefix("Describe") } == before.filter { !$0.key.hasPrefix("Describe") })

        let recreate = try H.desired(F.yaml(spec: ["usernameAttributes": "[email]"], policy: "onImmutableChange: Recreate"),
                                     name: name)
        let (replaced, newOutputs) = try await h.reconcile(recreate, address: address(name), id: id, references: references)
        #expect(replaced.action == .replace)
        let newId = try #require(newOutputs["id"])
        #expect(newId != id)
        #expect(try await h.cognito().describeUserPool(id: id) == nil)
        let pool = try #require(try await h.cognito().describeUserPool(id: newId))
        #expect(pool.raw["UsernameAttributes"] == ["email"])
        #expect(pool.deletionProtection == "ACTIVE")
        #expect(try await h.reconcile(recreate, address: address(name), id: newId, references: references).0.action == .noop)
    }

    /// A role IAM has not propagated yet: CreateUserPool fails with InvalidSmsRoleTrustRelationshipException and is
    /// retried with backoff until the role is usable. The role trusts another external id until the handler's second
    /// wait, which corrects it and then really sleeps, so the correction has propagated (the end-to-end suite runs
    /// with the emulator's 1.5 s propagation delay) when the third attempt comes.
    @Test func creationRetriesUntilTheNewSmsRoleHasPropagated() async throws {
        try await EmulatorClockLock.shared.run {
            let h = try await H.make()
            let name = H.unique("propagation")
            let roleName = H.unique("sms")
            let role = try await h.smsRole(name: roleName, trustedExternalId: "not-yet-propagated")
            let externalId = try #require(role["externalId"])
            let waits = Mutex<[Duration]>([])
            let iam = h.context.iam
            let context = ReconcileContext(client: h.client, logger: h.context.logger, now: h.context.now, sleep: { delay in
                let count = waits.withLock { $0.append(delay); return $0.count }
                if count == 2 { try await iam.updateAssumeRolePolicy(roleName: roleName, policy: H.trust(externalId: externalId)) }
                try await Task.sleep(for: delay)
            })

            let (change, outputs) = try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                                          references: [F.role: role], context: context)
            #expect(change.action == .create)
            #expect(outputs["id"] != nil)
            #expect(waits.withLock { $0 } == [.seconds(1), .seconds(2)])
            let creates = try await h.emulator.calls(accessKeyId: h.principal.accessKeyId).filter { $0.operation == "CreateUserPool" }
            #expect(creates.map(\.status) == [400, 400, 200])
        }
    }

    /// Past the propagation timeout the error is reported as the misconfiguration it then is, and no pool exists.
    /// The role trusts another external id, so no movement of the emulator's clock makes it usable: the test does not
    /// hold `EmulatorClockLock` (its sleeps move the clock and take the lock themselves).
    @Test func aRoleThatNeverBecomesUsableFailsWithAnExplanation() async throws {
        let h = try await H.make()
        let name = H.unique("unusable")
        let role = try await h.smsRole(trustedExternalId: "some-other-external-id")
        let context = ReconcileContext(client: h.client, logger: h.context.logger, now: h.context.now,
                                       sleep: h.context.sleep, smsRolePropagationTimeout: .seconds(4))
        let error = await #expect(throws: SmsRolePropagation.NotUsable.self) {
            try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                  references: [F.role: role], context: context)
        }
        #expect(error?.underlying.code == "InvalidSmsRoleTrustRelationshipException")
        #expect(try await h.read(try H.desired(F.yaml(), name: name), address: address(name), id: nil).value == nil)
    }

    @Test func aForeignPoolIsAdoptedOnlyWhenTheManifestSaysSo() async throws {
        let h = try await H.make()
        let name = H.unique("adopt")
        let pool = try await h.cognito().createUserPool(["PoolName": .string(name), "UserPoolTags": ["Owner": "ops"]])
        let yaml = """
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: adopted}
        spec:
          region: us-east-1
          poolName: \(name)
          adopt: \(pool.arn ?? pool.id)
          passwordPolicy: {minimumLength: 11}
        """
        let desired = try H.desired(yaml, name: name)
        #expect(try await h.read(desired, address: address(name), id: nil).isForeign)

        let (change, outputs) = try await h.reconcile(desired, address: address(name), id: nil)
        #expect(change.action == .update)
        #expect(outputs["id"] == pool.id)
        let adopted = try #require(try await h.cognito().describeUserPool(id: pool.id))
        #expect(OwnershipTags.marks(adopted.tags, as: address(name)))
        #expect(adopted.tags["Owner"] == "ops")
        #expect(adopted.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"] == 11)
        #expect(try await h.reconcile(desired, address: address(name), id: pool.id).0.action == .noop)
    }

    /// A removed manifest with onDelete: Delete: refused while deletion protection is ACTIVE, deleted otherwise.
    @Test(arguments: [true, false])
    func aRemovedManifestDeletesOnlyAnUnprotectedPool(protected: Bool) async throws {
        let h = try await H.make()
        let name = H.unique("delete")
        let references = [F.role: try await h.smsRole()]
        let yaml = F.yaml(spec: ["deletionProtection": protected ? "true" : "false"])
        let (_, outputs) = try await h.reconcile(try H.desired(yaml, name: name), address: address(name), id: nil,
                                                 references: references)
        let id = try #require(outputs["id"])

        let (change, _) = try await h.reconcile(nil, address: address(name), id: id, deletePolicy: .delete)
        #expect(change.action == (protected ? .refuse : .delete))
        #expect((try await h.cognito().describeUserPool(id: id) != nil) == protected)
    }

    func address(_ name: String) -> ResourceAddress { ResourceAddress(kind: .userPool, name: name) }
}
