import Foundation
import Testing
import TestSupport

/// An apply whose lock is removed while it runs stops the changes it has not started (each fails with `lock.lost`)
/// and exits 1; it used to check the lock once, before its first change, and go on with every other one beside
/// whatever writer took the lock next (which then made the same pools again).
@Suite("Lock lost end to end", .timeLimit(.minutes(8)))
struct LockLostEndToEndTests {
    /// Eight, so that the lock is removed long before the last create would start (some 14 s after the first),
    /// however late the test's own polling task runs on a loaded machine.
    static let pools = ["lost-a", "lost-b", "lost-c", "lost-d", "lost-e", "lost-f", "lost-g", "lost-h"]

    @Test func removingTheLockMidRunStopsTheChangesNotYetStarted() async throws {
        let context = try await EndToEndContext.make(region: "eu-south-2")
        let space = try Workspace(copying: [])
        defer { space.remove() }
        // Names of this run's own: a pool another run left in the shared emulator would be adopted, not created.
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let names = Self.pools.map { "\($0)-\(suffix)" }
        for name in names {
            try space.write("\(name).yaml", """
                apiVersion: smsauth/v1
                kind: UserPool
                metadata:
                  name: \(name)
                spec:
                  region: eu-south-2
                  poolName: \(name)

                """)
        }
        // Each CreateUserPool takes 2 s, one change at a time: the lock goes while the first few run.
        try await context.emulator.injectFaults([
            Emulator.FaultRule(service: "cognito-idp", operation: "CreateUserPool", kind: "latency",
                               accessKeyId: context.principal.accessKeyId, latencyMs: 2000),
        ])
        let run = try GatedRun(["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path,
                                "--no-color", "--concurrency", "1"], environment: context.environment)
        try run.release()
        let creates = { try await context.emulator.calls(accessKeyId: context.principal.accessKeyId)
            .filter { $0.operation == "CreateUserPool" }.count }
        let started = try await Poll.until(timeout: .seconds(60)) { try await creates() > 0 ? true : nil }
        #expect(started == true)
        try FileManager.default.removeItem(atPath: space.statusDirectory.path + ".lock")
        let outcome = await run.finish()

        #expect(outcome.result.status == 1, "\(outcome.result.stdout)\(outcome.result.stderr)")
        #expect((outcome.result.stdout + outcome.result.stderr).contains("lock.lost"),
                "\(outcome.result.stdout)\(outcome.result.stderr)")
        let createCalls = try await creates()
        #expect((1..<Self.pools.count).contains(createCalls), "CreateUserPool calls: \(createCalls)")
        // Only what ran is recorded: another writer may hold the folder now.
        let recorded = try FileManager.default.contentsOfDirectory(
            atPath: space.statusDirectory.appendingPathComponent("UserPool").path)
        #expect(recorded.count == createCalls, "\(recorded)")

        // The next apply takes a new lock and makes the rest, each pool once.
        let again = try await space.reconcile([], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        let made = try await context.cognito.listUserPools().map(\.name).filter { $0.hasSuffix("-\(suffix)") }
        #expect(made.sorted() == names, "\(made)")
    }
}
