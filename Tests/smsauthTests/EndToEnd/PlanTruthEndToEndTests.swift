import AWSServices
import Foundation
import Testing
import TestSupport

/// Plans that tell the truth in one run, with the real binary: a rotated SmsRole external id reaches the pool in the
/// same apply, a hand-drifted role is a change of the role only, a replace lists what the new pool loses, a field
/// that leaves the manifest is a warning, and a role name taken at apply is recorded with the role error's code.
@Suite("Plans that tell the truth end to end", .timeLimit(.minutes(8)))
struct PlanTruthEndToEndTests {
    /// The default `manifests/` set with names of its own (role, pool, owner), applied in `region`.
    static func demo(region: String) async throws -> (EndToEndContext, Workspace, names: (role: String, pool: String)) {
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let role = "e2e-truth-\(unique)"
        let pool = "truth-\(unique)"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(role)\n"),
            ("name: demo\n", "name: \(pool)\n"), ("userPool: demo\n", "userPool: \(pool)\n"),
            ("owner: smsauth-demo\n", "owner: e2e-truth-\(unique)\n"),
        ])
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        return (context, space, (role, pool))
    }

    /// The `drift` records of every status row.
    static func drift(_ status: [String: [String: Any]]) -> [String: Int] {
        status.mapValues { $0["drift"] as? Int ?? -1 }
    }

    @Test func rotatingTheExternalIdUpdatesRoleAndPoolInOneRun() async throws {
        let (context, space, names) = try await Self.demo(region: "me-central-1")
        defer { space.remove() }
        let rotated = "0d5c2f3e-4b7a-4a52-9a0e-7f0c1d2e3b4a"
        try space.edit("sms.yaml", replacing: "externalId: 5893f8da-377e-43b2-a8d4-60ce673e8f8f",
                       with: "externalId: \(rotated)")

        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("~ SmsRole/cognito-sms\n    ~ externalId: \"5893f8da-377e-43b2-a8d4-60ce673e8f8f\" → \"\(rotated)\""), "\(plan.stdout)")
        #expect(plan.stdout.contains("~ UserPool/\(names.pool)\n    ~ smsRole: "), "\(plan.stdout)")
        #expect(plan.stdout.contains("\"externalId\": \"\(rotated)\""), "\(plan.stdout)")

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let role = applied.stdout.range(of: "updated SmsRole/cognito-sms\n")
        let pool = applied.stdout.range(of: "updated UserPool/\(names.pool)\n")
        #expect(role != nil && pool != nil && role!.lowerBound < pool!.lowerBound, "role first: \(applied.stdout)")
        let live = try await context.ownedPool(named: names.pool)
        #expect(live.raw["SmsConfiguration"]?["ExternalId"]?.stringValue == rotated)

        // The role and pool checks pass; the region's checks (sandbox, US numbers, spend limit) are not this test's.
        let doctor = try await CLIRunner.run(["doctor", space.manifests.path], environment: context.environment)
        #expect(doctor.stdout.contains("PASS UserPool/\(names.pool): SMS role \(names.role) trusts Cognito with the right external id and account\n"),
                "\(doctor.stdout)")
        #expect(doctor.stdout.contains("PASS UserPool/\(names.pool): the pool's SMS configuration points at arn:aws:iam::123456789012:role/service-role/\(names.role) with the right external id\n"),
                "\(doctor.stdout)")
        #expect(!doctor.stdout.contains("FAIL UserPool/") && !doctor.stdout.contains("FAIL SmsRole/"), "\(doctor.stdout)")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        let drift = Self.drift(try await space.status(environment: context.environment))
        #expect(drift.count == 4 && drift.values.allSatisfy { $0 == 0 }, "no drift recorded anywhere: \(drift)")
    }

    @Test func aHandDriftedRoleIsAChangeOfTheRoleOnly() async throws {
        let (context, space, names) = try await Self.demo(region: "me-central-1")
        defer { space.remove() }
        let role = try #require(try await context.iam.getRole(name: names.role))
        let document = try #require(role.assumeRolePolicy?.json)
        let drifted = document.replacingOccurrences(of: "5893f8da-377e-43b2-a8d4-60ce673e8f8f", with: "changed-by-hand")
        #expect(drifted != document)
        try await context.iam.updateAssumeRolePolicy(roleName: names.role, policy: try PolicyDocument(text: drifted))

        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("~ SmsRole/cognito-sms\n    ~ externalId: \"changed-by-hand\" → \"5893f8da-377e-43b2-a8d4-60ce673e8f8f\"\n"),
                "\(plan.stdout)")
        #expect(!plan.stdout.contains("UserPool/"), "the pool is right and is not changed: \(plan.stdout)")
        #expect(plan.stdout.hasSuffix("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 refused, 3 unchanged.\n"))

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let statusFile = space.statusDirectory.appendingPathComponent("SmsRole/cognito-sms.json")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: statusFile)) as? [String: Any])
        let records = try #require(status["drift"] as? [[String: Any]])
        let externalId = try #require(records.first { $0["field"] as? String == "externalId" })
        #expect(externalId["before"] as? String == "changed-by-hand", "before: the live value found")
        #expect(externalId["after"] as? String == "5893f8da-377e-43b2-a8d4-60ce673e8f8f", "after: the manifest's")
        let drift = Self.drift(try await space.status(environment: context.environment))
        #expect(drift["UserPool/\(names.pool)"] == 0, "no false drift on the pool: \(drift)")
    }

    @Test func aFieldRemovedFromTheManifestIsNoLongerManaged() async throws {
        let (context, space, names) = try await Self.demo(region: "me-central-1")
        defer { space.remove() }
        let text = try space.read("user-pool.yaml")
        let line = try #require(text.split(separator: "\n").first { $0.contains("minimumLength:") })
        try space.edit("user-pool.yaml", replacing: String(line) + "\n", with: "")

        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 0, "nothing to change in AWS: \(plan.stdout)")
        #expect(plan.stdout.contains("  UserPool/\(names.pool)\n    warning: spec.passwordPolicy.minimumLength is no longer managed: AWS keeps its current value\n"),
                "\(plan.stdout)")
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let again = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(again.stdout == "No changes. 4 unchanged.\n", "warned once, then forgotten: \(again.stdout)")
    }

    @Test func aRoleNameTakenAtApplyIsRecordedWithTheRoleErrorsCode() async throws {
        let context = try await EndToEndContext.make(region: "me-central-1")
        let roleName = "e2e-taken-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        defer { space.remove() }
        for file in ["user-pool.yaml", "app-client.yaml", "mfa-policy.yaml"] { try space.delete(file) }
        // The binary's CreateRole waits 20 s in the emulator; the role is made by hand in that window, after the
        // plan read it as absent.
        try await context.emulator.injectFaults([
            .init(service: "iam", operation: "CreateRole", kind: "latency", accessKeyId: context.principal.accessKeyId,
                  count: 1, latencyMs: 20000),
        ])
        // `runTogether` waits on a Dispatch thread, so the polling below is not starved of the test pool's threads.
        let arguments = ["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path, "--no-color"]
        let run = Task { try await CLIRunner.runTogether([(arguments, context.environment)])[0] }
        var read = false
        for _ in 0..<400 where !read {
            try await Task.sleep(for: .milliseconds(50))
            read = try await context.emulator.calls(accessKeyId: context.principal.accessKeyId)
                .contains { $0.operation == "GetRole" }
        }
        #expect(read)
        let trust = try PolicyDocument(text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
        var handMadeError: (any Error)?
        do {
            _ = try await context.iam.createRole(IAM.CreateRoleInput(roleName: roleName, assumeRolePolicy: trust))
        } catch {
            handMadeError = error
        }
        let result = try await run.value
        if let handMadeError {
            let calls = try await context.emulator.calls(accessKeyId: context.principal.accessKeyId)
            Issue.record("the role was not made by hand in time: \(handMadeError); the binary's calls: \(calls)")
        }

        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("IAM role '\(roleName)' already exists without smsauth's ownership tags for SmsRole/cognito-sms"),
                "the role error's advice reaches the CLI: \(result.stdout)\(result.stderr)")
        let statusFile = space.statusDirectory.appendingPathComponent("SmsRole/cognito-sms.json")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: statusFile)) as? [String: Any])
        let lastError = try #require(status["lastError"] as? [String: Any])
        #expect(lastError["code"] as? String == "smsRole.nameTaken")
        #expect((lastError["message"] as? String)?.contains("choose another spec.roleName") == true)
        try await context.iam.deleteRole(roleName: roleName)
    }

    @Test func aReplaceListsWhatTheNewPoolLoses() async throws {
        let region = "me-south-1"
        let context = try await EndToEndContext.make(region: region)
        let space = try Workspace(copying: ["examples/phone-username-mfa-required"], substitutions: [
            ("roleName: cognito_sns_iam_role\n", "roleName: e2e-truth-replace-\(UUID().uuidString.prefix(8).lowercased())\n"),
            ("region: us-east-1\n", "region: \(region)\n"),
        ])
        defer { space.remove() }
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let pool = try await context.ownedPool(named: "qnatime")
        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [phone_number]",
                       with: "aliasAttributes: [email, phone_number]")
        try space.edit("user-pool.yaml", replacing: "onImmutableChange: Refuse", with: "onImmutableChange: Recreate")

        for (format, file) in [("text", "replace-plan.txt"), ("json", "replace-plan.json"), ("markdown", "replace-plan.md")] {
            let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode", "--output", format],
                                                 environment: context.environment)
            #expect(plan.status == 2, "\(format): \(plan.stderr)")
            let stable = plan.stdout.replacingOccurrences(of: pool.id, with: "<pool id>")
                .replacingOccurrences(of: region, with: "<region>")
            try GoldenPlanEndToEndTests.expectGolden(stable, file)
        }
        let text = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(text.stdout.contains("    ~ usernameAttributes: [\"phone_number\"] → [] (forces replacement)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("    ~ aliasAttributes: [] → [\"email\", \"phone_number\"] (forces replacement)\n"),
                "\(text.stdout)")
    }

    @Test func verifyingThroughTheOneTimePasswordFileIsNotDrift() async throws {
        let context = try await EndToEndContext.make(region: "me-central-1")
        let phone = "+1206556" + String(format: "%04d", Int.random(in: 0..<10_000))
        let space = try Workspace(copying: [])
        defer { space.remove() }
        try space.write("number.yaml", """
            apiVersion: smsauth/v1
            kind: SandboxNumber
            metadata: {name: tester}
            spec:
              region: me-central-1
              phoneNumber: "\(phone)"
              oneTimePasswordFile: tester.otp

            """)
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        try space.write("tester.otp", try await context.sandboxCode(phone) + "\n")

        let verified = try await space.reconcile(environment: context.environment)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("updated SandboxNumber/tester\n"), "\(verified.stdout)")
        let row = try #require(try await space.status(environment: context.environment)["SandboxNumber/tester"])
        #expect(row["phase"] as? String == "Ready")
        #expect(row["drift"] as? Int == 0, "verifying is the manifest's own step, not drift")
    }
}
