import Foundation
import Testing

/// A removed app client kept by `policy.onDelete: Retain` whose pool is deleted in the same run goes with the pool:
/// the plan says so instead of "left in AWS" alone (the client was reported released, then DeletePool took it).
@Suite("Container delete end to end", .timeLimit(.minutes(8)))
struct ContainerDeleteEndToEndTests {
    @Test func aRetainedClientOfADeletedPoolIsSaidToGoWithIt() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-6")
        let (space, pool) = try Workspace.ownDemo("held")
        defer { space.remove() }
        try space.edit("user-pool.yaml", replacing: "spec:\n", with: "policy: {onDelete: Delete}\nspec:\n")
        try space.edit("app-client.yaml", replacing: "spec:\n", with: "policy: {onDelete: Retain}\nspec:\n")
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")

        for file in ["user-pool.yaml", "app-client.yaml", "mfa-policy.yaml"] { try space.delete(file) }
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("- UserPool/\(pool)"), "\(plan.stdout)")
        for address in ["AppClient/web", "MfaPolicy/demo-mfa"] {
            #expect(plan.stdout.contains("= \(address)"), "\(plan.stdout)")
        }
        let warning = "UserPool/\(pool), which holds it, is deleted in this run, and it with it"
        #expect(plan.stdout.components(separatedBy: warning).count == 3, "both kept resources are warned: \(plan.stdout)")
    }
}
