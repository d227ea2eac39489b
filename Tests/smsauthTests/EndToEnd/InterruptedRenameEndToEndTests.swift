import Foundation
import Testing

/// A rename killed after its tag write and before its status move leaves the pool tagged for the new name and the
/// status file under the old one. The next run releases the old status (the pool is the new manifest's, which claims
/// it) and converges; it used to refuse the old status on every run ("does not carry smsauth's ownership tags").
@Suite("Interrupted rename end to end", .timeLimit(.minutes(8)))
struct InterruptedRenameEndToEndTests {
    @Test func aRenameStoppedAfterItsTagWriteConverges() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-6")
        let (space, pool) = try Workspace.ownDemo("moved")
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let live = try await context.ownedPool(named: pool)

        // What the killed rename left: the new name in the pool's tag, the status still under the old name.
        let renamed = pool + "-r2"
        for file in ["user-pool.yaml", "app-client.yaml", "mfa-policy.yaml"] {
            try space.edit(file, replacing: "\(pool)\n", with: "\(renamed)\n")
        }
        try await context.cognito.tagResource(arn: try #require(live.arn), tags: ["smsauth:resource": "UserPool/\(renamed)"])

        let run = try await space.reconcile(environment: context.environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("UserPool/\(pool)") && run.stdout.contains("released"), "\(run.stdout)")
        #expect(try await context.ownedPool(named: renamed).id == live.id, "the same pool, now under the new name")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
