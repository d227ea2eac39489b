import Foundation
import Testing

/// A set applied in one region and reconciled with another (`AWS_REGION` changed, its manifests setting no
/// `spec.region`): a resource whose status file records it in the old region is refused, not created again in the
/// new one. Before, the plan said only "+ UserPool/demo", and the apply overwrote the status files with the new ids,
/// leaving the old pool (with its users) unmanaged, neither deleted nor released.
@Suite("Region change end to end", .timeLimit(.minutes(8)))
struct RegionChangeEndToEndTests {
    @Test func aResourceRecordedInAnotherRegionIsRefusedNotCreatedAgain() async throws {
        let context = try await EndToEndContext.make(region: "sa-east-1")
        let (space, pool) = try Workspace.ownDemo("region")
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let writes = try await context.writeCalls()

        let moved = context.environment.merging(["AWS_REGION": "eu-central-1", "AWS_DEFAULT_REGION": "eu-central-1"]) { $1 }
        let plan = try await space.reconcile(["--dry-run"], environment: moved)
        #expect(plan.stdout.contains("! UserPool/\(pool): its status file records it in sa-east-1, but its region "
                                     + "is now eu-central-1"), "\(plan.stdout)")
        #expect(!plan.stdout.contains("+ UserPool/"), "\(plan.stdout)")
        let run = try await space.reconcile(environment: moved)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(!(try await context.writeCalls()).dropFirst(writes.count).contains("CreateUserPool"))
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "the status files still name the pool in sa-east-1: \(again.stdout)")
    }
}
