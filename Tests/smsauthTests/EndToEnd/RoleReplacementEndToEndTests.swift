import AWSServices
import Foundation
import Testing

/// A renamed SMS role (`policy.onImmutableChange: Recreate`) is replaced new-first, and the old role is deleted only
/// once the pool using it has moved to the new one. A pool that cannot move in the same run (its own change refused)
/// keeps naming the old role, which is then left in AWS with a warning, and deleted by a later run once the pool
/// moved. Before, the role's change deleted the old role
/// itself, before its pools were updated: a pool whose update did not happen was left naming a deleted role, and
/// could no longer send SMS.
@Suite("SMS role replacement end to end", .timeLimit(.minutes(8)))
struct RoleReplacementEndToEndTests {
    /// The example with a role name of its own, applied in the context's region (one no other test uses, for the
    /// pool's name).
    static func applied(_ context: EndToEndContext) async throws -> (Workspace, String) {
        let roleName = "e2e-replace-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["examples/phone-username-mfa-required"], substitutions: [
            ("roleName: cognito_sns_iam_role\n", "roleName: \(roleName)\n"), ("region: us-east-1\n", "region: \(context.region)\n"),
        ])
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        return (space, roleName)
    }

    /// The role ARN the pool's SmsConfiguration names.
    static func poolRole(_ context: EndToEndContext) async throws -> String? {
        let pool = try await context.ownedPool(named: "qnatime")
        return try await context.cognito.describeUserPool(id: pool.id)?.raw["SmsConfiguration"]?["SnsCallerArn"]?.stringValue
    }

    /// A second SmsRole manifest, `adopter`, adopting the role called `roleName` with `externalId`.
    static func writeAdopter(_ space: Workspace, roleName: String,
                             externalId: String = "0f6c1c39-8a53-4f5e-9d7e-2b1f3c4d5e6f") throws {
        try space.write("adopter.yaml", """
            apiVersion: smsauth/v1
            kind: SmsRole
            metadata:
              name: adopter
            spec:
              roleName: \(roleName)
              path: /service-role/
              adopt: \(roleName)
              externalId: \(externalId)

            """)
    }

    /// Renames the role with Recreate.
    static func renameRole(_ space: Workspace, from old: String, to new: String) throws {
        try space.edit("sms-role.yaml", replacing: "roleName: \(old)\n", with: "roleName: \(new)\n")
        try space.edit("sms-role.yaml", replacing: "  tags: {Team: Dev}\n",
                       with: "  tags: {Team: Dev}\npolicy:\n  onImmutableChange: Recreate\n")
    }

    @Test func theOldRoleIsDeletedAfterThePoolMoved() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-1")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        let newName = oldName + "-v2"
        try Self.renameRole(space, from: oldName, to: newName)
        let replaced = try await space.reconcile(environment: context.environment)
        #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
        let newRole = try #require(try await context.iam.getRole(name: newName))
        #expect(try await Self.poolRole(context) == newRole.arn)
        #expect(try await context.iam.getRole(name: oldName) == nil, "the old role is deleted once the pool moved")
        #expect(!replaced.stdout.contains("is left in AWS"), "\(replaced.stdout)")
        let calls = try await context.writeCalls()
        let poolUpdate = try #require(calls.lastIndex(of: "UpdateUserPool"))
        #expect(try #require(calls.lastIndex(of: "DeleteRole")) > poolUpdate, "\(calls)")
    }

    /// `--selector` selecting the role alone: the pool naming it is not selected, so it would not move, and the
    /// replacement is held (before, the pool was no target of the run at all, and the old role was deleted under it).
    /// Its own region: the pool is found by its `smsauth:resource` tag, which the other tests' pools share.
    @Test func aReplacementSelectedWithoutItsPoolIsHeld() async throws {
        let context = try await EndToEndContext.make(region: "eu-west-1")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        let oldArn = try #require(try await context.iam.getRole(name: oldName)).arn
        try Self.renameRole(space, from: oldName, to: oldName + "-v2")
        try space.edit("sms-role.yaml", replacing: "labels: {app: qnatime}", with: "labels: {app: qnatime, part: role}")
        let run = try await space.reconcile(["--selector", "part=role"], environment: context.environment)
        #expect(run.stdout.contains("blocked SmsRole/qnatime-sms"), "\(run.stdout)")
        #expect(run.stdout.contains("replacing it would leave UserPool/qnatime naming the old one, and --selector does not "
                                    + "select them: select them too"), "\(run.stdout)")
        #expect(try await context.iam.getRole(name: oldName)?.arn == oldArn)
        #expect(try await context.iam.getRole(name: oldName + "-v2") == nil, "nothing is created for a held replacement")
        #expect(try await Self.poolRole(context) == oldArn)

        let both = try await space.reconcile(["--selector", "app=qnatime"], environment: context.environment)
        #expect(both.status == 0, "\(both.stdout)\(both.stderr)")
        let newArn = try #require(try await context.iam.getRole(name: oldName + "-v2")).arn
        #expect(try await Self.poolRole(context) == newArn)
        #expect(try await context.iam.getRole(name: oldName) == nil, "\(both.stdout)")
    }

    /// The role's `metadata.name` renamed together with its `roleName` (and the pool's `smsRole` with it) is the
    /// removal of one role and the create of another, not a replacement. The removed role (`onDelete: Delete`) is
    /// deleted only after the pool moved off it; before, DeleteRole ran first and the pool named a deleted role.
    @Test func aRemovedRoleIsDeletedOnlyAfterThePoolMovedOffIt() async throws {
        let context = try await EndToEndContext.make(region: "af-south-1")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        try space.edit("sms-role.yaml", replacing: "  tags: {Team: Dev}\n", with: "  tags: {Team: Dev}\npolicy:\n  onDelete: Delete\n")
        let kept = try await space.reconcile(environment: context.environment)
        #expect(kept.status == 0, "\(kept.stdout)\(kept.stderr)")
        let newName = oldName + "-b"
        try space.edit("sms-role.yaml", replacing: "  name: qnatime-sms\n", with: "  name: qnatime-sms2\n")
        try space.edit("sms-role.yaml", replacing: "roleName: \(oldName)\n", with: "roleName: \(newName)\n")
        try space.edit("user-pool.yaml", replacing: "smsRole: qnatime-sms\n", with: "smsRole: qnatime-sms2\n")
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("deleted after UserPool/qnatime stop using it"), "\(plan.stdout)")
        let run = try await space.reconcile(environment: context.environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let newArn = try #require(try await context.iam.getRole(name: newName)).arn
        #expect(try await Self.poolRole(context) == newArn)
        #expect(try await context.iam.getRole(name: oldName) == nil)
        let calls = try await context.writeCalls()
        let deleted = try #require(calls.lastIndex(of: "DeleteRole"), "\(calls)")
        let moved = try #require(calls.lastIndex(of: "UpdateUserPool"), "\(calls)")
        #expect(moved < deleted, "\(calls)")
    }

    /// The role a replacement leaves is adopted by another manifest in the same run: it is that manifest's role now,
    /// and is kept. Before, the adopt re-tagged it and the retirement then deleted it from under the manifest.
    @Test func anOldRoleAnotherManifestAdoptsIsKept() async throws {
        let context = try await EndToEndContext.make(region: "us-west-1")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        let oldArn = try #require(try await context.iam.getRole(name: oldName)).arn
        let newName = oldName + "-v2"
        try Self.renameRole(space, from: oldName, to: newName)
        try Self.writeAdopter(space, roleName: oldName)
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("the old one (\(oldArn)) is kept, not deleted: SmsRole/adopter names it"),
                "\(plan.stdout)")
        let run = try await space.reconcile(environment: context.environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try await context.iam.getRole(name: oldName)?.arn == oldArn, "the adopted role is kept")
        #expect(!(try await context.writeCalls()).contains("DeleteRole"))
        let newArn = try #require(try await context.iam.getRole(name: newName)).arn
        #expect(try await Self.poolRole(context) == newArn)
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }

    /// The kept role while the pool cannot move in the same run (its own change refused): the pool still uses it,
    /// now another manifest's role, and the apply says so.
    @Test func aKeptRoleThePoolStillUsesIsNamedInAWarning() async throws {
        let context = try await EndToEndContext.make(region: "eu-west-3")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        try Self.renameRole(space, from: oldName, to: oldName + "-v2")
        // The adopter keeps the trust the refused pool still sends with: the pool keeps working on the kept role.
        try Self.writeAdopter(space, roleName: oldName, externalId: "553db6b9-d149-4d1c-aad1-adf15739e57c")
        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [phone_number]", with: "usernameAttributes: [email]")
        let run = try await space.reconcile(environment: context.environment)
        #expect(run.stdout.contains("the old role \(oldName) is kept (SmsRole/adopter names it), and UserPool/qnatime "
                                    + "(refused) still uses it"), "\(run.stdout)")
        #expect(try await context.iam.getRole(name: oldName)?.tags["smsauth:resource"] == "SmsRole/adopter")
        #expect(!(try await context.writeCalls()).contains("DeleteRole"))
    }

    @Test func aPoolThatCannotMoveKeepsItsRole() async throws {
        let context = try await EndToEndContext.make(region: "ca-central-1")
        let (space, oldName) = try await Self.applied(context)
        defer { space.remove() }
        let oldArn = try #require(try await context.iam.getRole(name: oldName)).arn
        let newName = oldName + "-v2"
        try Self.renameRole(space, from: oldName, to: newName)
        // The pool's own change is refused (an immutable attribute), so the pool keeps naming the old role.
        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [phone_number]", with: "usernameAttributes: [email]")
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("the old one is deleted once everything using it has moved to the new one"), "\(plan.stdout)")
        let run = try await space.reconcile(environment: context.environment)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("the old role \(oldName) is left in AWS, not deleted: UserPool/qnatime (refused) still names it"),
                "\(run.stdout)")
        #expect(try await context.iam.getRole(name: oldName)?.arn == oldArn, "the role the pool uses is still there")
        #expect(try await Self.poolRole(context) == oldArn)
        #expect(!(try await context.writeCalls()).contains("DeleteRole"))
        // Pending, not Ready: the controller looks at it again (its pending poll) until the old role is gone.
        let roleStatus = try JSONSerialization.jsonObject(with: Data(contentsOf: space.statusDirectory
            .appendingPathComponent("SmsRole").appendingPathComponent("qnatime-sms.json"))) as? [String: Any]
        #expect(roleStatus?["phase"] as? String == "Pending", "\(String(describing: roleStatus))")
        let ready = (roleStatus?["conditions"] as? [[String: Any]])?.first { $0["type"] as? String == "Ready" }
        #expect((ready?["message"] as? String)?.hasPrefix("the old role \(oldName) is left in AWS, not deleted") == true)

        // Once the pool can move, a later run moves it and deletes the old role.
        try space.edit("user-pool.yaml", replacing: "usernameAttributes: [email]", with: "usernameAttributes: [phone_number]")
        let later = try await space.reconcile(environment: context.environment)
        #expect(later.status == 0, "\(later.stdout)\(later.stderr)")
        let newArn = try #require(try await context.iam.getRole(name: newName)).arn
        #expect(try await Self.poolRole(context) == newArn)
        #expect(try await context.iam.getRole(name: oldName) == nil, "\(later.stdout)")
    }
    /// Under `policy.onDrift: Report` a role's external id changed by hand is reported, and a pool change in the same
    /// run, which would write an SMS configuration, waits: written with the manifest's external id, Cognito refuses
    /// it (the role no longer trusts that id); written with the drifted one, it does what the plan does not show.
    /// Before, the pool's update took the role's live outputs and wrote the drifted external id into the pool.
    @Test func aPoolChangeWaitsWhileItsRolesExternalIdDriftIsOnlyReported() async throws {
        let context = try await EndToEndContext.make(region: "us-east-2")
        let (space, roleName) = try await Self.applied(context)
        defer { space.remove() }
        try space.edit("sms-role.yaml", replacing: "  tags: {Team: Dev}\n", with: "  tags: {Team: Dev}\npolicy: {onDrift: Report}\n")
        let reporting = try await space.reconcile(environment: context.environment)
        #expect(reporting.status == 0, "\(reporting.stdout)\(reporting.stderr)")
        let manifestId = "553db6b9-d149-4d1c-aad1-adf15739e57c"
        let role = try #require(try await context.iam.getRole(name: roleName))
        let drifted = try PolicyDocument(text: try #require(role.assumeRolePolicy).json
            .replacingOccurrences(of: manifestId, with: "changed-by-hand"))
        try await context.iam.updateAssumeRolePolicy(roleName: roleName, policy: drifted)
        let unchanged = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(unchanged.status == 0, "a pool with nothing to change is left alone: \(unchanged.stdout)")
        try space.edit("user-pool.yaml", replacing: "sms: Your verification code from qnatime.com is {####}.",
                       with: "sms: Your qnatime.com code is {####}.")

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("UserPool/qnatime: waiting for SmsRole/qnatime-sms: its externalId changed out of band"),
                "\(plan.stdout)")
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let run = try await space.reconcile(environment: environment)
        #expect(run.stdout.contains("blocked UserPool/qnatime"), "\(run.stdout)\(run.stderr)")
        #expect(try await context.writeCalls(accessKeyId: accessKeyId) == [])
        let pool = try await context.ownedPool(named: "qnatime")
        let described = try await context.cognito.describeUserPool(id: pool.id)
        #expect(described?.raw["SmsConfiguration"]?["ExternalId"]?.stringValue == manifestId)
    }
}
