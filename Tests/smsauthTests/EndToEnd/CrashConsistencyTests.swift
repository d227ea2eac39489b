import Foundation
import Testing
import TestSupport

/// Kills `smsauth reconcile` (SIGKILL, through the emulator's crash hook) right after each AWS write of a manifest set
/// with every kind, reruns it to completion, and checks that the account and the status folder are what one clean run
/// leaves: no duplicate, no orphan, every status file valid and naming the live ids, and a second plan with no change.
/// Runs on an emulator of its own, reset before every crash point (the shared emulator serves other tests meanwhile).
@Suite("Crash consistency", .serialized, .timeLimit(.minutes(10)))
struct CrashConsistencyTests {
    /// The apply under test.
    static let applyArguments = ["--allow-purchase"]

    /// `smsauth reconcile` of `space` with `applyArguments`, as `Workspace.reconcile` runs it.
    static func applyCommand(_ space: Workspace) -> [String] {
        ["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path, "--no-color"] + applyArguments
    }

    @Test func everyCrashPointRecoversToTheStateOfOneCleanApply() async throws {
        let own = try await EmulatorProcess.start()
        defer { own.stop() }
        let emulator = own.emulator
        let principal = try await emulator.newPrincipal()
        let audit = EveryKindAudit(client: emulator.client(for: try await emulator.newPrincipal(), label: "crash-audit"))
        let environment = emulator.environment(for: principal, region: EveryKindAudit.region)

        let writes = try await Self.cleanApply(emulator, principal, audit, environment)
        try #require(writes > 0)
        let points = CrashPoints.selected(writes: writes)
        var firedBy: [String] = []
        for point in points {
            firedBy.append(try await Self.crash(at: point, emulator, principal, audit, environment))
        }
        print("crash points tried: \(points.count) of \(writes) writes (\(CrashPoints.mode)): "
              + zip(points, firedBy).map { "\($0) \($1)" }.joined(separator: ", "))
    }

    /// Applies the fixture once on an empty account without a crash (the hook armed for a write that never comes, so
    /// it counts them) and audits the result, which shows the audit accepts a clean apply. Returns the number of writes.
    static func cleanApply(_ emulator: Emulator, _ principal: Emulator.Principal, _ audit: EveryKindAudit,
                           _ environment: [String: String]) async throws -> Int {
        try await emulator.reset()
        let space = try Workspace(copying: [EveryKindAudit.fixture])
        defer { space.remove() }
        let run = try GatedRun(applyCommand(space), environment: environment)
        try await emulator.armCrash(pid: run.pid, afterWrites: Int(Int32.max), accessKeyId: principal.accessKeyId)
        try run.release()
        let outcome = await run.finish()
        #expect(outcome.result.status == 0 && !outcome.killedBySignal, "\(outcome.result.stdout)\(outcome.result.stderr)")
        let problems = try await audit.problems(statusDirectory: space.statusDirectory)
        #expect(problems.isEmpty, "after a clean apply: \(problems)")
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: environment)
        #expect(plan.status == 0, "second plan after a clean apply:\n\(plan.stdout)\(plan.stderr)")
        let hook = try #require(try await emulator.crashHook())
        #expect(!hook.fired)
        return hook.writes
    }

    /// On an empty account: reconcile killed right after write `point`, then reconcile again to completion; the
    /// state must be the clean apply's and the next plan empty. Returns the write that was the last one.
    static func crash(at point: Int, _ emulator: Emulator, _ principal: Emulator.Principal, _ audit: EveryKindAudit,
                      _ environment: [String: String]) async throws -> String {
        try await emulator.reset()
        let space = try Workspace(copying: [EveryKindAudit.fixture])
        defer { space.remove() }
        let run = try GatedRun(applyCommand(space), environment: environment)
        try await emulator.armCrash(pid: run.pid, afterWrites: point, accessKeyId: principal.accessKeyId)
        try run.release()
        let killed = await run.finish()
        let hook = try #require(try await emulator.crashHook())
        let write = hook.firedBy ?? "none"
        #expect(killed.killedBySignal && killed.result.status == SIGKILL && hook.fired,
                "crash point \(point): not killed (\(hook)):\n\(killed.result.stdout)\(killed.result.stderr)")

        let rerun = try await space.reconcile(applyArguments, environment: environment)
        #expect(rerun.status == 0, "rerun after crash point \(point) (\(write)):\n\(rerun.stdout)\(rerun.stderr)")
        let problems = try await audit.problems(statusDirectory: space.statusDirectory)
        #expect(problems.isEmpty, "after crash point \(point) (\(write)) and a rerun: \(problems)")
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: environment)
        #expect(plan.status == 0, "second plan after crash point \(point) (\(write)):\n\(plan.stdout)\(plan.stderr)")
        return write
    }
}

/// Which crash points run: every one with `SMSAUTH_CRASH_POINTS=all`, else every one as well unless that is too many
/// for the default suite (see `defaultLimit`).
enum CrashPoints {
    /// The most crash points the default run tries.
    static let defaultLimit = 1000

    /// `all` when `SMSAUTH_CRASH_POINTS=all` is set, else `default`.
    static var mode: String { ProcessInfo.processInfo.environment["SMSAUTH_CRASH_POINTS"] == "all" ? "all" : "default" }

    /// The points 1…writes to try.
    static func selected(writes: Int) -> [Int] {
        Array(1...writes)
    }
}
