import Foundation
import Testing

/// Each Cognito example applied from empty with the real binary: every resource created, the live configuration
/// equal to the manifests field by field (read by a separate principal with the raw clients), and a second run that
/// plans nothing.
@Suite("Cognito examples end to end", .timeLimit(.minutes(1)))
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
    }
}
