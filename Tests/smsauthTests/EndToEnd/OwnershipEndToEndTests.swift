import AWSServices
import Foundation
import Testing

/// Owners with the real binary: two manifest folders sharing one account and one status location never touch each
/// other (with different owners, `SMSAUTH_OWNER`, and without owners, through the folder recorded in status), and a
/// status file naming a client in a pool made by hand never deletes it.
@Suite("Owners end to end", .timeLimit(.minutes(8)))
struct OwnershipEndToEndTests {
    /// The status files of `space` by relative path, with their bytes.
    static func statusFiles(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for kind in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let folder = directory.appendingPathComponent(kind)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files["\(kind)/\(file)"] = try Data(contentsOf: folder.appendingPathComponent(file))
            }
        }
        return files
    }

    /// `environment` with `SMSAUTH_OWNER` set to `owner` (unset when nil).
    static func owned(_ environment: [String: String], by owner: String?) -> [String: String] {
        var environment = environment
        environment["SMSAUTH_OWNER"] = owner
        return environment
    }

    static let siblings: [(String, String?, String?)] = [("eu-south-1", "team-a", "team-b"), ("eu-south-2", nil, nil)]

    @Test("folder b, applied after folder a into a's status location, changes nothing of a", arguments: siblings)
    func siblingFoldersNeverTouchEachOther(region: String, ownerA: String?, ownerB: String?) async throws {
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let a = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: e2e-owner-a-\(unique)\n"),
        ])
        let b = try Workspace(copying: ["examples/phone-verification-only"], substitutions: [
            ("roleName: fieldnotes-cognito-sms\n", "roleName: e2e-owner-b-\(unique)\n"),
            ("region: eu-west-1\n", "region: \(region)\n"),
        ])
        defer { a.remove(); b.remove() }
        if ownerA == nil { try a.removeSettings() }
        if ownerB == nil { try b.removeSettings() }
        let created = try await a.reconcile(environment: Self.owned(context.environment, by: ownerA))
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let poolA = try await context.ownedPool(named: "demo")
        #expect(poolA.tags["smsauth:owner"] == ownerA)
        let clientA = try await context.client(named: "demo-web", in: poolA.id)
        let statusA = try Self.statusFiles(a.statusDirectory)
        let folderA = a.manifests.resolvingSymlinksInPath().path
        let poolStatus = try #require(statusA["UserPool/demo.json"])
        let recorded = try #require(try JSONSerialization.jsonObject(with: poolStatus) as? [String: Any])
        #expect(recorded["folder"] as? String == folderA)
        #expect(recorded["owner"] as? String == ownerA)

        let (environmentB, keyB) = try await context.freshEnvironment()
        let second = try await CLIRunner.run(["reconcile", b.manifests.path, "--status-dir", a.statusDirectory.path,
                                              "--no-color"], environment: Self.owned(environmentB, by: ownerB))
        #expect(second.status == 1, "a's status files are refused: \(second.stdout)\(second.stderr)")
        let writer = ownerA.map { "written for owner \"\($0)\"" } ?? "written for the manifest folder \(folderA)"
        for address in ["SmsRole/cognito-sms", "UserPool/demo", "AppClient/web", "MfaPolicy/demo-mfa"] {
            #expect(second.stdout.contains("! \(address): the status file of \(address) was \(writer)"), "\(second.stdout)")
        }
        let poolB = try await context.ownedPool(named: "fieldnotes")
        #expect(poolB.tags["smsauth:owner"] == ownerB, "b made its own resources")

        #expect(try await context.cognito.describeUserPool(id: poolA.id) == poolA, "a's pool is unchanged")
        #expect(try await context.client(named: "demo-web", in: poolA.id).clientId == clientA.clientId)
        #expect(try Self.statusFiles(a.statusDirectory).filter { statusA[$0.key] != nil } == statusA,
                "a's status files are not rewritten")
        let writesB = try await context.writeCalls(accessKeyId: keyB)
        #expect(!writesB.contains { $0.hasPrefix("Delete") || $0.hasPrefix("Untag") || $0.hasPrefix("Update") },
                "\(writesB)")
        let planA = try await a.reconcile(["--dry-run"], environment: Self.owned(context.environment, by: ownerA))
        for address in ["SmsRole/cognito-sms", "UserPool/demo", "AppClient/web", "MfaPolicy/demo-mfa"] {
            #expect(!planA.stdout.contains(" \(address)\n") && !planA.stdout.contains(" \(address):"), "\(planA.stdout)")
        }
    }

    /// SNS sandbox numbers take no tags. Folder b naming a number folder a added manages it (with a warning in its
    /// plan) but never deletes it: removing b's manifest is refused as for any resource that is not b's, and a's
    /// number stays. Before, b took it over silently ("1 unchanged") and its removal deleted a's number.
    @Test func aSandboxNumberOfAnotherFolderIsNeverDeleted() async throws {
        let region = "ap-northeast-2"
        let context = try await EndToEndContext.make(region: region)
        let phone = "+1206555" + String(format: "%04d", Int.random(in: 0..<10_000))
        let number = { (name: String) in
            "apiVersion: smsauth/v1\nkind: SandboxNumber\nmetadata: {name: \(name)}\nspec:\n  region: \(region)\n"
                + "  phoneNumber: \"\(phone)\"\n---\n"
        }
        let a = try Workspace(copying: []), b = try Workspace(copying: [])
        defer { a.remove(); b.remove() }
        try a.write("numbers.yaml", number("tester-alice"))
        // b also manages a sandbox number of its own, so that removing the borrowed one leaves a set that is not empty.
        let own = "+1206555" + String(format: "%04d", (Int(phone.suffix(4))! + 1) % 10_000)
        try b.write("numbers.yaml", number("borrowed") + number("own").replacingOccurrences(of: phone, with: own))
        let added = try await a.reconcile(environment: Self.owned(context.environment, by: "team-a"))
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")

        let (environmentB, keyB) = try await context.freshEnvironment()
        let ownerB = Self.owned(environmentB, by: "team-b")
        let plan = try await b.reconcile(["--dry-run"], environment: ownerB)
        #expect(plan.stdout.contains("warning: \(phone) was already in the SNS SMS sandbox of \(region) when this manifest folder first saw it"),
                "\(plan.stdout)")
        #expect(try await b.reconcile(environment: ownerB).status == 0)

        try b.write("numbers.yaml", number("own").replacingOccurrences(of: phone, with: own))
        let removed = try await b.reconcile(environment: ownerB)
        #expect(removed.status == 1, "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stdout.contains("refused SandboxNumber/borrowed: the manifest of SandboxNumber/borrowed is gone, but the "
                                        + "number was already in its sandbox when this manifest folder first saw it"),
                "\(removed.stdout)")
        #expect(!(try await context.writeCalls(accessKeyId: keyB)).contains("DeleteSMSSandboxPhoneNumber"))
        #expect(try await context.sns.listSandboxPhoneNumbers().contains { $0.phoneNumber == phone }, "a's number stays")
        let again = try await a.reconcile(["--dry-run", "--detailed-exitcode"], environment: Self.owned(context.environment, by: "team-a"))
        #expect(again.status == 0, "a plans nothing: \(again.stdout)")
    }

    @Test("a status file naming a client in a pool made by hand deletes nothing")
    func tamperedStatusDeletesNothing() async throws {
        let context = try await EndToEndContext.make(region: "il-central-1")
        let unique = UUID().uuidString.prefix(8).lowercased()
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: e2e-tampered-\(unique)\n"),
        ])
        defer { space.remove() }
        let handMade = try await context.cognito.createUserPool(["PoolName": .string("by hand \(unique)")])
        let victim = try await context.cognito.createUserPoolClient(["UserPoolId": .string(handMade.id),
                                                                     "ClientName": .string("victim")])
        let status: [String: Any] = [
            "kind": "AppClient", "name": "ghost", "specHash": "h", "phase": "Ready", "conditions": [],
            "resource": ["clientId": victim.clientId, "userPoolId": handMade.id], "drift": [], "history": [],
            "onDelete": "Delete", "folder": space.manifests.resolvingSymlinksInPath().path,
        ]
        let folder = space.statusDirectory.appendingPathComponent("AppClient")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: status).write(to: folder.appendingPathComponent("ghost.json"))

        let result = try await space.reconcile(environment: context.environment)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("! AppClient/ghost: the manifest of AppClient/ghost is gone, but the user pool it is in does not carry smsauth's ownership tags"),
                "\(result.stdout)")
        #expect(try await context.cognito.describeUserPoolClient(poolId: handMade.id, clientId: victim.clientId) != nil,
                "the hand-made pool's client is still there")
        #expect(!(try await context.writeCalls()).contains("DeleteUserPoolClient"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ghost.json").path),
                "the status is kept and reported")
    }

    @Test("resources an earlier smsauth tagged without an owner are claimed by a tag update, then plan nothing")
    func legacyResourcesAreClaimed() async throws {
        let context = try await EndToEndContext.make(region: "me-central-1")
        let unique = UUID().uuidString.prefix(8).lowercased()
        let roleName = "e2e-legacy-\(unique)"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        defer { space.remove() }
        try space.removeSettings()
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let pool = try await context.ownedPool(named: "demo")
        #expect(pool.tags["smsauth:owner"] == nil, "tagged as an earlier smsauth did, without an owner")

        let owned = Self.owned(context.environment, by: "team-a")
        let plan = try await space.reconcile(["--dry-run"], environment: owned)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("~ UserPool/demo\n    ~ tags: {} → {\"smsauth:owner\": \"team-a\"}\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("~ SmsRole/cognito-sms\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("warning: claims a resource tagged by an earlier smsauth without an owner"))
        #expect(plan.stdout.hasSuffix("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete, 0 refused, 2 unchanged.\n"))

        let claimed = try await space.reconcile(environment: owned)
        #expect(claimed.status == 0, "\(claimed.stdout)\(claimed.stderr)")
        #expect(try await context.ownedPool(named: "demo").tags["smsauth:owner"] == "team-a")
        #expect(try await context.iam.getRole(name: roleName)?.tags["smsauth:owner"] == "team-a")
        #expect(try await context.ownedPool(named: "demo").id == pool.id, "the same pool, claimed")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: owned)
        #expect(again.status == 0)
        #expect(again.stdout == "No changes. 4 unchanged.\n")

        let other = try await space.reconcile(["--dry-run"], environment: Self.owned(context.environment, by: "team-b"))
        #expect(other.status == 1, "team-a's status files and resources are refused to team-b")
        #expect(other.stdout.contains("was written for owner \"team-a\""), "\(other.stdout)")
    }
}
