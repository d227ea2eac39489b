import AWSServices
import Foundation
import Testing

/// In-place updates of an existing pool with the real binary: MFA OPTIONAL → ON (which the emulator, like Cognito,
/// refuses through UpdateUserPool), and a password policy change that keeps what the manifests do not manage.
@Suite("UserPool updates end to end", .timeLimit(.minutes(8)))
struct UserPoolUpdatesEndToEndTests {
    /// The default `manifests/` set in `region` with a role name of its own.
    static func demo(region: String) async throws -> (EndToEndContext, Workspace) {
        let context = try await EndToEndContext.make(region: region)
        let roleName = "e2e-\(region)-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        return (context, space)
    }

    @Test func mfaOptionalToOnOnAnExistingPool() async throws {
        let (context, space) = try await Self.demo(region: "ap-southeast-5")
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        #expect(pool.mfaConfiguration == "OPTIONAL")

        try space.edit("mfa-policy.yaml", replacing: "mode: OPTIONAL", with: "mode: \"ON\"")
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("~ MfaPolicy/demo-mfa\n    ~ mode: \"OPTIONAL\" → \"ON\"\n"), "\(plan.stdout)")
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("updated MfaPolicy/demo-mfa\n"))

        let mfa = try await context.cognito.getUserPoolMfaConfig(poolId: pool.id)
        #expect(mfa["MfaConfiguration"] == "ON")
        #expect(mfa["SmsMfaConfiguration"]?["SmsAuthenticationMessage"] == "Your demo sign-in code is {####}")
        #expect(mfa["SoftwareTokenMfaConfiguration"]?["Enabled"] == true)
        #expect(try await context.cognito.describeUserPool(id: pool.id)?.mfaConfiguration == "ON")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
    }

    @Test func settingsTheManifestsDoNotManageSurviveAnUpdate() async throws {
        let (context, space) = try await Self.demo(region: "ap-southeast-7")
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        let trigger = "arn:aws:lambda:ap-southeast-7:123456789012:function:pre-sign-up"
        let email: JSONValue = ["EmailSendingAccount": "COGNITO_DEFAULT", "ReplyToEmailAddress": "support@example.com"]
        var request = pool.updateRequest()
        request["LambdaConfig"] = ["PreSignUp": .string(trigger)]
        request["EmailConfiguration"] = email
        try await context.cognito.updateUserPool(.object(request))

        try space.edit("user-pool.yaml", replacing: "minimumLength: 8", with: "minimumLength: 14")
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("~ UserPool/demo\n    ~ passwordPolicy.minimumLength: 8 → 14\n"), "\(applied.stdout)")
        #expect(applied.stdout.hasSuffix("Apply complete: 1 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        let live = try #require(try await context.cognito.describeUserPool(id: pool.id))
        #expect(live.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"] == 14)
        #expect(live.raw["LambdaConfig"]?["PreSignUp"]?.stringValue == trigger)
        #expect(live.raw["EmailConfiguration"] == email)
        var expected = CognitoExample.defaultManifests.pool
        expected["Policies"] = CognitoExample.password(14, upper: true, lower: true, numbers: true, symbols: false, days: 7)
        expected["UserPoolTags"] = .strings(["Team": "Dev"].merging(LiveExpectations.ownership("UserPool/demo", owner: LiveExpectations.settingsOwner(of: "manifests"))) { $1 })
        LiveExpectations.expectMembers(expected, in: live.raw, "UserPool")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
