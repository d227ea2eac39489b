import AWSServices
import Foundation
import Testing

/// Renames, identity-checked deletes and the empty-set guard with the real binary: a changed `metadata.name` keeps
/// the AWS resource (no delete, no create), an empty folder removes nothing without `--allow-empty`, and a removed
/// client that is no longer the recorded one is released, not deleted.
@Suite("Renames and delete guards end to end", .timeLimit(.minutes(8)))
struct RenameEndToEndTests {
    typealias Removal = RemovalEndToEndTests

    @Test func anAppClientRenameMakesNoAWSWriteAndMovesTheStatusFile() async throws {
        let (context, space, _) = try await Removal.demo(region: "eu-central-2", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        let client = try await context.client(named: "demo-web", in: pool.id)
        try space.edit("app-client.yaml", replacing: "  name: web\n", with: "  name: signup-web\n")

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout == """
            Account 123456789012, regions: eu-central-2

            > AppClient/signup-web (renamed from AppClient/web)

            Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 refused, 1 renamed, 3 unchanged.

            """)

        let (environment, accessKeyId) = try await context.freshEnvironment()
        let applied = try await space.reconcile(environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("renamed AppClient/web to AppClient/signup-web\n"), "\(applied.stdout)")
        #expect(try await context.writeCalls(accessKeyId: accessKeyId) == [])
        #expect(!Removal.hasStatus(space, "AppClient/web"))
        #expect(Removal.hasStatus(space, "AppClient/signup-web"))
        let clients = try await context.cognito.listUserPoolClients(poolId: pool.id)
        #expect(clients.map(\.clientId) == [client.clientId], "the same client, not deleted or re-created")

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
    }

    /// A pool renamed together with its app client (each `metadata.name`, the client's `userPool` with it): the
    /// client is claimed through the renamed pool's id, so both are renames. Before, the client's claim was checked
    /// against the new pool manifest's own read (nothing: the pool's tags named the old manifest), and the client was
    /// deleted and created again with a new id, which signs every app user out.
    @Test func aPoolRenamedWithItsClientKeepsBoth() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-2")
        let (space, name) = try Workspace.ownDemo("rename-both")
        defer { space.remove() }
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let pool = try await context.ownedPool(named: name)
        let client = try await context.client(named: "demo-web", in: pool.id)
        try space.edit("user-pool.yaml", replacing: "  name: \(name)\n", with: "  name: \(name)-v2\n")
        try space.edit("app-client.yaml", replacing: "  name: web\n", with: "  name: signup-web\n")
        for file in ["app-client.yaml", "mfa-policy.yaml"] {
            try space.edit(file, replacing: "userPool: \(name)\n", with: "userPool: \(name)-v2\n")
        }

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> UserPool/\(name)-v2 (renamed from UserPool/\(name))"), "\(plan.stdout)")
        #expect(plan.stdout.contains("> AppClient/signup-web (renamed from AppClient/web)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("0 to create, 0 to update, 0 to replace, 0 to delete"), "\(plan.stdout)")
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let applied = try await space.reconcile(environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(try await context.writeCalls(accessKeyId: accessKeyId) == ["TagResource"], "the pool's tag only")
        let clients = try await context.cognito.listUserPoolClients(poolId: pool.id)
        #expect(clients.map(\.clientId) == [client.clientId], "the same client, not deleted or re-created")
    }

    @Test func aRoleRenameWritesOnlyItsOwnershipTag() async throws {
        let (context, space, roleName) = try await Removal.demo(region: "ap-south-1", poolOnDelete: nil)
        defer { space.remove() }
        try space.edit("sms.yaml", replacing: "  name: cognito-sms\n", with: "  name: sms-sender\n")
        try space.edit("user-pool.yaml", replacing: "smsRole: cognito-sms", with: "smsRole: sms-sender")

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("Account 123456789012, regions: ap-south-1\n\n> SmsRole/sms-sender (renamed from SmsRole/cognito-sms)\n    ~ tags: "),
                "\(plan.stdout)")
        #expect(plan.stdout.contains("\"smsauth:resource\": \"SmsRole/sms-sender\""), "\(plan.stdout)")
        #expect(plan.stdout.hasSuffix("1 renamed, 3 unchanged.\n"), "\(plan.stdout)")

        let (applied, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(writes == ["TagRole"])
        let role = try #require(try await context.iam.getRole(name: roleName))
        #expect(role.tags["smsauth:resource"] == "SmsRole/sms-sender")
        #expect(!Removal.hasStatus(space, "SmsRole/cognito-sms") && Removal.hasStatus(space, "SmsRole/sms-sender"))

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.stdout == "No changes. 4 unchanged.\n", "\(again.stdout)")
    }

    /// Under `policy.onDrift: Report` a rename writes the ownership tag its plan shows and nothing else: the drift
    /// stays reported. Before, the rename of a tagged kind converged the whole resource, correcting the drift.
    /// Under `policy.onDrift: Report` a rename writes the ownership tag its plan shows and nothing else: the drift
    /// stays reported. Before, the rename of a tagged kind converged the whole resource, correcting the drift.
    @Test func aRoleRenameUnderReportLeavesItsDrift() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-2")
        let (space, name) = try Workspace.ownDemo("report-role")
        defer { space.remove() }
        let roleName = "e2e-\(name)"
        try space.edit("sms.yaml", replacing: "  tags: {Team: Dev}\n", with: "  tags: {Team: Dev}\npolicy: {onDrift: Report}\n")
        let reporting = try await space.reconcile(environment: context.environment)
        #expect(reporting.status == 0, "\(reporting.stdout)\(reporting.stderr)")
        try await context.iam.updateRole(roleName: roleName, description: "changed by hand", maxSessionDuration: nil)
        try await context.iam.tagRole(roleName: roleName, tags: ["Team": "Ops"])
        try space.edit("sms.yaml", replacing: "  name: cognito-sms\n", with: "  name: sms-sender\n")
        try space.edit("user-pool.yaml", replacing: "smsRole: cognito-sms", with: "smsRole: sms-sender")

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> SmsRole/sms-sender (renamed from SmsRole/cognito-sms)"), "\(plan.stdout)")
        #expect(!plan.stdout.contains("description"), "the drift is not planned: \(plan.stdout)")
        #expect(!plan.stdout.contains("\"Team\": \"Dev\""), "the drifted tag is not planned: \(plan.stdout)")
        let (applied, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(writes == ["TagRole"])
        let role = try #require(try await context.iam.getRole(name: roleName))
        #expect(role.tags["smsauth:resource"] == "SmsRole/sms-sender")
        #expect(role.description == "changed by hand", "the reported drift is not corrected")
        #expect(role.tags["Team"] == "Ops", "the reported drift is not corrected")
    }

    /// The same for a pool (Cognito's TagResource): a tag changed by hand under Report stays as it is.
    @Test func aPoolRenameUnderReportWritesOnlyItsOwnershipTags() async throws {
        let context = try await EndToEndContext.make(region: "ap-southeast-2")
        let (space, name) = try Workspace.ownDemo("report-pool")
        defer { space.remove() }
        try space.write("user-pool.yaml", try space.read("user-pool.yaml") + "policy: {onDrift: Report}\n")
        let reporting = try await space.reconcile(environment: context.environment)
        #expect(reporting.status == 0, "\(reporting.stdout)\(reporting.stderr)")
        let pool = try await context.ownedPool(named: name)
        try await context.cognito.tagResource(arn: try #require(pool.arn), tags: ["Team": "Ops"])
        try space.edit("user-pool.yaml", replacing: "  name: \(name)\n", with: "  name: \(name)-v2\n")
        for file in ["app-client.yaml", "mfa-policy.yaml"] {
            try space.edit(file, replacing: "userPool: \(name)\n", with: "userPool: \(name)-v2\n")
        }

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> UserPool/\(name)-v2 (renamed from UserPool/\(name))"), "\(plan.stdout)")
        #expect(!plan.stdout.contains("Team"), "the drifted tag is not planned: \(plan.stdout)")
        let (applied, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(writes == ["TagResource"])
        let after = try #require(try await context.cognito.describeUserPool(id: pool.id))
        #expect(after.tags["smsauth:resource"] == "UserPool/\(name)-v2")
        #expect(after.tags["Team"] == "Ops", "the reported drift is not corrected")
    }

    /// A pool renamed while suspended: nothing is written, the status file moves and records the old name
    /// (`renamedFrom`), whose ownership tags the pool keeps. Resumed, the next run carries the rename out (the tag)
    /// instead of refusing the pool as someone else's, as it did before.
    @Test func aPoolRenamedWhileSuspendedIsRenamedWhenResumed() async throws {
        let held = try await Self.poolRenamedWhileSuspended("held-pool")
        let (context, space, name, pool, manifest) = (held.context, held.space, held.name, held.pool, held.manifest)
        defer { space.remove() }
        #expect(held.writes.isEmpty, "\(held.writes)")
        #expect(!Removal.hasStatus(space, "UserPool/\(name)"))

        try space.write("user-pool.yaml", manifest.replacingOccurrences(of: "  name: \(name)\n", with: "  name: \(name)-v2\n"))
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> UserPool/\(name)-v2 (renamed from UserPool/\(name))"), "\(plan.stdout)")
        let (resumed, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(writes == ["TagResource"], "the pool's tag only: \(writes)")
        #expect(try await context.cognito.describeUserPool(id: pool.id)?.tags["smsauth:resource"] == "UserPool/\(name)-v2")
        #expect(try space.statusFile("UserPool/\(name)-v2")["renamedFrom"] is NSNull)
        #expect(try await context.ownedPools(named: "\(name)-v2").map(\.id) == [pool.id], "the same pool, no second one")
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")
    }

    /// A pool renamed while suspended keeps the old name's tags. A manifest given the old name again, with an
    /// immutable change under `onImmutableChange: Recreate`, found that pool by those tags and replaced it: the
    /// renamed manifest's pool was deleted. It is blocked now, writes nothing and gets no status file; its app client
    /// waits for it. Resumed, the rename is carried out, and the run after makes the old name's own pool.
    @Test func theOldNameOfAHeldRenameDoesNotTakeItsPool() async throws {
        let held = try await Self.poolRenamedWhileSuspended("held-old-name")
        let (context, space, name, pool, manifest) = (held.context, held.space, held.name, held.pool, held.manifest)
        defer { space.remove() }

        try space.write("old-name.yaml", manifest.replacingOccurrences(of: "usernameCaseSensitive: false", with: "usernameCaseSensitive: true")
                            .replacingOccurrences(of: "poolName: \(name) users", with: "poolName: \(name) again")
                        + "policy: {onImmutableChange: Recreate}\n---\napiVersion: smsauth/v1\nkind: AppClient\n"
                        + "metadata: {name: \(name)-old-web}\nspec: {userPool: \(name), clientName: old-web}\n")
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("\n# UserPool/\(name): UserPool/\(name)-v2 was renamed from UserPool/\(name) "
                                     + "and the rename is not carried out yet"), "\(plan.stdout)")
        #expect(plan.stdout.contains("\n# AppClient/\(name)-old-web: waiting for UserPool/\(name): UserPool/\(name)-v2 "
                                     + "was renamed"), "\(plan.stdout)")
        let (applied, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(applied.stdout.contains("blocked UserPool/\(name): "), "\(applied.stdout)")
        #expect(writes.isEmpty, "\(writes)\n\(applied.stdout)")
        #expect(try await context.cognito.describeUserPool(id: pool.id)?.tags["smsauth:resource"] == "UserPool/\(name)")
        #expect(try await context.ownedPools(named: name).map(\.id) == [pool.id], "no second pool")
        #expect(try space.statusFile("UserPool/\(name)-v2")["renamedFrom"] as? String == "UserPool/\(name)")
        #expect(!Removal.hasStatus(space, "UserPool/\(name)"), "no status file at the old address")
        let client = try space.statusFile("AppClient/\(name)-old-web")
        #expect(client["phase"] as? String == "Blocked" && (client["resource"] as? [String: Any])?.isEmpty == true, "\(client)")

        // Resumed, the rename is carried out beside the old-name manifest, which waits for it; the run after makes
        // that manifest's own pool and client, and leaves the renamed pool alone.
        try space.write("user-pool.yaml", manifest.replacingOccurrences(of: "  name: \(name)\n", with: "  name: \(name)-v2\n"))
        let (resumed, tagged) = try await space.reconcileCountingWrites(context: context)
        #expect(tagged == ["TagResource"], "the pool's tag only: \(tagged)\n\(resumed.stdout)")
        #expect(try await context.cognito.describeUserPool(id: pool.id)?.tags["smsauth:resource"] == "UserPool/\(name)-v2")
        let (own, made) = try await space.reconcileCountingWrites(context: context)
        #expect(own.status == 0, "\(own.stdout)\(own.stderr)")
        #expect(made.filter { $0 == "CreateUserPool" }.count == 1 && !made.contains("DeleteUserPool"), "\(made)")
        let created = try await context.ownedPool(named: name)
        #expect(created.id != pool.id)
        #expect(try await context.cognito.describeUserPool(id: pool.id)?.tags["smsauth:resource"] == "UserPool/\(name)-v2")
    }

    /// The demo folder applied under names of its own (ap-southeast-2), then its pool renamed to `NAME-v2` while
    /// suspended (`policy.suspend: true`), the client and MFA policy following the new name: the run writes nothing
    /// (`writes`) and the status file moves, recording `renamedFrom`. `manifest`: the pool's manifest as first written.
    static func poolRenamedWhileSuspended(_ label: String) async throws
        -> (context: EndToEndContext, space: Workspace, name: String, pool: UserPoolDescription, manifest: String,
            writes: [String]) {
        let context = try await EndToEndContext.make(region: "ap-southeast-2")
        let (space, name) = try Workspace.ownDemo(label)
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let pool = try await context.ownedPool(named: name)
        let manifest = try space.read("user-pool.yaml")
        try space.write("user-pool.yaml", manifest.replacingOccurrences(of: "  name: \(name)\n", with: "  name: \(name)-v2\n")
                        + "policy: {suspend: true}\n")
        for file in ["app-client.yaml", "mfa-policy.yaml"] {
            try space.edit(file, replacing: "userPool: \(name)\n", with: "userPool: \(name)-v2\n")
        }
        let (suspended, writes) = try await space.reconcileCountingWrites(context: context)
        #expect(suspended.status == 0, "\(suspended.stdout)\(suspended.stderr)")
        #expect(try space.statusFile("UserPool/\(name)-v2")["renamedFrom"] as? String == "UserPool/\(name)")
        return (context, space, name, pool, manifest, writes)
    }

    @Test func anEmptyFolderIsRefusedWithoutAllowEmpty() async throws {
        let (context, space, roleName) = try await Removal.demo(region: "ca-central-1", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        for file in ["app-client.yaml", "mfa-policy.yaml", "sms.yaml", "user-pool.yaml"] { try space.delete(file) }

        let (environment, accessKeyId) = try await context.freshEnvironment()
        for arguments in [["--dry-run"], []] {
            let refused = try await space.reconcile(arguments, environment: environment)
            #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
            #expect(refused.stdout.contains("! AppClient/web: the manifest folder declares no resources while 4 status file(s) name managed resources; nothing is deleted or released. If removing every resource is intended, run again with --allow-empty\n"), "\(refused.stdout)")
            #expect(refused.stdout.contains("4 refused"), "\(refused.stdout)")
        }
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).map(\.operation)
                == ["GetCallerIdentity", "GetCallerIdentity"])
        #expect(try await context.cognito.listUserPoolClients(poolId: pool.id).count == 1)
        for address in ["AppClient/web", "MfaPolicy/demo-mfa", "SmsRole/cognito-sms", "UserPool/demo"] {
            #expect(Removal.hasStatus(space, address), "\(address)")
        }

        let allowed = try await space.reconcile(["--allow-empty"], environment: context.environment)
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(allowed.stdout.contains("deleted AppClient/web\n"), "\(allowed.stdout)")
        #expect(allowed.stdout.hasSuffix("Apply complete: 4 applied, 0 failed, 0 blocked, 0 refused, 3 released.\n"),
                "\(allowed.stdout)")
        #expect(try await context.cognito.listUserPoolClients(poolId: pool.id).isEmpty)
        #expect(try await context.cognito.describeUserPool(id: pool.id) != nil, "the pool's default Retain released it")
        #expect(try await context.iam.getRole(name: roleName) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.statusDirectory.path)
            .flatMap { try FileManager.default.contentsOfDirectory(atPath: space.statusDirectory.appendingPathComponent($0).path) }
            .isEmpty)
    }

    @Test func aRemovedClientRenamedByHandIsReleasedNotDeleted() async throws {
        let (context, space, _) = try await Removal.demo(region: "sa-east-1", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        let client = try await context.client(named: "demo-web", in: pool.id)
        try await context.cognito.updateUserPoolClient(.object([
            "UserPoolId": .string(pool.id), "ClientId": .string(client.clientId), "ClientName": "renamed-by-hand",
        ]))
        try space.delete("app-client.yaml")

        let (environment, accessKeyId) = try await context.freshEnvironment()
        let applied = try await space.reconcile(environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let found = "client \(client.clientId) is now named \"renamed-by-hand\", not the recorded \"demo-web\""
        #expect(applied.stdout.contains("= AppClient/web: released, not deleted: \(found)\n"), "\(applied.stdout)")
        #expect(applied.stdout.contains("    warning: AppClient/web is released instead of deleted: \(found)\n"))
        #expect(applied.stdout.contains("released (left in AWS, no longer managed) AppClient/web\n"))
        #expect(try await context.writeCalls(accessKeyId: accessKeyId) == [])
        #expect(try await context.cognito.describeUserPoolClient(poolId: pool.id, clientId: client.clientId) != nil)
        #expect(!Removal.hasStatus(space, "AppClient/web"))
    }
}
