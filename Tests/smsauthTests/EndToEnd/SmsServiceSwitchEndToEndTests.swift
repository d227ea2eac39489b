import AWSServices
import Foundation
import Testing

/// A pool switching between SNS and End User Messaging SMS in place: each switch is one run (the role's new grant
/// first, then the pool's SmsConfiguration, the old grant removed), and a dry run afterwards plans nothing.
@Suite("SMS service switch end to end", .timeLimit(.minutes(8)))
struct SmsServiceSwitchEndToEndTests {
    @Test func aPoolSwitchesSnsToEndUserMessagingAndBackInOneRunEach() async throws {
        let context = try await EndToEndContext.make(region: "ap-northeast-3")
        let unique = UUID().uuidString.prefix(8).lowercased()
        let roleName = "e2e-eum-\(unique)", poolName = "eum-\(unique)"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
            ("  name: demo\n", "  name: \(poolName)\n"), ("userPool: demo\n", "userPool: \(poolName)\n"),
        ])
        defer { space.remove() }
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let poolId = try await context.ownedPool(named: poolName).id
        let roleArn = try #require(try await context.iam.getRole(name: roleName)).arn
        let externalId = "5893f8da-377e-43b2-a8d4-60ce673e8f8f"

        let sns: JSONValue = ["SnsCallerArn": .string(roleArn), "ExternalId": .string(externalId)]
        let eums: JSONValue = ["EumsSms": [
            "CallerArn": .string(roleArn), "ExternalId": .string(externalId), "ConfigurationSetName": "signin-events",
        ]]
        #expect(try await smsConfiguration(context, poolId) == sns)

        try switchTo(space, endUserMessaging: true)
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("~ SmsRole/cognito-sms\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("~ UserPool/\(poolName)\n"), "\(plan.stdout)")
        try await applyAndSettle(space, context)
        #expect(try await smsConfiguration(context, poolId) == eums)
        #expect(try await context.iam.listRolePolicies(roleName: roleName) == ["smsauth-sms-voice-send"])
        let doctor = try await doctorResults(space, context)
        for check in ["sms-role-exists", "sms-role-trust", "sms-role-send", "pool-sms-configuration"] {
            #expect(doctor[check] == "pass", "\(check): \(doctor)")
        }
        #expect(doctor["sms-role-publish"] == nil, "the SNS grant check is not run on the End User Messaging path")
        #expect(doctor["sms-configuration-set"] == "fail", "signin-events was never created: \(doctor)")

        try switchTo(space, endUserMessaging: false)
        try await applyAndSettle(space, context)
        #expect(try await smsConfiguration(context, poolId) == sns)
        #expect(try await context.iam.listRolePolicies(roleName: roleName) == ["smsauth-sns-publish"])
    }

    /// Sets the role's `service` and the pool's `smsService` (with a configuration set) to End User Messaging, or
    /// back to the manifests' SNS default.
    private func switchTo(_ space: Workspace, endUserMessaging: Bool) throws {
        let roleLine = "  externalId: 5893f8da-377e-43b2-a8d4-60ce673e8f8f\n"
        let roleEum = roleLine + "  service: endUserMessaging\n"
        let poolLine = "  smsRole: cognito-sms\n"
        let poolEum = poolLine + "  smsService: endUserMessaging\n  smsConfigurationSet: signin-events\n"
        if endUserMessaging {
            try space.edit("sms.yaml", replacing: roleLine, with: roleEum)
            try space.edit("user-pool.yaml", replacing: poolLine, with: poolEum)
        } else {
            try space.edit("sms.yaml", replacing: roleEum, with: roleLine)
            try space.edit("user-pool.yaml", replacing: poolEum, with: poolLine)
        }
    }

    /// One apply run, then a dry run that must plan nothing.
    private func applyAndSettle(_ space: Workspace, _ context: EndToEndContext) async throws {
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("Apply complete: 2 applied, 0 failed"), "\(applied.stdout)")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 4 unchanged.\n", "\(again.stdout)")
    }

    /// `smsauth doctor --output json`: the result of each check of the pool, by check id.
    private func doctorResults(_ space: Workspace, _ context: EndToEndContext) async throws -> [String: String] {
        let run = try await CLIRunner.run(["doctor", space.manifests.path, "--output", "json"],
                                          environment: context.environment)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let checks = report?["checks"] as? [[String: Any]] ?? []
        var results: [String: String] = [:]
        for check in checks where (check["resource"] as? String)?.hasPrefix("UserPool/") == true {
            if let id = check["check"] as? String { results[id] = check["result"] as? String }
        }
        return results
    }

    private func smsConfiguration(_ context: EndToEndContext, _ poolId: String) async throws -> JSONValue? {
        try await context.cognito.describeUserPool(id: poolId)?.raw["SmsConfiguration"]
    }
}
