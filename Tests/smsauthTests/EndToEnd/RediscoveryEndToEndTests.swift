import AWSServices
import Foundation
import Testing

/// Lost-state rediscovery with the real binary: after the status folder is lost, a pool that carries this owner's
/// tags and no manifest names is shown for removal (released: a pool's default `onDelete` is Retain), while another
/// owner's pool and an untagged one are never shown; with every manifest present nothing is planned. `--rediscover`
/// does the same while status files exist, and needs an owner.
@Suite("Lost-state rediscovery end to end", .timeLimit(.minutes(8)))
struct RediscoveryEndToEndTests {
    /// A region whose other tests look only at their own pools (by name and owner), with End User Messaging SMS.
    static let region = "ap-northeast-3"

    /// A workspace with a settings document for `owner` and two pools, `keep-<suffix>` and `orphan-<suffix>` (names
    /// of their own: suites running at once in this region must not find each other's pools by their tags).
    static func workspace(owner: String, suffix: String) throws -> Workspace {
        let space = try Workspace(copying: [])
        try space.write("smsauth.yaml", "apiVersion: smsauth/v1\nkind: Settings\nspec:\n  owner: \(owner)\n")
        for name in ["keep", "orphan"] {
            try space.write("\(name).yaml", """
                apiVersion: smsauth/v1
                kind: UserPool
                metadata:
                  name: \(name)-\(suffix)
                spec:
                  poolName: rediscover-\(name)-\(suffix)
                  deletionProtection: false

                """)
        }
        return space
    }

    /// A pool made directly through the API with `tags`.
    static func handMadePool(_ context: EndToEndContext, named name: String, tags: [String: String]) async throws {
        _ = try await context.cognito.createUserPool(["PoolName": .string(name), "UserPoolTags": .strings(tags)])
    }

    @Test func lostStatusFolderShowsTheOrphanAndNothingElse() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let owner = "rd-\(suffix)"
        let space = try Self.workspace(owner: owner, suffix: suffix)
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        try await Self.handMadePool(context, named: "rediscover-stranger-\(suffix)", tags: [
            "smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/stranger-\(suffix)", "smsauth:owner": "rd-other-\(suffix)",
        ])
        try await Self.handMadePool(context, named: "rediscover-untagged-\(suffix)", tags: ["Team": "Dev"])
        try await Self.handMadePool(context, named: "rediscover-legacy-\(suffix)", tags: [
            "smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/legacy-\(suffix)",
        ])

        try FileManager.default.removeItem(at: space.statusDirectory)
        let unchanged = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(unchanged.stdout == "No changes. 2 unchanged.\n", "with every manifest present nothing is planned")

        try space.delete("orphan.yaml")
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: environment)
        #expect(plan.status == 0, "a release changes nothing in AWS: \(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("= UserPool/orphan-\(suffix)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("found by its smsauth:owner tag (lost-state rediscovery)"), "\(plan.stdout)")
        for other in ["stranger", "legacy", "untagged"] { #expect(!plan.stdout.contains(other), "\(plan.stdout)") }
        #expect(plan.stdout.contains("1 retained, 1 unchanged."), "\(plan.stdout)")
        let operations = try await context.emulator.calls(accessKeyId: accessKeyId).map(\.operation)
        for listing in ["ListUserPools", "ListRoles", "DescribePhoneNumbers", "DescribeSenderIds", "DescribePools"] {
            #expect(operations.contains(listing), "\(operations)")
        }
    }

    @Test func rediscoverFlagFindsAnOrphanWhileStatusExists() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let space = try Self.workspace(owner: "rd-\(suffix)", suffix: suffix)
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        try space.delete("orphan.yaml")
        try FileManager.default.removeItem(at: space.statusDirectory.appendingPathComponent("UserPool/orphan-\(suffix).json"))

        let withStatus = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(withStatus.stdout == "No changes. 1 unchanged.\n", "status exists: no rediscovery unless asked")
        let rediscovered = try await space.reconcile(["--dry-run", "--rediscover"], environment: context.environment)
        #expect(rediscovered.status == 0, "\(rediscovered.stdout)\(rediscovered.stderr)")
        #expect(rediscovered.stdout.contains("= UserPool/orphan-\(suffix)"), "\(rediscovered.stdout)")

        try space.removeSettings()
        let ownerless = try await space.reconcile(["--dry-run", "--rediscover"], environment: context.environment)
        #expect(ownerless.status == 1)
        #expect(ownerless.stderr.contains("--rediscover needs an owner"), "\(ownerless.stderr)")
    }
}
