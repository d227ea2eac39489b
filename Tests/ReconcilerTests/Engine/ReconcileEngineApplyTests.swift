import Foundation
import Manifests
import Testing
@testable import Reconciler

/// Applying with fake handlers: status files, failures, second runs, removed manifests, drift.
@Suite("ReconcileEngine apply")
struct ReconcileEngineApplyTests {
    typealias F = EngineFixtures

    /// Plans and applies once.
    private func reconcile(_ world: FakeWorld, _ directory: URL, _ text: String = F.stack) async throws -> AppliedRun {
        let engine = F.engine(world, directory: directory)
        return try await engine.apply(try await engine.plan(F.load(text), defaultRegion: "eu-west-1"))
    }

    @Test("apply creates in order, writes one status per resource, and a second run changes nothing")
    func applyWritesStatusesThenNoop() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let first = try await reconcile(world, directory)
        #expect(!first.hasProblems)
        #expect(await world.applied == ["create SmsRole/role", "create UserPool/pool", "create AppClient/web"])
        let store = StatusStore(directory: directory)
        let pool = try #require(try store.read(F.pool))
        let desired = try DesiredState(load: F.load(), defaultRegion: "eu-west-1")
        #expect(pool.phase == .ready)
        #expect(pool.specHash == SpecHash.of(try #require(desired.resources[F.pool]).manifest))
        #expect(pool.resource == ["id": "pool-2", "region": "eu-west-1"])
        #expect(pool.onDelete == .retain)
        #expect(pool.lastAppliedTime == F.now && pool.lastReconcileTime == F.now)
        #expect(pool.condition("Ready")?.status == .isTrue && pool.condition("Synced")?.status == .isTrue)
        #expect(pool.history == [HistoryEntry(time: F.now, action: .create, result: .applied)])
        #expect(try store.readAll().count == 3)

        let engine = F.engine(world, directory: directory)
        let second = try await engine.plan(F.load(), defaultRegion: "eu-west-1")
        #expect(second.plan.changes.allSatisfy { $0.action == .noop })
        _ = try await engine.apply(second)
        #expect(try store.read(F.pool)?.history.map(\.result) == [.applied, .unchanged])
        #expect(await world.applied.count == 3)
    }

    @Test("a failed change records lastError and blocks its dependents; unrelated resources are applied")
    func failureBlocksDependents() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        await world.failApply(of: F.pool)
        let run = try await reconcile(world, directory)
        #expect(run.hasProblems)
        let store = StatusStore(directory: directory)
        let pool = try #require(try store.read(F.pool))
        #expect(pool.phase == .error)
        #expect(pool.lastError == ErrorRecord(code: "InvalidParameterException", message: "bad value",
                                              awsErrorCode: "InvalidParameterException"))
        let web = try #require(try store.read(F.web))
        #expect(web.phase == .blocked)
        #expect(web.condition("Ready")?.message == "depends on UserPool/pool, which failed")
        #expect(try store.read(F.role)?.phase == .ready)
        #expect(await world.applied == ["create SmsRole/role", "create UserPool/pool"])
    }

    @Test("an unreadable kind is a problem of the run; its resources are recorded Blocked with the error")
    func readFailureOnApply() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        await world.failReads(of: .appClient)
        let run = try await reconcile(world, directory)
        #expect(run.hasProblems && run.readFailures == [F.web])
        let web = try #require(try StatusStore(directory: directory).read(F.web))
        #expect(web.phase == .blocked)
        #expect(web.condition("Ready")?.message == "could not read AppClient resources: InternalFailure: boom")
        #expect(await world.applied == ["create SmsRole/role", "create UserPool/pool"])
    }

    @Test("a resource still pending after its creation is recorded as Pending")
    func pendingAfterCreate() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        await world.pendAfterCreate(F.web)
        _ = try await reconcile(world, directory)
        let web = try #require(try StatusStore(directory: directory).read(F.web))
        #expect(web.phase == .pending)
        #expect(web.condition("Ready")?.message == "waiting for a code")
    }

    @Test("a resource still pending after its creation blocks its dependents in the same run, without an error")
    func pendingAfterCreateBlocksDependents() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        await world.pendAfterCreate(F.pool)
        let run = try await reconcile(world, directory)
        #expect(!run.hasProblems)
        #expect(await world.applied == ["create SmsRole/role", "create UserPool/pool"])
        let store = StatusStore(directory: directory)
        #expect(try store.read(F.pool)?.phase == .pending)
        let web = try #require(try store.read(F.web))
        #expect(web.phase == .blocked)
        #expect(web.condition("Ready")?.message == "waiting for UserPool/pool: pending: waiting for a code")
    }

    @Test("removed manifests: deleted and retained resources lose their status; retained ones are released")
    func removedManifests() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        _ = try await reconcile(world, directory)
        let onlyRole = try #require(F.stack.components(separatedBy: "---").first)
        let run = try await reconcile(world, directory, onlyRole)
        #expect(run.plan.change(for: F.web)?.action == .delete)
        #expect(run.plan.change(for: F.pool)?.action == .retain)
        #expect(run.released == [F.pool])
        // A retain leaves AWS alone: the engine answers it without the handler's write.
        #expect(await world.applied.last == "delete AppClient/web")
        #expect(!(await world.applied).contains("retain UserPool/pool"))
        #expect(try StatusStore(directory: directory).readAll().map(\.address) == [F.role])
    }

    @Test("a field changed out of band is recorded as drift and corrected")
    func driftIsRecorded() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        _ = try await reconcile(world, directory)
        var live = try #require(await world.resources[F.role])
        let expected = live.specHash
        live.specHash = "changed by hand"
        await world.put(F.role, live)
        _ = try await reconcile(world, directory)
        let role = try #require(try StatusStore(directory: directory).read(F.role))
        #expect(role.drift == [DriftRecord(field: "spec", before: "changed by hand", after: .string(expected),
                                           corrected: true, detectedAt: F.now)])
        #expect(await world.resources[F.role]?.specHash == expected)
    }
}

/// `policy.onDrift: Report`: drift is recorded, not corrected.
@Suite("ReconcileEngine drift report")
struct ReconcileEngineDriftReportTests {
    typealias F = EngineFixtures

    @Test("with onDrift: Report an out-of-band change is a noop that status records as Drifted")
    func reportOnly() async throws {
        let world = FakeWorld()
        let directory = F.statusDirectory()
        let text = F.stack.replacingOccurrences(of: "  smsRole: role", with: "  smsRole: role\npolicy: {onDrift: Report}")
        let engine = F.engine(world, directory: directory)
        _ = try await engine.apply(try await engine.plan(F.load(text), defaultRegion: "eu-west-1"))
        await world.put(F.pool, FakeLive(id: "pool-2", specHash: "by hand", region: "eu-west-1", owned: true))
        let run = try await engine.plan(F.load(text), defaultRegion: "eu-west-1")
        let change = try #require(run.plan.change(for: F.pool))
        #expect(change.action == .noop && change.fieldChanges.count == 1)
        _ = try await engine.apply(run)
        let pool = try #require(try StatusStore(directory: directory).read(F.pool))
        #expect(pool.phase == .drifted)
        #expect(pool.drift.map(\.corrected) == [false])
        #expect(await world.resources[F.pool]?.specHash == "by hand")
    }

    @Test("an update that follows a dependency is applied under onDrift: Report; one that only corrects drift is not")
    func followingADependencyIsNotReportOnly() throws {
        let text = F.stack.replacingOccurrences(of: "  smsRole: role", with: "  smsRole: role\npolicy: {onDrift: Report}")
        let manifest = try #require(F.load(text).manifests.first { $0.id == F.pool })
        let input = ErasedPlanInput(
            address: F.pool, desired: DesiredResource(manifest: manifest, region: "eu-west-1", dependencies: [F.role]),
            observation: Observation(LiveState.owned("pool"), outputs: { _ in [:] }, phase: { _ in .ready }),
            status: ResourceStatus(kind: .userPool, name: F.pool.name, specHash: SpecHash.of(manifest), resource: [:]),
            references: [:], dependencyActions: [:], deletePolicy: .retain, options: PlanOptions(account: "123456789012"))
        let drifted = FieldChange(path: "smsExternalId", before: .string("old"), after: .string("new"))
        let drift = try ResourceChange(address: F.pool, action: .update, fieldChanges: [drifted])
        #expect(RunPlanner.isReportOnlyDrift(drift, input: input))
        let following = try ResourceChange(address: F.pool, action: .update, fieldChanges: [drifted.followingDependency()])
        #expect(!RunPlanner.isReportOnlyDrift(following, input: input))
    }
}
