import Foundation
import Testing

/// A dry run on changed manifests prints exactly the expected plan in text, JSON and markdown (golden files under
/// `Golden/`; rewrite them with `SMSAUTH_UPDATE_GOLDEN=1`). Fixed names and region, the emulator's fixed account
/// 123456789012, and no ids or times in the changed fields make the output deterministic.
@Suite("Plan output end to end (golden files)", .timeLimit(.minutes(8)))
struct GoldenPlanEndToEndTests {
    /// `Tests/smsauthTests/EndToEnd/Golden`.
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The extra client the changed manifests add.
    static let extraClient = """
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: admin}
        spec:
          userPool: qnatime
          clientName: qnatime-admin
          generateSecret: true
          explicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]

        """

    @Test func dryRunOnChangedManifestsPrintsTheGoldenPlans() async throws {
        let context = try await EndToEndContext.make(region: "eu-north-1")
        let space = try Workspace(copying: ["examples/phone-username-mfa-required"], substitutions: [
            ("roleName: cognito_sns_iam_role\n", "roleName: e2e-golden-sms\n"),
            ("region: us-east-1\n", "region: eu-north-1\n"),
        ])
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let writesAfterApply = try await context.writeCalls()

        try space.edit("user-pool.yaml", replacing: "minimumLength: 8", with: "minimumLength: 12")
        try space.edit("user-pool.yaml", replacing: "tags: {Team: Dev}", with: "tags: {Team: Dev, CostCenter: \"42\"}")
        try space.edit("app-client.yaml", replacing: "accessToken: 1h", with: "accessToken: 2h")
        try space.edit("mfa-policy.yaml", replacing: "mode: \"ON\"", with: "mode: OPTIONAL")
        try space.edit("sms-role.yaml", replacing: "description: Lets the Qnatime.com user pool publish SMS through SNS",
                       with: "description: Qnatime.com SMS sender")
        try space.write("admin-client.yaml", Self.extraClient)

        for (format, file) in [("text", "plan.txt"), ("json", "plan.json"), ("markdown", "plan.md")] {
            let result = try await space.reconcile(["--dry-run", "--detailed-exitcode", "--output", format],
                                                   environment: context.environment)
            #expect(result.status == 2, "\(format): \(result.stderr)")
            try Self.expectGolden(result.stdout, file)
        }
        #expect(try await context.writeCalls() == writesAfterApply, "a dry run writes nothing")
    }

    /// Compares `output` with `Golden/<file>`, or rewrites the file when `SMSAUTH_UPDATE_GOLDEN` is set.
    static func expectGolden(_ output: String, _ file: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["SMSAUTH_UPDATE_GOLDEN"] != nil {
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(file) differs from the golden file", sourceLocation: sourceLocation)
    }
}
