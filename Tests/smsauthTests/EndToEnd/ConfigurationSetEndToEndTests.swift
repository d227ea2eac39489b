import AWSServices
import Foundation
import Testing

/// `examples/end-user-messaging` through the binary: the ConfigurationSet is applied before the pool that names it,
/// a dry run after plans nothing, the doctor finds the set recording delivery events, and removing the set's manifest
/// while a pool still names the set, or still sends with it because its move to another set is refused, never deletes it.
@Suite("ConfigurationSet end to end", .timeLimit(.minutes(8)))
struct ConfigurationSetBinaryEndToEndTests {
    /// The example in `region` with unique AWS names, its set deleted when its manifest is removed: the workspace
    /// and the set's AWS name.
    static func example(region: String) throws -> (Workspace, setName: String) {
        let unique = UUID().uuidString.prefix(8).lowercased()
        let setName = "signin-\(unique)"
        let space = try Workspace(copying: ["examples/end-user-messaging"], substitutions: [
            ("region: us-east-1\n", "region: \(region)\n"), ("name: tasks-signin-sms\n", "name: \(setName)\n"),
            ("roleName: tasks-cognito-eums-sms\n", "roleName: e2e-cs-\(unique)\n"),
            ("poolName: Tasks users\n", "poolName: cs-\(unique)\n"),
            ("  tags: {Team: Identity}\n", "  tags: {Team: Identity}\npolicy: {onDelete: Delete}\n"),
        ])
        return (space, setName)
    }

    @Test func aPoolNamingAConfigurationSetIsAppliedAfterItAndItsDeleteIsBlockedWhileNamed() async throws {
        let context = try await EndToEndContext.make(region: "af-south-1")
        let (space, setName) = try Self.example(region: "af-south-1")
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

    /// A pool moved to another set by a change that is refused still sends with the old set, whose manifest was
    /// removed: that set is not deleted (a pool names a set by its name, which the delete did not look for, so it was
    /// deleted under the pool).
    @Test func aSetIsNotDeletedUnderAPoolWhoseMoveOffItIsRefused() async throws {
        let context = try await EndToEndContext.make(region: "eu-west-2")
        let (space, setName) = try Self.example(region: "eu-west-2")
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")

        let other = try space.read("configuration-set.yaml")
            .replacingOccurrences(of: "name: tasks-signin\n", with: "name: tasks-signin-2\n")
            .replacingOccurrences(of: "name: \(setName)\n", with: "name: \(setName)-2\n")
        try space.write("configuration-set-2.yaml", other)
        try space.delete("configuration-set.yaml")
        try space.edit("user-pool.yaml", replacing: "smsConfigurationSetRef: tasks-signin\n",
                       with: "smsConfigurationSetRef: tasks-signin-2\n")
        // usernameAttributes cannot change after creation: the pool's change is refused, so it stays on the old set.
        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [phone_number]", with: "usernameAttributes: [email]")
        let run = try await space.reconcile(["--log-level", "debug"], environment: context.environment)
        #expect(run.stdout.contains("refused UserPool/tasks"), "\(run.stdout)")
        #expect(run.stdout.contains("blocked ConfigurationSet/tasks-signin: UserPool/tasks (refuse) still uses it"),
                "\(run.stdout)")
        #expect(!run.stderr.contains("aws.operation=DeleteConfigurationSet "), "\(run.stderr)")
        #expect(try await context.smsVoice.describeConfigurationSet(name: setName) != nil)
        let pool = try await context.ownedPool(named: "tasks")
        #expect(pool.raw["SmsConfiguration"]?["EumsSms"]?["ConfigurationSetName"]?.stringValue == setName)
    }

    /// The result of the pool's check `id` in a `smsauth doctor --output json` report.
    static func result(of id: String, in report: String) throws -> String? {
        let json = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        let checks = json?["checks"] as? [[String: Any]] ?? []
        return checks.first { $0["check"] as? String == id && ($0["resource"] as? String)?.hasPrefix("UserPool/") == true }?["result"] as? String
    }
}
