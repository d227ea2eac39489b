import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Planning with fake handlers: order, references, blocked dependents, removed manifests, refusal to run.
@Suite("ReconcileEngine planning")
struct ReconcileEnginePlanTests {
    typealias F = EngineFixtures

    @Test("creates in dependency order and hands dependents the planned outputs")
    func createsInOrder() async throws {
        let world = FakeWorld()
        let run = try await F.engine(world, directory: F.statusDirectory()).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.changes.map(\.address) == [F.role, F.pool, F.web])
        #expect(run.plan.changes.map(\.action) == [.create, .create, .create])
        #expect(run.plan.change(for: F.web)?.dependencies == [F.pool])
        #expect(run.references[F.role]?["arn"] == "arn:aws:iam::123456789012:role/role")
        #expect(await world.reads.sorted() == [.smsRole, .userPool, .appClient])
    }

    @Test("a focused plan reads the status files of its resources and their dependencies only")
    func focusedPlanReadsOnlyTheStatusFilesItNeeds() async throws {
        let directory = F.statusDirectory()
        let folder = directory.appendingPathComponent(ResourceKind.sandboxNumber.rawValue)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("unrelated.json"))
        let engine = F.engine(FakeWorld(), directory: directory)
        let run = try await engine.plan(F.load(), defaultRegion: "eu-west-1", focus: [F.web])
        #expect(run.targets[F.web] != nil && run.targets[F.pool] != nil)
        #expect(run.plan.change(for: F.web)?.action == .create)
        await #expect(throws: ReconcileEngineError.self) {
            try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        }
    }

    @Test("a dependency that is refused and does not exist blocks its dependents")
    func blockedByRefusedDependency() async throws {
        let world = FakeWorld()
        await world.put(F.pool, FakeLive(id: "theirs", specHash: "x", region: "eu-west-1", owned: false))
        let run = try await F.engine(world, directory: F.statusDirectory()).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: F.pool)?.action == .refuse)
        let web = try #require(run.plan.change(for: F.web))
        #expect(web.action == .blocked)
        #expect(web.reason?.hasPrefix("waiting for UserPool/pool: refused: found a matching UserPool") == true)
        #expect(run.plan.summary.hasRefusals)
    }

    @Test("a pending dependency blocks its dependents")
    func blockedByPendingDependency() async throws {
        let world = FakeWorld()
        let desired = try DesiredState(load: F.load(), defaultRegion: "eu-west-1")
        let poolHash = SpecHash.of(try #require(desired.resources[F.pool]).manifest)
        let roleHash = SpecHash.of(try #require(desired.resources[F.role]).manifest)
        await world.put(F.role, FakeLive(id: "r", specHash: roleHash, region: nil, owned: true))
        await world.put(F.pool, FakeLive(id: "p", specHash: poolHash, region: "eu-west-1", owned: true,
                                         pending: "being provisioned"))
        let run = try await F.engine(world, directory: F.statusDirectory()).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: F.pool)?.action == .noop)
        #expect(run.plan.change(for: F.web)?.action == .blocked)
        #expect(run.plan.change(for: F.web)?.reason == "waiting for UserPool/pool: pending: being provisioned")
    }

    @Test("a kind that cannot be read blocks its resources and their dependents; other kinds proceed")
    func readFailureOfOneKind() async throws {
        let world = FakeWorld()
        await world.failReads(of: .userPool)
        let run = try await F.engine(world, directory: F.statusDirectory()).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: F.role)?.action == .create)
        let pool = try #require(run.plan.change(for: F.pool))
        #expect(pool.action == .blocked)
        #expect(pool.reason == "could not read UserPool resources: InternalFailure: boom")
        #expect(run.plan.change(for: F.web)?.action == .blocked)
        #expect(run.plan.change(for: F.web)?.reason?.hasPrefix("waiting for UserPool/pool: its live state could not be read") == true)
    }

    @Test("a removed resource is deleted even when a removed resource it depended on is blocked")
    func removedResourceIgnoresBlockedDependencies() async throws {
        let world = FakeWorld()
        let engine = F.engine(world, directory: F.statusDirectory())
        _ = try await engine.apply(try await engine.plan(F.load(), defaultRegion: "eu-west-1"))
        await world.failReads(of: .userPool)
        let onlyRole = try #require(F.stack.components(separatedBy: "---").first)
        let run = try await engine.plan(F.load(onlyRole), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: F.pool)?.action == .blocked)
        #expect(run.plan.change(for: F.web)?.action == .delete, "\(String(describing: run.plan.change(for: F.web)))")
    }

    @Test("removed manifests: the delete policy comes from status, else the kind's default", arguments: [
        (ResourceKind.appClient, DeletePolicy?.none, ChangeAction.delete),
        (.userPool, nil, .retain),
        (.userPool, .delete, .delete),
        (.appClient, .retain, .retain),
    ])
    func removedManifestPolicy(kind: ResourceKind, recorded: DeletePolicy?, expected: ChangeAction) async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let address = ResourceAddress(kind: kind, name: "gone")
        await world.put(address, FakeLive(id: "g", specHash: "h", region: "us-west-2", owned: true))
        try StatusStore(directory: directory).write(ResourceStatus(
            kind: kind, name: "gone", specHash: "h", phase: .ready, resource: ["id": "g", "region": "us-west-2"],
            onDelete: recorded, folder: F.identity.folder))
        let run = try await F.engine(world, directory: directory).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(run.plan.change(for: address)?.action == expected)
        #expect(run.targets[address]?.region == "us-west-2")
        #expect(run.removed == [address])
    }

    @Test("a directory with any error is refused before anything is read, even with removed resources in status")
    func invalidManifestsRefuseTheRun() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        try StatusStore(directory: directory).write(ResourceStatus(kind: .userPool, name: "old", specHash: "h",
                                                                   onDelete: .delete))
        var load = F.load()
        load.diagnostics.append(.error("syntax", "broken YAML", at: SourceLocation(file: "b.yaml", line: 1, column: 1)))
        await #expect(throws: ReconcileEngineError.invalidManifests(errors: 1)) {
            try await F.engine(world, directory: directory).plan(load, defaultRegion: "eu-west-1")
        }
        #expect(await world.reads.isEmpty)
    }

    @Test("a regional resource without any region is refused")
    func noRegion() async throws {
        await #expect(throws: ReconcileEngineError.noRegion(F.pool)) {
            try await F.engine(FakeWorld(), directory: F.statusDirectory()).plan(F.load(), defaultRegion: nil)
        }
    }

    @Test("planning writes nothing: no status folder, no AWS change")
    func dryRunWritesNothing() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        _ = try await F.engine(world, directory: directory).plan(F.load(), defaultRegion: "eu-west-1")
        #expect(!FileManager.default.fileExists(atPath: directory.path))
        #expect(await world.applied.isEmpty)
        #expect(await world.resources.isEmpty)
    }
}
