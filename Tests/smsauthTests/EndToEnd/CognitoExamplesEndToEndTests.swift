import Foundation
import Testing

/// Each Cognito example applied from empty with the real binary: every resource created, the live configuration
/// equal to the manifests field by field (read by a separate principal with the raw clients), and a second run that
/// plans nothing.
@Suite("Cognito examples end to end", .timeLimit(.minutes(8)))
struct CognitoExamplesEndToEndTests {
    @Test(arguments: CognitoExample.all)
    func appliesFromEmptyMatchesTheManifestsAndThenPlansNothing(_ example: CognitoExample) async throws {
        let context = try await EndToEndContext.make(region: example.region)
        if let boundary = example.permissionsBoundaryArn { try await context.ensureBoundaryPolicy(boundary) }
        let roleName = "\(example.roleName)-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: [example.folder], substitutions: example.substitutions(role: roleName))
        defer { space.remove() }

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("""
            created SmsRole/\(example.roleResource)
            created UserPool/\(example.poolResource)
            """))
        #expect(applied.stdout.contains("created AppClient/\(example.clientResource)"))
        #expect(applied.stdout.contains("created MfaPolicy/\(example.mfaResource)"))
        #expect(applied.stdout.hasSuffix("Apply complete: 4 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        try await LiveExpectations.expectRole(example, roleName: roleName, context: context)
        try await LiveExpectations.expectCognito(example, roleName: roleName, context: context)

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
        let status = try await space.status(environment: context.environment)
        #expect(Set(status.values.compactMap { $0["phase"] as? String }) == ["Ready"])
        #expect(status.count == 4)

        // What the app needs: amplify_outputs.json from live state, following the published schema.
        let outputs = try await CLIRunner.run(["outputs", space.manifests.path, "--status-dir", space.statusDirectory.path,
                                               "--format", "amplify"], environment: context.environment)
        #expect(outputs.status == 0, "\(outputs.stderr)")
        #expect(AmplifyOutputsSchema.violations(of: outputs.stdout) == [], "\(outputs.stdout)")
        let pool = try await context.ownedPool(named: example.poolResource)
        let client = try await context.client(named: example.client["ClientName"]?.stringValue ?? "", in: pool.id)
        let document = try JSONSerialization.jsonObject(with: Data(outputs.stdout.utf8)) as? [String: Any]
        let auth = document?["auth"] as? [String: Any]
        #expect(auth?["user_pool_id"] as? String == pool.id)
        #expect(auth?["user_pool_client_id"] as? String == client.clientId)
        #expect(auth?["aws_region"] as? String == example.region)
    }
}
