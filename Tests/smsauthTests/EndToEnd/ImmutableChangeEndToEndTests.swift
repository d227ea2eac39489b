import Foundation
import Testing

/// Changing `usernameAttributes` (immutable in Cognito): refused by default with the reason and nothing written;
/// with `policy.onImmutableChange: Recreate` the pool, its client and its MFA policy are recreated and the status
/// shows the new ids.
@Suite("Immutable UserPool change end to end", .timeLimit(.minutes(8)))
struct ImmutableChangeEndToEndTests {
    /// The apply line of the refused change, reason and how to allow it included.
    static let refusal = "refused UserPool/qnatime: usernameAttributes cannot change after creation (set policy.onImmutableChange: Recreate to delete and recreate the UserPool; all users will be lost (estimated user count: 0))"

    @Test func refusedByDefaultThenRecreatedWithItsClientAndMfaPolicy() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-3")
        let roleName = "e2e-immutable-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["examples/phone-username-mfa-required"], substitutions: [
            ("roleName: cognito_sns_iam_role\n", "roleName: \(roleName)\n"), ("region: us-east-1\n", "region: ap-southeast-3\n"),
        ])
        defer { space.remove() }
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let before = try await space.status(environment: context.environment)
        let oldPool = try await context.ownedPool(named: "qnatime")
        let writesBefore = try await context.writeCalls()

        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [phone_number]", with: "usernameAttributes: [email]")
        let refused = try await space.reconcile(environment: context.environment)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains(Self.refusal + "\n"), "\(refused.stdout)")
        #expect(refused.stdout.hasSuffix("Apply finished with problems: 0 applied, 0 failed, 0 blocked, 1 refused, 0 released.\n"))
        #expect(try await context.writeCalls() == writesBefore, "a refused change writes nothing to AWS")
        #expect(try await context.ownedPool(named: "qnatime").raw == oldPool.raw)
        #expect(try await space.status(environment: context.environment)["UserPool/qnatime"]?["phase"] as? String == "Refused")

        try space.edit("user-pool.yaml", replacing: "onImmutableChange: Refuse", with: "onImmutableChange: Recreate")
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("-/+ AppClient/signup: UserPool/qnatime is replaced, so this is recreated inside the new one"))
        #expect(plan.stdout.contains("-/+ MfaPolicy/qnatime-mfa: UserPool/qnatime is replaced, so this is recreated inside the new one"))
        let replaced = try await space.reconcile(environment: context.environment)
        #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
        #expect(replaced.stdout.contains("replaced UserPool/qnatime\n"), "\(replaced.stdout)")
        #expect(replaced.stdout.hasSuffix("Apply complete: 3 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        let newPool = try await context.ownedPool(named: "qnatime")
        #expect(newPool.id != oldPool.id)
        #expect(newPool.raw["UsernameAttributes"] == ["email"])
        #expect(try await context.cognito.describeUserPool(id: oldPool.id) == nil, "the old pool is deleted")
        let client = try await context.client(named: "user-pool-client-signup", in: newPool.id)
        let mfa = try await context.cognito.getUserPoolMfaConfig(poolId: newPool.id)
        #expect(mfa["MfaConfiguration"] == "ON")

        let after = try await space.status(environment: context.environment)
        let ids = { (status: [String: [String: Any]], address: String, key: String) in
            (status[address]?["resource"] as? [String: String])?[key]
        }
        #expect(ids(after, "UserPool/qnatime", "id") == newPool.id)
        #expect(ids(after, "AppClient/signup", "clientId") == client.clientId)
        #expect(ids(after, "AppClient/signup", "userPoolId") == newPool.id)
        #expect(ids(after, "MfaPolicy/qnatime-mfa", "userPoolId") == newPool.id)
        #expect(ids(before, "AppClient/signup", "clientId") != client.clientId)
        #expect(Set(after.values.compactMap { $0["phase"] as? String }) == ["Ready"])
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
