import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Renames, claimed releases and the empty-set guard, with fake handlers whose `claims` is scripted per resource.
@Suite("ReconcileEngine renames and guards")
struct ReconcileEngineRenameTests {
    typealias F = EngineFixtures

    static let signup = ResourceAddress(kind: .appClient, name: "signup")
    /// The stack with the client's `metadata.name` changed from `web` to `signup`.
    static let renamedStack = F.stack.replacingOccurrences(of: "metadata: {name: web}", with: "metadata: {name: signup}")

    /// Applies the stack once and marks the live client as the one the manifest `signup` describes.
    private func appliedStack() async throws -> (FakeWorld, URL) {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(), defaultRegion: "eu-west-1"))
        var client = try #require(await world.live(F.web))
        client.claimedBy = [Self.signup]
        await world.put(F.web, client)
        return (world, directory)
    }

    @Test("a changed metadata.name with the same AWS identity is a rename: no AWS call, the status file moves")
    func renameMovesTheStatus() async throws {
        let (world, directory) = try await appliedStack()
        let store = StatusStore(directory: directory)
        let before = try #require(try store.read(F.web))
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.previousAddress == F.web && change.fieldChanges.isEmpty)
        #expect(planned.plan.change(for: F.web) == nil)
        #expect(planned.plan.summary.sentence.hasSuffix("1 renamed, 2 unchanged."))
        #expect(!planned.plan.summary.hasChanges)
        let appliedBefore = await world.applied
        let run = try await engine.apply(planned)
        #expect(!run.hasProblems)
        #expect(await world.applied == appliedBefore)
        #expect(try store.read(F.web) == nil)
        let moved = try #require(try store.read(Self.signup))
        #expect(moved.resource == before.resource && moved.name == "signup")
        #expect(moved.history.map(\.action) == [.create, .rename])
        // The fake world files resources by address; real AWS finds the client under the new name by itself.
        var live = try #require(await world.live(F.web))
        live.tags = live.tags.map { _ in OwnershipTags.tags(for: Self.signup, owner: nil) }
        await world.put(Self.signup, live)
        let again = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        #expect(again.plan.changes.allSatisfy { $0.action == .noop })
    }

    @Test("a rename with a spec change is one rename change carrying the update, applied through the handler")
    func renameWithUpdate() async throws {
        let (world, directory) = try await appliedStack()
        let changed = Self.renamedStack.replacingOccurrences(of: "clientName: web}", with: "clientName: web, generateSecret: false}")
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(changed), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.previousAddress == F.web)
        #expect(change.fieldChanges.map(\.path) == ["spec"])
        #expect(planned.plan.summary.hasChanges)
        _ = try await engine.apply(planned)
        #expect(await world.applied.last == "rename AppClient/signup")
        #expect(try StatusStore(directory: directory).read(F.web) == nil)
    }

    @Test("a rename under onDrift: Report applies none of the drift it reports")
    func renameKeepsReportedDrift() async throws {
        let reporting = F.stack.replacingOccurrences(of: "spec: {userPool: pool, clientName: web}",
                                                     with: "spec: {userPool: pool, clientName: web}\npolicy: {onDrift: Report}")
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(reporting), defaultRegion: "eu-west-1"))
        var client = try #require(await world.live(F.web))
        client.claimedBy = [Self.signup]
        client.specHash = "changed out of band"
        await world.put(F.web, client)
        let renamed = reporting.replacingOccurrences(of: "metadata: {name: web}", with: "metadata: {name: signup}")
        let planned = try await engine.plan(F.load(renamed), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.fieldChanges.isEmpty)
        #expect(change.reason == "changed out of band; not corrected (policy.onDrift: Report)")
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        #expect(await world.applied == appliedBefore)
        #expect(await world.live(F.web)?.specHash == "changed out of band")
    }

    @Test("a rename held by an unavailable dependency still names the old address: its status moves, the old file goes")
    func aBlockedRenameMovesTheStatusOnce() async throws {
        let (world, directory) = try await appliedStack()
        var pool = try #require(await world.live(F.pool))
        pool.pending = "waiting for something outside smsauth"
        await world.put(F.pool, pool)
        let store = StatusStore(directory: directory)
        let before = try #require(try store.read(F.web))
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .blocked && change.previousAddress == F.web, "\(change)")
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        #expect(await world.applied == appliedBefore)
        #expect(try store.read(F.web) == nil, "one status file per resource: before, the old one stayed beside it")
        let moved = try #require(try store.read(Self.signup))
        #expect(moved.resource == before.resource)
        #expect(moved.renamedFrom == F.web, "the resource still carries the old name's tags")
    }

    /// A blocked rename's resource, still tagged for the old name, as the new name's read finds it (real AWS finds it
    /// by the recorded id; the fake world files resources by address).
    private func blockedRename() async throws -> (FakeWorld, URL) {
        let (world, directory) = try await appliedStack()
        var pool = try #require(await world.live(F.pool))
        pool.pending = "waiting for something outside smsauth"
        await world.put(F.pool, pool)
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1"))
        pool.pending = nil
        await world.put(F.pool, pool)
        var client = try #require(await world.live(F.web))
        client.tags = OwnershipTags.tags(for: F.web, owner: nil)
        await world.put(Self.signup, client)
        return (world, directory)
    }

    @Test("a rename held in an earlier run is planned again once it can go ahead: the old name's tags are its own")
    func aHeldRenameIsCarriedOutLater() async throws {
        let (world, directory) = try await blockedRename()
        let engine = F.engine(world, directory: directory)
        let later = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let change = try #require(later.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.previousAddress == F.web, "\(change)")
        let run = try await engine.apply(later)
        #expect(!run.hasProblems)
        let store = StatusStore(directory: directory)
        #expect(try store.read(Self.signup)?.renamedFrom == nil, "carried out: the tags name the new address")
        #expect(try store.read(Self.signup)?.phase == .ready)
    }

    @Test("a carried-out rename whose status write was lost (a crash) is found by its new tags and settles")
    func aRenameWhoseStatusWriteWasLostSettles() async throws {
        let (world, directory) = try await blockedRename()
        // The later run wrote the new tags, then stopped before its status write: the file still says renamedFrom.
        var client = try #require(await world.live(Self.signup))
        client.tags = OwnershipTags.tags(for: Self.signup, owner: nil)
        await world.put(Self.signup, client)
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.previousAddress == F.web, "\(change)")
        let run = try await engine.apply(planned)
        #expect(!run.hasProblems)
        let store = StatusStore(directory: directory)
        #expect(try store.read(Self.signup)?.renamedFrom == nil)
        #expect(try store.read(F.web) == nil, "no file appears at the old address")
        let again = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        #expect(again.plan.changes.allSatisfy { $0.action == .noop }, "\(again.plan.changes)")
    }

    /// The stack renamed to `signup`, with a manifest called `web` again.
    /// (Another `clientName`: two manifests may not claim one client, `ClaimRules`.)
    static let bothNames = renamedStack + "\n---\napiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: web}\n"
        + "spec: {userPool: pool, clientName: web-again}\n"

    /// A manifest with the old name again, without a resource of its own, does not take the old name's tags: the
    /// held rename is carried out (its tags written), while that manifest waits; the next run creates its own.
    @Test("a held rename is carried out while a manifest has the old name again, which waits for it")
    func anOldNameInUseAgainWaitsForTheRename() async throws {
        let (world, directory) = try await blockedRename()
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.bothNames), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.action == .rename && change.previousAddress == F.web, "\(change)")
        #expect(planned.plan.change(for: F.web)?.action == .blocked)
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        let store = StatusStore(directory: directory)
        #expect(try store.read(Self.signup)?.renamedFrom == nil, "carried out")
        #expect(try store.read(F.web) == nil)
        let appliedNow = await world.applied
        #expect(appliedNow == appliedBefore, "an app client's rename makes no AWS call, and nothing is made for web")
        // What the next run plans for the old name (its own client) is checked end to end, against the emulator's
        // tags: the fake world files resources by address.
    }

    /// The manifest at a held rename's old address finds the renamed resource by the old name's tags. Planning on it
    /// would change the renamed manifest's resource (under `onImmutableChange: Recreate`, replace it) and record it
    /// twice; it is blocked instead, in a full run and in the controller's run of it, and records nothing.
    @Test("a manifest at a held rename's old address is blocked, records no resource, and changes nothing",
          arguments: [nil, [F.web]] as [Set<ResourceAddress>?])
    func theOldNameAgainIsBlocked(focus: Set<ResourceAddress>?) async throws {
        let (world, directory) = try await blockedRename()
        let store = StatusStore(directory: directory)
        let renamed = try #require(try store.read(Self.signup))
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.bothNames), defaultRegion: "eu-west-1", focus: focus)
        let change = try #require(planned.plan.change(for: F.web))
        #expect(change.action == .blocked, "\(change)")
        #expect(change.reason?.hasPrefix("AppClient/signup was renamed from AppClient/web and the rename is not "
                                         + "carried out yet") == true, "\(change)")
        let appliedBefore = await world.applied
        if let focus {
            _ = try await engine.apply(planned, only: focus)
        } else {
            _ = try await engine.apply(planned)
        }
        let appliedNow = await world.applied
        #expect(appliedNow.dropFirst(appliedBefore.count).allSatisfy { $0 == "rename AppClient/signup" }, "\(appliedNow)")
        let after = try #require(try store.read(Self.signup))
        #expect(after.resource == renamed.resource, "still the renamed manifest's")
        // A full run carries the rename out beside it; the old name's run applies nothing of the new name's.
        #expect(after.renamedFrom == (focus == nil ? nil : F.web))
        #expect(try store.read(F.web) == nil, "no status file: it would keep the rename from taking its address back")
    }

    static let pool2 = ResourceAddress(kind: .userPool, name: "pool2")
    static let other = ResourceAddress(kind: .appClient, name: "other")

    /// The stack applied, then its pool renamed to `pool2` by a run that did not carry the rename out (the status file
    /// moved, `renamedFrom: UserPool/pool`); the folder has a pool called `pool` again, with a client `other` in it
    /// (labelled `app: x`) whose read finds a client there. The fake world files resources by address: the old
    /// address holds the renamed pool, as the old name's tags find it in AWS.
    private func heldPoolRename() async throws -> (FakeWorld, URL, LoadResult) {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(), defaultRegion: "eu-west-1"))
        let store = StatusStore(directory: directory)
        var moved = try #require(try store.read(F.pool))
        moved.name = Self.pool2.name
        moved.renamedFrom = F.pool
        try store.write(moved)
        try store.delete(F.pool)
        await world.put(Self.pool2, try #require(await world.live(F.pool)))
        await world.put(Self.other, try #require(await world.live(F.web)))
        let folder = F.stack.replacingOccurrences(of: "metadata: {name: pool}", with: "metadata: {name: pool2}")
            .replacingOccurrences(of: "userPool: pool,", with: "userPool: pool2,")
            + "\n---\napiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: pool}\nspec: {poolName: Other, smsRole: role}\n"
            + "---\napiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: other, labels: {app: x}}\n"
            + "spec: {userPool: pool, clientName: other}\n"
        return (world, directory, F.load(folder))
    }

    /// What depends on a manifest at a held rename's old address waits with it, and records nothing its read found
    /// through that address (the renamed pool's client); under a selector that leaves the old-name manifest out too.
    @Test("what depends on the old name of a held rename waits and records nothing of the renamed resource",
          arguments: [nil, "app=x"] as [String?])
    func dependentsOfTheOldNameWait(selector: String?) async throws {
        let (world, directory, load) = try await heldPoolRename()
        let engine = try SelectionAndSuspensionTests.engine(world, directory: directory, selector: selector)
        let planned = try await engine.plan(load, defaultRegion: "eu-west-1")
        let client = try #require(planned.plan.change(for: Self.other))
        #expect(client.action == .blocked && client.reason?.hasPrefix("waiting for UserPool/pool: UserPool/pool2 was "
                                                                      + "renamed from UserPool/pool") == true, "\(client)")
        #expect(selector != nil || planned.plan.change(for: F.pool)?.action == .blocked)
        #expect(planned.references[F.pool] == nil, "the renamed pool's outputs are not the old name's")
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        let appliedNow = await world.applied
        #expect(!appliedNow.dropFirst(appliedBefore.count).contains { $0.hasSuffix(" UserPool/pool") || $0.hasSuffix(" AppClient/other") },
                "nothing for the old name or what depends on it: \(appliedNow)")
        let store = StatusStore(directory: directory)
        #expect(try store.read(F.pool) == nil)
        #expect(try store.read(Self.other)?.resource == [:], "the renamed pool's client is not recorded as its own")
    }

    @Test("a renamed manifest the controller keeps for the prune delay still holds its old name")
    func aPendingRemovalStillHoldsTheName() async throws {
        let (world, directory, load) = try await heldPoolRename()
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(load, defaultRegion: "eu-west-1", pendingRemovals: [Self.pool2])
        let change = try #require(planned.plan.change(for: F.pool))
        #expect(change.action == .blocked && change.reason?.hasPrefix("UserPool/pool2 was renamed from") == true, "\(change)")
    }

    /// The renamed manifest removed while the old name has a manifest again: its status file still records the
    /// resource, tagged for the old name, and its removal is reconciled with those tags taken as its own. Under the
    /// pool's default `onDelete: Retain` the release waits while the old-name manifest is there (released, the pool
    /// would keep the old name's tags and that manifest would take it); under `Delete` the pool is deleted, and the
    /// old-name manifest goes ahead in the next run.
    @Test("a removed rename not carried out holds its old name until its removal is reconciled",
          arguments: [DeletePolicy.retain, .delete])
    func aRemovedHolderHoldsTheNameUntilItsRemoval(onDelete: DeletePolicy) async throws {
        let (world, directory, _) = try await heldPoolRename()
        let store = StatusStore(directory: directory)
        var holder = try #require(try store.read(Self.pool2))
        holder.onDelete = onDelete
        try store.write(holder)
        let folder = F.stack.replacingOccurrences(of: "poolName: Pool", with: "poolName: Other")
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(folder), defaultRegion: "eu-west-1")
        let old = try #require(planned.plan.change(for: F.pool))
        #expect(old.action == .blocked && old.reason?.contains("until a run without --selector reconciles the removal "
                                                               + "of UserPool/pool2") == true, "\(old)")
        let removal = try #require(planned.plan.change(for: Self.pool2))
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        let appliedNow = await world.applied
        if onDelete == .retain {
            #expect(removal.action == .blocked && removal.reason?.hasPrefix("its rename from UserPool/pool was never "
                                                                            + "carried out") == true, "\(removal)")
            #expect(appliedNow == appliedBefore)
            #expect(try store.read(Self.pool2)?.renamedFrom == F.pool, "kept until the old-name manifest goes")
        } else {
            #expect(removal.action == .delete, "found as its own by the old name's tags: \(removal)")
            #expect(Array(appliedNow.dropFirst(appliedBefore.count)) == ["delete UserPool/pool2"], "\(appliedNow)")
            #expect(try store.read(Self.pool2) == nil)
            let later = try await engine.plan(F.load(folder), defaultRegion: "eu-west-1")
            #expect(later.plan.change(for: F.pool)?.action != .blocked, "\(later.plan.changes)")
        }
    }

    /// A removed rename's resource claimed by another manifest (here the client, as a cross-kind claim would) is still
    /// not released while the old-name manifest waits: only that manifest's own claim (a rename back) releases it.
    @Test("a removed rename's release waits for the old-name manifest even when another manifest claims the resource")
    func anotherClaimantDoesNotReleaseAHeldName() async throws {
        let (world, directory, _) = try await heldPoolRename()
        var live = try #require(await world.live(Self.pool2))
        live.claimedBy = [F.web]
        await world.put(Self.pool2, live)
        let folder = F.stack.replacingOccurrences(of: "poolName: Pool", with: "poolName: Other")
        let planned = try await F.engine(world, directory: directory).plan(F.load(folder), defaultRegion: "eu-west-1")
        let removal = try #require(planned.plan.change(for: Self.pool2))
        #expect(removal.action == .blocked && removal.reason?.hasPrefix("its rename from UserPool/pool was never "
                                                                        + "carried out") == true, "\(removal)")
    }

    /// Under a selector, a resource outside it that depends on the old name's manifest passes on nothing it found
    /// through it: a selected resource depending on that one waits too. (A role renamed and held; a role manifest
    /// with the old name again; a pool of that role outside the selector, found; a client of that pool selected.)
    @Test("under a selector, what depends on the old name through an unselected resource waits")
    func aSelectedResourceTwoStepsAwayWaits() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(), defaultRegion: "eu-west-1"))
        let store = StatusStore(directory: directory)
        let role2 = ResourceAddress(kind: .smsRole, name: "role2")
        var moved = try #require(try store.read(F.role))
        moved.name = role2.name
        moved.renamedFrom = F.role
        try store.write(moved)
        try store.delete(F.role)
        await world.put(role2, try #require(await world.live(F.role)))
        let p3 = ResourceAddress(kind: .userPool, name: "p3")
        await world.put(p3, try #require(await world.live(F.pool)))
        let folder = F.stack.replacingOccurrences(of: "metadata: {name: role}", with: "metadata: {name: role2}")
            .replacingOccurrences(of: "smsRole: role\n", with: "smsRole: role2\n")
            + "\n---\napiVersion: smsauth/v1\nkind: SmsRole\nmetadata: {name: role}\n"
            + "spec: {roleName: other-sms, externalId: 0b6f0a4e-8a7e-4f55-9d64-1f0e4a3c2b1d}\n"
            + "---\napiVersion: smsauth/v1\nkind: UserPool\nmetadata: {name: p3}\nspec: {poolName: P3, smsRole: role}\n"
            + "---\napiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: c3, labels: {app: x}}\n"
            + "spec: {userPool: p3, clientName: c3}\n"
        let selected = try SelectionAndSuspensionTests.engine(world, directory: directory, selector: "app=x")
        let planned = try await selected.plan(F.load(folder), defaultRegion: "eu-west-1")
        let client = try #require(planned.plan.change(for: ResourceAddress(kind: .appClient, name: "c3")))
        #expect(client.action == .blocked && client.reason?.hasPrefix("waiting for UserPool/p3: waiting for SmsRole/role: "
                                                                      + "SmsRole/role2 was renamed from SmsRole/role") == true,
                "\(client)")
    }

    @Test("a rename not carried out names its former address while a manifest without a resource of its own has it")
    func heldFormerNames() throws {
        var held = ResourceStatus(kind: .appClient, name: "signup", specHash: "h", resource: ["id": "c1"])
        held.renamedFrom = F.web
        let carriedOut = ResourceStatus(kind: .appClient, name: "signup", specHash: "h", resource: ["id": "c1"])
        var removedHolder = held
        removedHolder.name = "gone"
        let both = try DesiredState(load: F.load(Self.bothNames), defaultRegion: "eu-west-1")
        let renamedOnly = try DesiredState(load: F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let ownResource = ResourceStatus(kind: .appClient, name: "web", specHash: "h", resource: ["id": "c2"])
        let none: (ResourceAddress) -> ResourceStatus? = { _ in nil }
        #expect(try ReconcileEngine.heldFormerNames([held], desired: both, statusOf: none) == [F.web: Self.signup])
        #expect(try ReconcileEngine.heldFormerNames([carriedOut], desired: both, statusOf: none).isEmpty)
        #expect(try ReconcileEngine.heldFormerNames([held], desired: renamedOnly, statusOf: none).isEmpty,
                "no manifest at the old name")
        #expect(try ReconcileEngine.heldFormerNames([held], desired: both, statusOf: { _ in ownResource }).isEmpty,
                "the manifest at the old name has a resource of its own")
        #expect(try ReconcileEngine.heldFormerNames([removedHolder, held], desired: both, statusOf: none)
                == [F.web: ResourceAddress(kind: .appClient, name: "gone")], "a removed one holds it too; the first")
    }

    @Test("a status file at a held rename's old address is not its own: left alone, and its address's tags not taken")
    func anotherSetsFileAtTheOldAddressIsLeftAlone() async throws {
        let (world, directory) = try await blockedRename()
        let store = StatusStore(directory: directory)
        var theirs = ResourceStatus(kind: .appClient, name: "web", specHash: "theirs", resource: ["id": "their-client"])
        theirs.owner = "another-team"
        try store.write(theirs)
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: Self.signup))
        #expect(change.previousAddress == nil && change.action != .rename, "\(change)")
        _ = try await engine.apply(planned)
        #expect(try store.read(F.web) == theirs, "another manifest set's file is never removed or rewritten")
        #expect(try store.read(Self.signup)?.renamedFrom == F.web, "kept for a run where the address is free")
    }

    @Test("a read target takes its status's renamedFrom as its former address only while nothing else has it")
    func formerAddressOnlyWhileNothingElseHasIt() throws {
        var moved = ResourceStatus(kind: .appClient, name: "signup", specHash: "h", resource: ["id": "c1"])
        moved.renamedFrom = F.web
        let desired = try DesiredState(load: F.load(Self.renamedStack), defaultRegion: "eu-west-1")
        let withWeb = try DesiredState(load: F.load(F.stack + "\n---\napiVersion: smsauth/v1\nkind: AppClient\n"
                                                    + "metadata: {name: signup}\nspec: {userPool: pool, clientName: web}\n"),
                                       defaultRegion: "eu-west-1")
        let removedWeb = ResourceStatus(kind: .appClient, name: "web", specHash: "h", resource: ["id": "c2"])
        var neverCreated = ResourceStatus(kind: .appClient, name: "web", specHash: "h")
        neverCreated.phase = .blocked
        let cases: [(String, [ResourceAddress: ReadTarget])] = [
            ("free", ReconcileEngine.targets(desired: desired, statuses: [moved])),
            ("a manifest without a status file", ReconcileEngine.targets(desired: withWeb, statuses: [moved])),
            ("a manifest whose status file records nothing",
             ReconcileEngine.targets(desired: withWeb, statuses: [moved, neverCreated])),
            ("a manifest whose status file records its resource has it",
             ReconcileEngine.targets(desired: withWeb, statuses: [moved, removedWeb])),
            ("a status file of this set has it", ReconcileEngine.targets(desired: desired, statuses: [moved, removedWeb])),
            ("another set's status file has it", ReconcileEngine.targets(desired: desired, statuses: [moved], foreign: [F.web])),
            ("a listed, unread file has it", ReconcileEngine.targets(desired: desired, statuses: [moved], listed: [F.web])),
        ]
        for (label, targets) in cases {
            #expect(targets[Self.signup]?.formerAddress == (label.hasSuffix("has it") ? nil : F.web), "\(label)")
        }
    }

    @Test("a focused run on the old name alone (the controller) still sees the new manifest: rename, not delete")
    func focusedOnTheOldNameRenames() async throws {
        let (world, directory) = try await appliedStack()
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1", focus: [F.web])
        #expect(planned.plan.change(for: Self.signup)?.action == .rename)
        #expect(planned.plan.changes.allSatisfy { $0.action != .delete })
        let appliedBefore = await world.applied
        let run = try await engine.apply(planned, only: [F.web])
        #expect(run.report.results.map(\.change.address) == [Self.signup])
        #expect(await world.applied == appliedBefore)
        let store = StatusStore(directory: directory)
        #expect(try store.read(F.web) == nil && (try store.read(Self.signup)) != nil)
    }

    @Test("a focused run on the new name alone (the controller) pairs the rename itself: no second resource")
    func focusedOnTheNewNameRenames() async throws {
        let (world, directory) = try await appliedStack()
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(Self.renamedStack), defaultRegion: "eu-west-1", focus: [Self.signup])
        #expect(planned.plan.change(for: Self.signup)?.action == .rename)
        let appliedBefore = await world.applied
        let run = try await engine.apply(planned, only: [Self.signup])
        #expect(run.report.results.map(\.change.address) == [Self.signup], "the old name's own change is not applied")
        #expect(await world.applied == appliedBefore, "nothing is created")
        let store = StatusStore(directory: directory)
        #expect(try store.read(F.web) == nil && (try store.read(Self.signup))?.recordsNeverCreated == false)
    }

    @Test("a run under --selector never reads removed resources: a create of their kind waits for a run without it")
    func aSelectedCreateWaitsForTheRemoval() async throws {
        let (world, directory) = try await appliedStack()
        let labelled = Self.renamedStack.replacingOccurrences(of: "metadata: {name: signup}",
                                                              with: "metadata: {name: signup, labels: {app: web}}")
        let engine = try SelectionAndSuspensionTests.engine(world, directory: directory, selector: "app=web")
        let planned = try await engine.plan(F.load(labelled), defaultRegion: "eu-west-1")
        let signup = try #require(planned.plan.change(for: Self.signup))
        #expect(signup.action == .blocked)
        #expect(signup.reason?.hasPrefix("waiting for the removal of AppClient/web to be reconciled: this may be its "
                                         + "rename") == true, "\(signup.reason ?? "")")
        let appliedBefore = await world.applied
        _ = try await engine.apply(planned)
        #expect(await world.applied == appliedBefore, "nothing is created")
        let store = StatusStore(directory: directory)
        #expect(try store.read(Self.signup)?.recordsNeverCreated == true, "a status recording no resource is written")

        // The blocked run's status file does not keep a run without the selector from pairing the rename.
        let full = try await F.engine(world, directory: directory).plan(F.load(labelled), defaultRegion: "eu-west-1")
        #expect(full.plan.change(for: Self.signup)?.action == .rename)
    }

    @Test("a removal no run of this set will pair holds no create: another set's status file, a refused or suspended one")
    func removalsNeverPairedHoldNothing() async throws {
        let (world, directory) = try await appliedStack()
        let store = StatusStore(directory: directory)
        let recorded = try #require(try store.read(F.web))
        let labelled = Self.renamedStack.replacingOccurrences(of: "metadata: {name: signup}",
                                                              with: "metadata: {name: signup, labels: {app: web}}")
        let engine = try SelectionAndSuspensionTests.engine(world, directory: directory, selector: "app=web")
        for (owner, phase) in [("another-set", StatusPhase.ready), (recorded.owner, .refused), (recorded.owner, .suspended)] {
            var web = recorded
            web.owner = owner
            web.phase = phase
            try store.write(web)
            let planned = try await engine.plan(F.load(labelled), defaultRegion: "eu-west-1")
            #expect(planned.plan.change(for: Self.signup)?.action == .create, "\(owner ?? "no owner"), \(phase)")
        }
    }

    @Test("the controller's pending removals hold a create of their kind, even with their manifests still loaded")
    func pendingRemovalHoldsACreate() async throws {
        let (world, directory) = try await appliedStack()
        let both = F.stack + "\n---\n" + Self.renamedStack.components(separatedBy: "---").last!
        let engine = F.engine(world, directory: directory)
        let held = try await engine.plan(F.load(both), defaultRegion: "eu-west-1", focus: [Self.signup],
                                         pendingRemovals: [F.web])
        #expect(held.plan.change(for: Self.signup)?.action == .blocked)
        let free = try await engine.plan(F.load(both), defaultRegion: "eu-west-1", focus: [Self.signup])
        #expect(free.plan.change(for: Self.signup)?.action == .create, "two manifests may describe two resources")
    }

    @Test("a manifest kept only for the prune delay is never created and claims nothing: a rename renamed again pairs")
    func pendingRemovalsAreNeitherCreatedNorClaimants() async throws {
        let (world, directory) = try await appliedStack()
        let held = ResourceAddress(kind: .appClient, name: "held")
        var client = try #require(await world.live(F.web))
        client.claimedBy = [Self.signup, held]
        await world.put(F.web, client)
        let heldManifest = "\n---\napiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: held}\n"
            + "spec: {userPool: pool, clientName: web}\n"
        let engine = F.engine(world, directory: directory)
        let both = try await engine.plan(F.load(Self.renamedStack + heldManifest), defaultRegion: "eu-west-1")
        #expect(both.plan.change(for: F.web)?.action == .retain, "two manifests claim it: released, as before")

        let planned = try await engine.plan(F.load(Self.renamedStack + heldManifest), defaultRegion: "eu-west-1",
                                            focus: [F.web, held], pendingRemovals: [held])
        #expect(planned.plan.change(for: Self.signup)?.action == .rename, "the held manifest does not claim it")
        let heldChange = try #require(planned.plan.change(for: held))
        #expect(heldChange.action == .blocked)
        #expect(heldChange.reason == "its manifest is missing from the folder: not created while the controller waits "
                + "for the prune delay to confirm the removal")

        // Claimed by the held manifest alone: left as it is until that removal is confirmed, never deleted meanwhile.
        let heldOnly = F.stack.replacingOccurrences(of: "metadata: {name: web}", with: "metadata: {name: held}")
        let waiting = try await engine.plan(F.load(heldOnly), defaultRegion: "eu-west-1", focus: [F.web],
                                            pendingRemovals: [held])
        let web = try #require(waiting.plan.change(for: F.web))
        #expect(web.action == .blocked)
        #expect(web.reason == "AppClient/held claims its AWS resource but is missing from the folder for less than the "
                + "prune delay: nothing is done to it until that removal is confirmed")
    }

    @Test("a removed manifest whose create was only ever blocked or refused only loses its status file")
    func aNeverCreatedRemovalForgetsItsStatus() async throws {
        let (world, directory) = try await appliedStack()
        let store = StatusStore(directory: directory)
        var ghost = try #require(try store.read(F.web))
        ghost.name = "ghost"
        ghost.resource = [:]
        ghost.phase = .blocked
        ghost.history = [HistoryEntry(time: F.now, action: .blocked, result: .blocked)]
        var failed = ghost
        failed.name = "failed"
        failed.phase = .error
        failed.history = [HistoryEntry(time: F.now, action: .create, result: .failed)]
        try store.write(ghost)
        try store.write(failed)
        let address = ResourceAddress(kind: .appClient, name: "ghost")
        let engine = F.engine(world, directory: directory)
        let planned = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        let change = try #require(planned.plan.change(for: address))
        #expect(change.action == .noop)
        #expect(change.reason == "its status file records no AWS resource (it was never created): only the status "
                + "file is removed")
        let failedChange = try #require(planned.plan.change(for: ResourceAddress(kind: .appClient, name: "failed")))
        #expect(failedChange.reason?.contains("never created") != true,
                "a failed create may have made a client its record never got: it is looked for")
        let appliedBefore = await world.applied
        let run = try await engine.apply(planned)
        #expect(!run.hasProblems)
        #expect(try store.read(address) == nil)
        #expect(await world.applied == appliedBefore)
    }

    @Test("a removed resource claimed by a manifest that has its own status file is released, never deleted")
    func claimedWithBothStatusesIsReleased() async throws {
        let (world, directory) = try await appliedStack()
        let store = StatusStore(directory: directory)
        var copy = try #require(try store.read(F.web))
        copy.name = "signup"
        try store.write(copy)
        var live = try #require(await world.live(F.web))
        live.tags = live.tags.map { _ in OwnershipTags.tags(for: Self.signup, owner: nil) }
        await world.put(Self.signup, live)
        let planned = try await F.engine(world, directory: directory).plan(F.load(Self.renamedStack),
                                                                          defaultRegion: "eu-west-1")
        let web = try #require(planned.plan.change(for: F.web))
        #expect(web.action == .retain)
        #expect(web.reason == "its AWS resource is claimed by AppClient/signup; released (status removed), not deleted")
        #expect(web.warnings == ["AppClient/web and AppClient/signup name the same AWS resource; AppClient/web is released instead of deleted"])
        #expect(planned.plan.change(for: Self.signup)?.action == .noop)
    }

    @Test("a resource claimed by two new manifests is released with a warning naming both, not paired")
    func twoClaimantsRelease() async throws {
        let (world, directory) = try await appliedStack()
        let other = ResourceAddress(kind: .appClient, name: "other")
        var client = try #require(await world.live(F.web))
        client.claimedBy = [Self.signup, other]
        await world.put(F.web, client)
        let twice = Self.renamedStack + """

            ---
            apiVersion: smsauth/v1
            kind: AppClient
            metadata: {name: other}
            spec: {userPool: pool, clientName: other}
            """
        let planned = try await F.engine(world, directory: directory).plan(F.load(twice), defaultRegion: "eu-west-1")
        let web = try #require(planned.plan.change(for: F.web))
        #expect(web.action == .retain)
        #expect(web.reason == "its AWS resource is claimed by AppClient/other, AppClient/signup; released (status removed), not deleted")
        #expect(planned.plan.change(for: Self.signup)?.previousAddress == nil)
    }

    @Test("an empty desired set refuses every removal without reading AWS; --allow-empty deletes and releases")
    func emptySetGuard() async throws {
        let (world, directory) = try await appliedStack()
        let store = StatusStore(directory: directory)
        let readsBefore = await world.reads
        let engine = F.engine(world, directory: directory)
        let refused = try await engine.plan(F.load(""), defaultRegion: "eu-west-1")
        #expect(refused.plan.changes.count == 3)
        #expect(refused.plan.changes.allSatisfy { $0.action == .refuse })
        #expect(refused.plan.changes.first?.reason?.contains("run again with --allow-empty") == true)
        #expect(refused.plan.summary.hasRefusals)
        #expect(await world.reads == readsBefore)
        let run = try await engine.apply(refused)
        #expect(run.hasProblems)
        #expect(try store.readAll().count == 3)
        #expect(await world.live(F.web) != nil)

        let allowing = F.engine(world, directory: directory, options: EngineOptions(concurrency: 2, allowEmpty: true, identity: F.identity))
        let planned = try await allowing.plan(F.load(""), defaultRegion: "eu-west-1")
        #expect(planned.plan.change(for: F.web)?.action == .delete)
        #expect(planned.plan.change(for: F.pool)?.action == .retain)
        _ = try await allowing.apply(planned)
        #expect(try store.readAll().isEmpty)
        #expect(await world.live(F.web) == nil)
    }
}
