import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// A pool with the manifest's `poolName` that smsauth does not manage (made by hand before smsauth) is refused until
/// adopted, instead of getting a second pool with the same name next to it. Pools another manifest owns do not count.
@Suite struct UserPoolSameNameTests {
    typealias H = UserPoolHarness
    typealias F = UserPoolFixtures

    @Test func aHandMadePoolWithTheNameIsRefusedNotDuplicated() async throws {
        let h = try await H.make()
        let name = H.unique("byhand")
        let handMade = try await h.cognito().createUserPool(["PoolName": .string(name), "UserPoolTags": ["Team": "Dev"]])
        let desired = try H.desired(F.yaml(), name: name)
        let references = [F.role: try await h.smsRole()]

        let (change, _) = try await h.reconcile(desired, address: desired.address, id: nil, references: references)
        #expect(change.action == .refuse)
        #expect(change.reason == "found a matching UserPool (\(handMade.id)) without this resource's ownership tags (made outside smsauth, or another manifest's): set spec.adopt to its id or ARN to manage it")
        #expect(try await h.cognito().listUserPools().filter { $0.name == name }.map(\.id) == [handMade.id])
        #expect(try await h.callCounts()["CreateUserPool"] == 1, "only the test's own CreateUserPool")
    }

    @Test func aPoolWithTheNameOwnedByAnotherManifestIsNoObstacle() async throws {
        let h = try await H.make()
        let name = H.unique("shared")
        let other = ResourceAddress(kind: .userPool, name: H.unique("other"))
        _ = try await h.cognito().createUserPool(["PoolName": .string(name),
                                                  "UserPoolTags": .strings(OwnershipTags.tags(for: other, owner: nil))])
        let desired = try H.desired(F.yaml(), name: H.unique("mine"), poolName: name)
        let references = [F.role: try await h.smsRole()]

        let (change, outputs) = try await h.reconcile(desired, address: desired.address, id: nil, references: references)
        #expect(change.action == .create)
        #expect(try await h.cognito().listUserPools().filter { $0.name == name }.count == 2)
        #expect(outputs["id"] != nil)
    }
}
