import Foundation
import Testing

/// Removed manifests and broken folders with the real binary: `onDelete: Delete` deletes (an AppClient's default, a
/// pool that says so), `Retain` (the role's default) leaves the resource and reports it released; a folder with an
/// invalid manifest makes no AWS call at all, so nothing can be deleted by mistake.
@Suite("Removed and broken manifests end to end", .timeLimit(.minutes(8)))
struct RemovalEndToEndTests {
    /// The default `manifests/` set with a role name of its own; the pool gets `policy.onDelete: Delete`.
    static func demo(region: String, poolOnDelete: String?) async throws -> (EndToEndContext, Workspace, String) {
        let context = try await EndToEndContext.make(region: region)
        let roleName = "e2e-\(region)-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        if let poolOnDelete {
            try space.write("user-pool.yaml", try space.read("user-pool.yaml") + "policy:\n  onDelete: \(poolOnDelete)\n")
        }
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        return (context, space, roleName)
    }

    /// Whether the status folder holds a file for `address` (`Kind/name`).
    static func hasStatus(_ space: Workspace, _ address: String) -> Bool {
        FileManager.default.fileExists(atPath: space.statusDirectory.appendingPathComponent("\(address).json").path)
    }

    @Test func deletePolicyDeletesAndRetainReleases() async throws {
        let (context, space, roleName) = try await Self.demo(region: "me-south-1", poolOnDelete: "Delete")
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")

        try space.delete("app-client.yaml")
        let clientGone = try await space.reconcile(environment: context.environment)
        #expect(clientGone.status == 0, "\(clientGone.stdout)\(clientGone.stderr)")
        #expect(clientGone.stdout.contains("- AppClient/web: its manifest is gone and policy.onDelete is Delete: deleted in AWS (clientId "),
                "\(clientGone.stdout)")
        #expect(clientGone.stdout.hasSuffix("Apply complete: 1 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))
        #expect(try await context.cognito.listUserPoolClients(poolId: pool.id).isEmpty)
        #expect(!Self.hasStatus(space, "AppClient/web"))

        for file in ["sms.yaml", "user-pool.yaml", "mfa-policy.yaml"] { try space.delete(file) }
        let removed = try await space.reconcile(["--allow-empty"], environment: context.environment)
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stdout.contains("released (left in AWS, no longer managed) SmsRole/cognito-sms\n"), "\(removed.stdout)")
        #expect(removed.stdout.contains("- UserPool/demo: its manifest is gone and policy.onDelete is Delete: deleted in AWS (arn "),
                "\(removed.stdout)")
        #expect(try await context.cognito.describeUserPool(id: pool.id) == nil, "onDelete: Delete deleted the pool")
        #expect(try await context.iam.getRole(name: roleName) != nil, "the default Retain kept the role")
        for address in ["SmsRole/cognito-sms", "UserPool/demo", "MfaPolicy/demo-mfa"] {
            #expect(!Self.hasStatus(space, address), "\(address)")
        }
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0)
        #expect(again.stdout == "No changes. 0 unchanged.\n")
    }

    @Test func brokenManifestMakesNoAWSCallAndDeletesNothing() async throws {
        let (context, space, _) = try await Self.demo(region: "ap-southeast-4", poolOnDelete: "Delete")
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        try space.delete("app-client.yaml")
        try space.write("broken.yaml", "apiVersion: smsauth/v1\nkind: AppClient\nmetadata: {name: [unclosed\n")

        let (environment, accessKeyId) = try await context.freshEnvironment()
        for arguments in [[], ["--dry-run"]] {
            let result = try await space.reconcile(arguments, environment: environment)
            #expect(result.status == 1)
            #expect(result.stdout.contains("broken.yaml:"), "\(result.stdout)")
            #expect(result.stdout.contains("error"))
        }
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty, "no AWS call at all")
        #expect(try await context.cognito.listUserPoolClients(poolId: pool.id).count == 1, "the client is still there")
        #expect(Self.hasStatus(space, "AppClient/web"))
    }
}
