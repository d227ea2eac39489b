import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Owners with fake handlers: what another owner tagged or recorded is refused and never touched, legacy resources
/// are claimed by a tag update, duplicates fail the resource and its dependents, a removed resource is deleted only
/// when it is owned now, and every status file records the owner and folder.
@Suite("ReconcileEngine ownership")
struct ReconcileEngineOwnershipTests {
    typealias F = EngineFixtures

    static let teamA = RunIdentity(owner: "team-a", folder: "/repo/envs/a")
    static let teamB = RunIdentity(owner: "team-b", folder: "/repo/envs/b")

    /// A fake live resource of `address` tagged for `owner` (no owner tag when nil).
    static func tagged(_ address: ResourceAddress, owner: String?, id: String = "live-1") -> FakeLive {
        FakeLive(id: id, specHash: "old", region: "eu-west-1", owned: false,
                 tags: OwnershipTags.tags(for: address, owner: owner))
    }

    /// Plans the stack for `identity` over `world` and the status folder `directory`.
    static func plan(_ world: FakeWorld, _ directory: URL, _ identity: RunIdentity,
                     _ text: String = F.stack) async throws -> PlannedRun {
        try await F.engine(world, directory: directory, identity: identity).plan(F.load(text), defaultRegion: "eu-west-1")
    }

    @Test("a run writes its owner and folder into every status file and its owner into the tags")
    func ownerAndFolderRecorded() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory, identity: Self.teamA)
        let applied = try await engine.apply(try await engine.plan(F.load(), defaultRegion: "eu-west-1"))
        #expect(!applied.hasProblems)
        for status in try StatusStore(directory: directory).readAll() {
            #expect(status.owner == "team-a" && status.folder == "/repo/envs/a", "\(status.address)")
        }
        #expect(await world.live(F.pool)?.tags?[OwnershipTags.ownerKey] == "team-a")
    }

    @Test("another owner's resource at this address is refused, naming the owner, and its dependents are blocked")
    func otherOwnersResourceIsRefused() async throws {
        let world = FakeWorld()
        await world.put(F.pool, Self.tagged(F.pool, owner: "team-b"))
        let run = try await Self.plan(world, F.statusDirectory(), Self.teamA)
        let pool = try #require(run.plan.change(for: F.pool))
        #expect(pool.action == .refuse)
        #expect(pool.reason == OwnershipError.otherOwner(F.pool, found: "team-b", runOwner: "team-a").message)
        #expect(pool.reason?.contains("belongs to owner \"team-b\"") == true)
        #expect(run.plan.change(for: F.web)?.action == .blocked)

        let applied = try await F.engine(world, directory: F.statusDirectory(), identity: Self.teamA).apply(run)
        #expect(applied.hasProblems)
        #expect(await world.applied == ["create SmsRole/role"], "nothing of team-b's pool is touched")
        #expect(await world.live(F.pool) == Self.tagged(F.pool, owner: "team-b"))
    }

    @Test("several resources with the ownership tags fail the resource, naming every id and the fix, and block dependents")
    func duplicatesFailTheResourceAndItsDependents() async throws {
        let world = FakeWorld()
        await world.duplicate(F.pool, ids: ["eu-west-1_a", "eu-west-1_b"])
        let run = try await Self.plan(world, F.statusDirectory(), Self.teamA)
        let pool = try #require(run.plan.change(for: F.pool))
        #expect(pool.action == .refuse)
        #expect(pool.reason == "2 UserPool resources carry the ownership tags of UserPool/pool (eu-west-1_a, eu-west-1_b): "
                    + "delete or untag the extra ones so that exactly one remains")
        #expect(run.plan.change(for: F.web)?.action == .blocked)
        #expect(run.plan.change(for: F.web)?.reason?.hasPrefix("waiting for UserPool/pool: refused: 2 UserPool") == true)
    }

    @Test("a legacy resource a manifest names is claimed by a tags update adding smsauth:owner")
    func legacyIsClaimedByATagUpdate() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory, identity: Self.teamA)
        let desired = try DesiredState(load: F.load(), defaultRegion: "eu-west-1")
        var legacy = Self.tagged(F.pool, owner: nil)
        legacy.specHash = SpecHash.of(try #require(desired.resources[F.pool]).manifest)
        await world.put(F.pool, legacy)
        try StatusStore(directory: directory).write(ResourceStatus(
            kind: .userPool, name: "pool", specHash: legacy.specHash, resource: ["id": "live-1", "region": "eu-west-1"],
            folder: Self.teamA.folder))
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        let pool = try #require(run.plan.change(for: F.pool))
        #expect(pool.action == .update)
        #expect(pool.fieldChanges == [FieldChange(path: "tags", before: .map([:]),
                                                  after: .map([OwnershipTags.ownerKey: .string("team-a")]))])
        #expect(pool.warnings.contains { $0.contains("adds the tag smsauth:owner=team-a") })

        _ = try await engine.apply(run)
        #expect(await world.live(F.pool)?.tags?[OwnershipTags.ownerKey] == "team-a")
        let status = try #require(try StatusStore(directory: directory).read(F.pool))
        #expect(status.owner == "team-a" && status.drift.isEmpty, "a claim is not drift")
        let second = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(second.plan.change(for: F.pool)?.action == .noop)
    }

    @Test("a removed resource is deleted only when owned now: legacy or untagged ones are refused and their status kept")
    func removedResourcesNeedToBeOwnedNow() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let gone = ResourceAddress(kind: .userPool, name: "gone")
        let handMade = ResourceAddress(kind: .userPool, name: "hand-made")
        await world.put(gone, Self.tagged(gone, owner: nil, id: "g"))
        await world.put(handMade, FakeLive(id: "h", specHash: "h", region: "eu-west-1", owned: false, tags: [:]))
        let store = StatusStore(directory: directory)
        for address in [gone, handMade] {
            try store.write(ResourceStatus(kind: .userPool, name: address.name, specHash: "h", phase: .ready,
                                           resource: ["id": "x", "region": "eu-west-1"], onDelete: .delete,
                                           owner: "team-a", folder: Self.teamA.folder))
        }
        let engine = F.engine(world, directory: directory, identity: Self.teamA)
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: gone)?.action == .refuse)
        #expect(run.plan.change(for: gone)?.reason
                    == OwnershipError.notOwnedNow(gone, legacy: true, runOwner: "team-a").message)
        #expect(run.plan.change(for: handMade)?.action == .refuse)
        #expect(run.plan.change(for: handMade)?.reason?.contains("does not carry smsauth's ownership tags") == true)
        _ = try await engine.apply(run)
        #expect(await world.live(gone) != nil, "nothing deleted")
        #expect(await world.live(handMade) != nil, "nothing deleted")
        #expect(try store.read(gone)?.phase == .refused)
        #expect(try store.read(handMade)?.phase == .refused)
    }

    @Test("status files of another owner or folder are refused, never read from, acted on or rewritten")
    func foreignStatusFilesAreLeftAlone() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let theirs = ResourceAddress(kind: .appClient, name: "theirs")
        let sibling = ResourceAddress(kind: .appClient, name: "sibling")
        await world.put(theirs, FakeLive(id: "t", specHash: "h", region: "eu-west-1", owned: true))
        await world.put(sibling, FakeLive(id: "s", specHash: "h", region: "eu-west-1", owned: true))
        let store = StatusStore(directory: directory)
        try store.write(ResourceStatus(kind: .appClient, name: "theirs", specHash: "h", resource: ["id": "t"],
                                       onDelete: .delete, owner: "team-b", folder: Self.teamB.folder))
        try store.write(ResourceStatus(kind: .appClient, name: "sibling", specHash: "h", resource: ["id": "s"],
                                       onDelete: .delete, folder: "/repo/envs/sibling"))
        let before = try [theirs, sibling].map { try Data(contentsOf: directory.appendingPathComponent("\($0).json")) }

        let engine = F.engine(world, directory: directory, identity: RunIdentity(owner: nil, folder: "/repo/envs/a"))
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: theirs)?.reason?.contains("was written for owner \"team-b\"") == true)
        #expect(run.plan.change(for: sibling)?.reason?.contains("was written for the manifest folder /repo/envs/sibling") == true)
        #expect(run.plan.change(for: theirs)?.action == .refuse && run.plan.change(for: sibling)?.action == .refuse)
        #expect(run.observations[theirs] == nil && run.observations[sibling] == nil, "not read")
        _ = try await engine.apply(run)
        #expect(await world.live(theirs) != nil, "nothing deleted")
        #expect(await world.live(sibling) != nil, "nothing deleted")
        let after = try [theirs, sibling].map { try Data(contentsOf: directory.appendingPathComponent("\($0).json")) }
        #expect(after == before, "not rewritten")
    }

    @Test("a status file an earlier smsauth wrote is claimed by a manifest naming it; without one it is refused")
    func unrecordedStatusFiles() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let old = ResourceAddress(kind: .appClient, name: "old")
        await world.put(old, FakeLive(id: "o", specHash: "h", region: "eu-west-1", owned: true))
        let store = StatusStore(directory: directory)
        try store.write(ResourceStatus(kind: .appClient, name: "old", specHash: "h", resource: ["id": "o"], onDelete: .delete))
        try store.write(ResourceStatus(kind: .userPool, name: "pool", specHash: "h", resource: ["id": "x"]))
        let engine = F.engine(world, directory: directory, identity: Self.teamA)
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: old)?.action == .refuse)
        #expect(run.plan.change(for: old)?.reason?.contains("recorded no owner or folder") == true)
        #expect(run.plan.change(for: F.pool)?.action == .create)
        _ = try await engine.apply(run)
        #expect(await world.live(old) != nil)
        #expect(try store.read(old)?.owner == nil)
        #expect(try store.read(F.pool)?.owner == "team-a")
    }

    @Test("another manifest set's refused status file never blocks this run's own deletes")
    func foreignStatusesDoNotBlockOwnDeletes() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let mine = ResourceAddress(kind: .appClient, name: "mine")
        await world.put(mine, FakeLive(id: "m", specHash: "h", region: "eu-west-1", owned: true))
        let store = StatusStore(directory: directory)
        try store.write(ResourceStatus(kind: .appClient, name: "mine", specHash: "h", resource: ["id": "m"],
                                       onDelete: .delete, owner: "team-a", folder: Self.teamA.folder))
        try store.write(ResourceStatus(kind: .userPool, name: "theirs", specHash: "h", resource: ["id": "t"],
                                       onDelete: .delete, owner: "team-b", folder: Self.teamB.folder))
        let engine = F.engine(world, directory: directory, identity: Self.teamA)
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: ResourceAddress(kind: .userPool, name: "theirs"))?.action == .refuse)
        #expect(run.plan.change(for: mine)?.action == .delete)
        _ = try await engine.apply(run)
        #expect(await world.live(mine) == nil)
        #expect(try store.read(ResourceAddress(kind: .userPool, name: "theirs"))?.owner == "team-b")
    }
}
