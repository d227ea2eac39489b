import AWSServices
import Foundation
import Testing

/// `examples/end-user-messaging` through the binary: the ConfigurationSet is applied before the pool that names it,
/// a dry run after plans nothing, the doctor finds the set recording delivery events, and removing the set's manifest while a pool still names the set never deletes it.
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
        let doctor = try await CLIRunner.run(["doctor", space.manifests.path, "--output", "json"],
                                             environment: context.environment)
        #expect(try Self.result(of: "sms-configuration-set", in: doctor.stdout) == "pass", "\(doctor.stdout)")

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

    /// The result of the pool's check `id` in a `smsauth doctor --output json` report.
    static func result(of id: String, in report: String) throws -> String? {
        let json = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        let checks = json?["checks"] as? [[String: Any]] ?? []
        return checks.first { $0["check"] as? String == id && ($0["resource"] as? String)?.hasPrefix("UserPool/") == true }?["result"] as? String
    }
}
