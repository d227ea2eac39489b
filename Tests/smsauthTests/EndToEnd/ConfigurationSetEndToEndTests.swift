import AWSServices
import Foundation
import Testing

/// `examples/end-user-messaging` through the binary: the ConfigurationSet is applied before the pool that names it,
/// a dry run after plans nothing, and removing the set's manifest while a pool still names the set never deletes it.
@Suite("ConfigurationSet end to end", .timeLimit(.minutes(8)))
struct ConfigurationSetBinaryEndToEndTests {
    @Test func aPoolNamingAConfigurationSetIsAppliedAfterItAndItsDeleteIsBlockedWhileNamed() async throws {
        let context = try await EndToEndContext.make(region: "af-south-1")
        let unique = UUID().uuidString.prefix(8).lowercased()
        let setName = "signin-\(unique)"
        let space = try Workspace(copying: ["examples/end-user-messaging"], substitutions: [
            ("region: us-east-1\n", "region: af-south-1\n"), ("name: tasks-signin-sms\n", "name: \(setName)\n"),
            ("roleName: tasks-cognito-eums-sms\n", "roleName: e2e-cs-\(unique)\n"),
            ("poolName: Tasks users\n", "poolName: cs-\(unique)\n"),
            ("  tags: {Team: Identity}\n", "  tags: {Team: Identity}\npolicy: {onDelete: Delete}\n"),
        ])
        defer { space.remove() }

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let order = ["SmsRole/tasks-sms", "ConfigurationSet/tasks-signin", "UserPool/tasks"]
            .compactMap { applied.stdout.range(of: "+ \($0)")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "\(applied.stdout)")
        let set = try #require(try await context.smsVoice.describeConfigurationSet(name: setName))
        #expect(set["EventDestinations"]?.arrayValue?.count == 2)
        let pool = try await context.ownedPool(named: "tasks")
        #expect(pool.raw["SmsConfiguration"]?["EumsSms"]?["ConfigurationSetName"]?.stringValue == setName)
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.stdout == "No changes. 3 unchanged.\n", "\(again.stdout)\(again.stderr)")

        let ref = "  smsConfigurationSetRef: tasks-signin\n"
        try space.edit("user-pool.yaml", replacing: ref, with: "  smsConfigurationSet: \(setName)\n")
        try space.delete("configuration-set.yaml")
        let blocked = try await space.reconcile(environment: context.environment)
        #expect(blocked.stdout.contains("blocked ConfigurationSet/tasks-signin: not deleted: still used by UserPool/tasks "
                                        + "(spec.smsConfigurationSet: \(setName))"), "\(blocked.stdout)\(blocked.stderr)")
        #expect(try await context.smsVoice.describeConfigurationSet(name: setName) != nil)
        let poolAfter = try await context.ownedPool(named: "tasks")
        #expect(poolAfter.raw["SmsConfiguration"]?["EumsSms"]?["ConfigurationSetName"]?.stringValue == setName)
    }
}
