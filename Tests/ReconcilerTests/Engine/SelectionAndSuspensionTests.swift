import Foundation
import Manifests
import Testing
@testable import Reconciler

/// `--selector` and suspend in the engine, with fake handlers: what is planned, applied and recorded.
@Suite("ReconcileEngine selection and suspension")
struct SelectionAndSuspensionTests {
    typealias F = EngineFixtures

    /// The fixture stack with `labels` on the app client and `policy` lines on the pool.
    static func stack(clientLabels: String = "{}", poolPolicy: String = "") -> LoadResult {
        F.load(F.stack.replacingOccurrences(of: "metadata: {name: web}", with: "metadata: {name: web, labels: \(clientLabels)}")
            .replacingOccurrences(of: "  smsRole: role\n", with: "  smsRole: role\n\(poolPolicy)"))
    }

    /// An engine selecting with `selector`.
    static func engine(_ world: FakeWorld, directory: URL, selector: String?) throws -> ReconcileEngine {
        F.engine(world, directory: directory, options: EngineOptions(
            concurrency: 2, identity: F.identity, selector: try selector.map { try LabelSelector(parsing: $0) }))
    }

    /// Puts the role and the pool in `world`, owned and equal to the fixture manifests.
    static func existingRoleAndPool(_ world: FakeWorld, load: LoadResult) async throws {
        let desired = try DesiredState(load: load, defaultRegion: "eu-west-1")
        for (address, region) in [(F.role, nil), (F.pool, "eu-west-1")] as [(ResourceAddress, String?)] {
            let hash = SpecHash.of(try #require(desired.resources[address]).manifest)
            await world.put(address, FakeLive(id: address.name, specHash: hash, region: region, owned: true))
        }
    }

    @Test("only selected manifests are planned; what they depend on is read for its outputs but not planned")
    func onlySelectedArePlanned() async throws {
        let world = FakeWorld()
        let load = Self.stack(clientLabels: "{app: web}")
        try await Self.existingRoleAndPool(world, load: load)
        await world.put(F.pool, FakeLive(id: "pool", specHash: "drifted", region: "eu-west-1", owned: true))
        let engine = try Self.engine(world, directory: F.statusDirectory(), selector: "app=web")
        let run = try await engine.plan(load, defaultRegion: "eu-west-1")
        #expect(run.plan.changes.map(\.address) == [F.web])
        #expect(run.plan.change(for: F.web)?.action == .create)
        #expect(run.references[F.pool]?["id"] == "pool", "the unselected pool's live outputs are used")
        let applied = try await engine.apply(run)
        #expect(!applied.hasProblems)
        let writes = await world.applied
        #expect(writes.count == 1, "only the selected client is written: \(writes)")
        #expect(await world.live(F.pool)?.specHash == "drifted", "the unselected pool's drift is not corrected")
    }

    @Test("a selected resource is planned with the live outputs of an unselected dependency, never its planned ones")
    func unselectedDependencyIsUsedAsItIs() async throws {
        let world = FakeWorld()
        let text = F.stack.replacingOccurrences(of: "metadata: {name: pool}", with: "metadata: {name: pool, labels: {tier: pool}}")
        try await Self.existingRoleAndPool(world, load: F.load(text))
        let engine = try Self.engine(world, directory: F.statusDirectory(), selector: "tier=pool")
        let run = try await engine.plan(F.load(text), defaultRegion: "eu-west-1")
        #expect(run.plan.changes.map(\.address) == [F.pool])
        let input = try #require(run.inputs[F.pool])
        #expect(input.references[F.role] == ["id": "role"],
                "the role is not changed by this run: its planned ARN must not reach the pool's plan")
    }

    @Test("a replacement that unselected manifests depend on is blocked; one nothing unselected depends on is not")
    func replacementWithUnselectedDependentsIsHeld() throws {
        let replace = try ResourceChange(address: F.role, action: .replace, reason: "roleName changes")
        let held = try RunPlanner.holdingReplacement(replace, dependents: [F.pool])
        #expect(held.action == .blocked)
        #expect(held.reason == "replacing it would leave UserPool/pool naming the old one, and --selector does not "
                + "select them: select them too")
        #expect(try RunPlanner.holdingReplacement(replace, dependents: []) == replace)
        let update = try ResourceChange(address: F.role, action: .update)
        #expect(try RunPlanner.holdingReplacement(update, dependents: [F.pool]) == update)
    }

    @Test("a selected resource whose unselected dependency does not exist waits for it")
    func unselectedMissingDependencyBlocks() async throws {
        let engine = try Self.engine(FakeWorld(), directory: F.statusDirectory(), selector: "app in (web)")
        let run = try await engine.plan(Self.stack(clientLabels: "{app: web}"), defaultRegion: "eu-west-1")
        let web = try #require(run.plan.change(for: F.web))
        #expect(web.action == .blocked)
        #expect(web.reason == "waiting for UserPool/pool: not selected by --selector, and it does not exist or could not be read")
        #expect(run.plan.changes.count == 1)
    }

    @Test("a removed resource is outside every selection: not read, planned, deleted, or its status file touched")
    func removedResourcesAreNeverSelected() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let gone = ResourceAddress(kind: .appClient, name: "gone")
        await world.put(gone, FakeLive(id: "g", specHash: "h", region: "eu-west-1", owned: true))
        let store = StatusStore(directory: directory)
        try store.write(ResourceStatus(kind: .appClient, name: "gone", specHash: "h", phase: .ready,
                                       resource: ["id": "g", "region": "eu-west-1"], onDelete: .delete,
                                       folder: F.identity.folder))
        let before = try Data(contentsOf: directory.appendingPathComponent("AppClient/gone.json"))
        let engine = try Self.engine(world, directory: directory, selector: "!legacy")
        let run = try await engine.plan(Self.stack(), defaultRegion: "eu-west-1")
        #expect(run.targets[gone] == nil)
        #expect(run.plan.change(for: gone) == nil)
        _ = try await engine.apply(run)
        #expect(await world.live(gone) != nil)
        #expect(try Data(contentsOf: directory.appendingPathComponent("AppClient/gone.json")) == before)
    }

    @Test("a suspended pool is planned suspended, not updated, and recorded Suspended with its spec hash kept")
    func suspendedPoolIsLeftAlone() async throws {
        let world = FakeWorld()
        let load = Self.stack(poolPolicy: "policy: {suspend: true}\n")
        try await Self.existingRoleAndPool(world, load: load)
        await world.put(F.pool, FakeLive(id: "pool", specHash: "changed-by-hand", region: "eu-west-1", owned: true))
        let directory = F.statusDirectory()
        try StatusStore(directory: directory).write(ResourceStatus(
            kind: .userPool, name: "pool", specHash: "last-applied", phase: .ready,
            resource: ["id": "pool", "region": "eu-west-1"], folder: F.identity.folder))
        let engine = F.engine(world, directory: directory)
        let run = try await engine.plan(load, defaultRegion: "eu-west-1")
        let pool = try #require(run.plan.change(for: F.pool))
        #expect(pool.action == .suspended)
        #expect(pool.reason?.hasPrefix("suspended (policy.suspend: true)") == true)
        #expect(!pool.fieldChanges.isEmpty, "what resuming would change is shown")
        #expect(run.plan.change(for: F.web)?.action == .create, "a dependent of an existing suspended pool goes on")
        _ = try await engine.apply(run)
        #expect(await world.live(F.pool)?.specHash == "changed-by-hand")
        let status = try #require(try StatusStore(directory: directory).read(F.pool))
        #expect(status.phase == .suspended)
        #expect(status.condition("Synced")?.reason == "Suspended")
        #expect(status.specHash == "last-applied", "a suspended resource was not reconciled: its spec hash is kept")
    }

    @Test("removing a suspended resource's manifest deletes nothing and keeps its status")
    func removedSuspendedResourceIsKept() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let gone = ResourceAddress(kind: .appClient, name: "gone")
        await world.put(gone, FakeLive(id: "g", specHash: "h", region: "eu-west-1", owned: true))
        try StatusStore(directory: directory).write(ResourceStatus(
            kind: .appClient, name: "gone", specHash: "h", phase: .suspended,
            resource: ["id": "g", "region": "eu-west-1"], onDelete: .delete, folder: F.identity.folder))
        let engine = F.engine(world, directory: directory)
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        let change = try #require(run.plan.change(for: gone))
        #expect(change.action == .suspended)
        #expect(change.reason?.contains("nothing is deleted or released") == true)
        _ = try await engine.apply(run)
        #expect(await world.live(gone) != nil)
        #expect(try StatusStore(directory: directory).read(gone)?.phase == .suspended)
    }

    @Test("the settings document's suspend suspends every resource, removed ones included")
    func settingsSuspendAll() async throws {
        var load = F.load()
        load.settings = ManifestSettings(owner: Located("team", at: SourceLocation(file: "smsauth.yaml", line: 3, column: 10)),
                                         suspend: Located(true, at: SourceLocation(file: "smsauth.yaml", line: 4, column: 12)),
                                         location: SourceLocation(file: "smsauth.yaml", line: 2, column: 7))
        let target = ReadTarget(address: F.web, desired: nil, status: nil, region: nil)
        #expect(Suspension.of(target, suspendAll: true)?.contains("spec.suspend: true in smsauth.yaml") == true)
        #expect(Suspension.of(target, suspendAll: false) == nil)
        let run = try await F.engine(FakeWorld(), directory: F.statusDirectory())
            .plan(load, defaultRegion: "eu-west-1")
        #expect(run.plan.changes.map(\.action) == [.suspended, .suspended, .suspended])
        #expect(!run.plan.summary.hasChanges)
    }
}
