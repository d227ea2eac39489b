import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// How the UserPool read classifies pools against the emulator: several pools with one address's tags are a
/// duplicate naming every id (never "the lowest id"); another owner's pool and a pool tagged without an owner are
/// told apart from this owner's.
@Suite struct UserPoolOwnershipTests {
    typealias H = UserPoolHarness
    typealias F = UserPoolFixtures

    @Test func twoPoolsWithTheSameOwnershipTagsAreADuplicateNamingBoth() async throws {
        let h = try await H.make()
        let name = H.unique("twice")
        let desired = try H.desired(F.yaml(), name: H.unique("dup"), poolName: name)
        let tags = JSONValue.strings(OwnershipTags.tags(for: desired.address, owner: nil))
        let first = try await h.cognito().createUserPool(["PoolName": .string(name), "UserPoolTags": tags])
        let second = try await h.cognito().createUserPool(["PoolName": .string(name), "UserPoolTags": tags])

        let (change, _) = try await h.reconcile(desired, address: desired.address, id: nil,
                                                references: [F.role: try await h.smsRole()])
        let ids = [first.id, second.id].sorted()
        #expect(change.action == .refuse)
        #expect(change.reason == OwnershipError.duplicate(desired.address, ids: ids).message)
        #expect(try await h.cognito().listUserPools().filter { $0.name == name }.count == 2, "nothing created")
    }

    @Test func anotherOwnersPoolAndALegacyPoolAreNotThisOwners() async throws {
        let h = try await H.make()
        let desired = try H.desired(F.yaml(), name: H.unique("owners"), poolName: H.unique("owners"))
        let poolName = try #require({ if case let .userPool(spec) = desired.manifest.spec { spec.poolName.value } else { nil } }())
        _ = try await h.cognito().createUserPool([
            "PoolName": .string(poolName), "UserPoolTags": .strings(OwnershipTags.tags(for: desired.address, owner: "team-b")),
        ])
        let target = ReadTarget(address: desired.address, desired: desired, status: nil, region: desired.region)
        let asTeamA = try await UserPoolHandler().read([target], context: h.context.owned(by: "team-a"))
        guard case .otherOwner(_, "team-b")? = asTeamA[desired.address] else {
            Issue.record("team-b's pool must read as another owner's for team-a: \(String(describing: asTeamA))")
            return
        }
        let legacy = try await h.cognito().createUserPool([
            "PoolName": .string(poolName), "UserPoolTags": .strings(OwnershipTags.tags(for: desired.address, owner: nil)),
        ])
        let again = try await UserPoolHandler().read([target], context: h.context.owned(by: "team-a"))
        guard case .legacy(let found)? = again[desired.address] else {
            Issue.record("the pool without an owner tag must read as legacy for team-a")
            return
        }
        #expect(found.id == legacy.id)
        let asTeamB = try await UserPoolHandler().read([target], context: h.context.owned(by: "team-b"))
        guard case .owned? = asTeamB[desired.address] else {
            Issue.record("team-b's own pool must read as owned for team-b")
            return
        }
    }

    /// Two manifest folders (owners) with a UserPool of the same `metadata.name` and different `poolName`s in one
    /// region: each finds its own pool; the other's, under another name, is not "this pool renamed out of band".
    /// Before, the second folder's pool was refused as the first owner's, and never created.
    @Test func anotherOwnersPoolUnderAnotherNameIsNotThisOne() async throws {
        let h = try await H.make()
        let desired = try H.desired(F.yaml(), name: H.unique("sibling"), poolName: H.unique("mine"))
        _ = try await h.cognito().createUserPool([
            "PoolName": .string(H.unique("theirs")),
            "UserPoolTags": .strings(OwnershipTags.tags(for: desired.address, owner: "team-b")),
        ])
        let target = ReadTarget(address: desired.address, desired: desired, status: nil, region: desired.region)
        let asTeamA = try await UserPoolHandler().read([target], context: h.context.owned(by: "team-a"))
        guard case .absent? = asTeamA[desired.address] else {
            Issue.record("team-b's pool of another name is not team-a's: \(String(describing: asTeamA))")
            return
        }
        let renamedByHand = try await h.cognito().createUserPool([
            "PoolName": .string(H.unique("renamed")),
            "UserPoolTags": .strings(OwnershipTags.tags(for: desired.address, owner: "team-a")),
        ])
        let again = try await UserPoolHandler().read([target], context: h.context.owned(by: "team-a"))
        guard case .owned(let found)? = again[desired.address] else {
            Issue.record("team-a's own pool renamed out of band is still found: \(String(describing: again))")
            return
        }
        #expect(found.id == renamedByHand.id)
    }
}
