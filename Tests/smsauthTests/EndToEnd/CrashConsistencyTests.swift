import AWSServices
import Foundation
import Testing
import TestSupport

/// Kills `smsauth reconcile` (SIGKILL, through the emulator's crash hook) right after each AWS write of a manifest set
/// with every kind, reruns it to completion, and checks that the account and the status folder are what one clean run
/// leaves: no duplicate, no orphan, every status file valid and naming the live ids, and a second plan with no change.
/// Runs on an emulator of its own, reset before every crash point (the shared emulator serves other tests meanwhile).
/// Its commands talk to its own emulator only, so they do not wait for the suite's command slots (`CLIRunner.slots`):
/// in the https pass the commands of the other end-to-end tests held them for some 380 s, and this test, waiting
/// behind them, passed its time limit (6 minutes; on its own the test takes some 11 s). The limit bounds a hang.
@Suite("Crash consistency", .serialized, .timeLimit(.minutes(6)))
struct CrashConsistencyTests {
    @Test func everyCrashPointRecoversToTheStateOfOneCleanApply() async throws {
        let own = try await EmulatorProcess.start()
        defer { own.stop() }
        let rig = try await CrashRig(emulator: own.emulator)

        let writes = try await rig.cleanApply()
        try #require(!writes.isEmpty)
        for (index, write) in writes.enumerated() {
            try await rig.crash(at: index + 1, expecting: write)
        }
        print("crash points tried: \(writes.count) (after " + writes.enumerated().map { "\($0 + 1) \($1)" }
            .joined(separator: ", ") + ")")

        try await rig.auditNoticesADuplicateAndAStray()
    }
}

/// The emulator, the principal smsauth runs as, the audit, and the two runs of a crash point.
struct CrashRig {
    /// The crashing run: one change at a time, so write N is the same write in every run.
    static let crashingApply = ["--allow-purchase", "--concurrency", "1"]
    /// The rerun: as a user would run it again.
    static let rerun = ["--allow-purchase"]

    /// The test's own emulator.
    let emulator: Emulator
    /// The principal smsauth runs as (the crash hook counts only its writes).
    let principal: Emulator.Principal
    /// The reader.
    let audit: EveryKindAudit

    /// A rig with two fresh principals.
    init(emulator: Emulator) async throws {
        self.emulator = emulator
        principal = try await emulator.newPrincipal()
        audit = EveryKindAudit(client: emulator.client(for: try await emulator.newPrincipal(), label: "crash-audit"))
    }

    /// smsauth's environment.
    var environment: [String: String] { emulator.environment(for: principal, region: EveryKindAudit.region) }

    /// Applies the fixture on an empty account without a crash (the hook armed for a write that never comes records
    /// them), audits the result, which shows the audit accepts a clean apply, and plans again. Returns the writes.
    func cleanApply() async throws -> [String] {
        let space = try await emptyAccountAndFixture()
        defer { space.remove() }
        let outcome = try await gatedApply(space, killedAfter: Int(Int32.max))
        #expect(outcome.result.status == 0 && !outcome.killedBySignal, "\(outcome.result.stdout)\(outcome.result.stderr)")
        let problems = try await audit.problems(statusDirectory: space.statusDirectory)
        #expect(problems.isEmpty, "after a clean apply: \(problems)")
        try await expectNoChanges(space, "after a clean apply")
        let hook = try #require(try await emulator.crashHook())
        #expect(!hook.fired)
        return hook.performed
    }

    /// On an empty account: reconcile killed right after write `point` (which must be `write`, as in the clean
    /// apply), then reconcile again to completion; the state must be the clean apply's and the next plan empty.
    func crash(at point: Int, expecting write: String) async throws {
        let space = try await emptyAccountAndFixture()
        defer { space.remove() }
        let killed = try await gatedApply(space, killedAfter: point)
        let hook = try #require(try await emulator.crashHook())
        #expect(killed.killedBySignal && killed.result.status == SIGKILL && hook.firedBy == write,
                "crash point \(point) (\(write)): \(hook)\n\(killed.result.stdout)\(killed.result.stderr)")

        let rerun = try await space.reconcile(Self.rerun, environment: environment, ownEmulator: true)
        #expect(rerun.status == 0, "rerun after crash point \(point) (\(write)):\n\(rerun.stdout)\(rerun.stderr)")
        let problems = try await audit.problems(statusDirectory: space.statusDirectory)
        #expect(problems.isEmpty, "after crash point \(point) (\(write)) and a rerun: \(problems)")
        try await expectNoChanges(space, "after crash point \(point) (\(write)) and a rerun")
    }

    /// The audit is not blind: a second pool carrying the pool's ownership tags, a client no manifest names and a
    /// missing status folder, added to the last crash point's account, are all reported.
    func auditNoticesADuplicateAndAStray() async throws {
        let cognito = CognitoIdentityProvider(client: audit.client, region: EveryKindAudit.region)
        let pool = try #require(try await cognito.listUserPools().first)
        _ = try await cognito.createUserPoolClient(["UserPoolId": .string(pool.id), "ClientName": "stray"])
        let duplicate = try await cognito.createUserPool([
            "PoolName": "Crash consistency",
            "UserPoolTags": ["smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/crash"],
        ])
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-no-status-\(UUID().uuidString)")
        let problems = try await audit.problems(statusDirectory: missing)
        #expect(problems.contains { $0.hasPrefix("user pools are ") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("status files are ") }, "\(problems)")
        try await cognito.deleteUserPool(id: duplicate.id)
        let strays = try await audit.problems(statusDirectory: missing)
        #expect(strays.contains { $0.hasPrefix("app clients are ") && $0.contains("stray") }, "\(strays)")
    }

    /// Resets the emulator (every account and region empty, keys kept) and copies the fixture into a new workspace.
    private func emptyAccountAndFixture() async throws -> Workspace {
        try await emulator.reset()
        return try Workspace(copying: [EveryKindAudit.fixture])
    }

    /// Runs the crashing apply of `space` with the crash hook armed for its process: SIGKILL right after its
    /// `killedAfter`th write.
    private func gatedApply(_ space: Workspace, killedAfter writes: Int) async throws -> GatedRun.Outcome {
        let run = try GatedRun(["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path,
                                "--no-color"] + Self.crashingApply, environment: environment)
        try await emulator.armCrash(pid: run.pid, afterWrites: writes, accessKeyId: principal.accessKeyId)
        try run.release()
        return await run.finish()
    }

    /// `reconcile --dry-run --detailed-exitcode` exits 0: nothing left to change.
    private func expectNoChanges(_ space: Workspace, _ when: String) async throws {
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: environment,
                                             ownEmulator: true)
        #expect(plan.status == 0, "second plan \(when):\n\(plan.stdout)\(plan.stderr)")
    }
}
