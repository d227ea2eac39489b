import Foundation
import Testing

/// SMS sandbox destination numbers with the real binary: create → Pending → `smsauth verify` with the code the
/// emulator "texted" → Ready, a wrong code leaves it Pending, and an 11th number in a region is refused in the plan.
@Suite("SMS sandbox end to end", .timeLimit(.minutes(8)))
struct SandboxEndToEndTests {
    /// A SandboxNumber manifest.
    static func number(_ name: String, _ phone: String, region: String) -> String {
        """
        apiVersion: smsauth/v1
        kind: SandboxNumber
        metadata: {name: \(name)}
        spec:
          region: \(region)
          phoneNumber: "\(phone)"
          languageCode: en-US
        ---

        """
    }

    /// A US number no other test is likely to use.
    static func randomPhone() -> String { "+1206555" + String(format: "%04d", Int.random(in: 0..<10_000)) }

    /// The status row's phase and message.
    static func phase(_ space: Workspace, _ address: String, _ context: EndToEndContext) async throws -> (String?, String?) {
        let row = try await space.status(environment: context.environment)[address]
        return (row?["phase"] as? String, row?["message"] as? String)
    }

    @Test func createPendingVerifyWrongThenRightCode() async throws {
        let context = try await EndToEndContext.make(region: "eu-west-2")
        let phone = Self.randomPhone()
        let space = try Workspace(copying: [])
        defer { space.remove() }
        try space.write("numbers.yaml", Self.number("tester", phone, region: "eu-west-2"))

        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        #expect(created.stdout.contains("created SandboxNumber/tester\n"))
        let pending = try await Self.phase(space, "SandboxNumber/tester", context)
        #expect(pending.0 == "Pending")
        #expect(pending.1 == "waiting for the one-time password sent to \(phone) (SNS SMS sandbox): run `smsauth verify tester --code <code from the SMS>` (`--resend` sends a new one)")
        #expect(try await context.sns.listSandboxPhoneNumbers().map(\.status) == ["Pending"])

        let code = try await context.sandboxCode(phone)
        let wrong = code == "000000" ? "111111" : "000000"
        let verify = ["verify", "tester", space.manifests.path, "--status-dir", space.statusDirectory.path]
        let refused = try await CLIRunner.run(verify + ["--code", wrong], environment: context.environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: the code is wrong or expired for \(phone)"), "\(refused.stderr)")
        #expect(try await Self.phase(space, "SandboxNumber/tester", context).0 == "Pending")

        let verified = try await CLIRunner.run(verify + ["--code", code], environment: context.environment)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout == "SandboxNumber/tester: \(phone) verified in the SNS SMS sandbox of eu-west-2\n")
        #expect(!(verified.stdout + verified.stderr).contains(code), "the code is never printed")
        #expect(try await Self.phase(space, "SandboxNumber/tester", context).0 == "Ready")
        #expect(try await context.sns.listSandboxPhoneNumbers().map(\.status) == ["Verified"])

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 1 unchanged.\n")
    }

    @Test func eleventhNumberInARegionIsRefusedInThePlan() async throws {
        let context = try await EndToEndContext.make(region: "eu-south-2")
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let phones = (0..<11).map { "+1206555\(String(format: "%04d", 100 + $0))" }
        let manifests = phones.enumerated().map { Self.number(String(format: "tester-%02d", $0.offset), $0.element,
                                                              region: "eu-south-2") }
        try space.write("numbers.yaml", manifests.joined())
        let invalid = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("error: SandboxNumber 'tester-10' is number 11 in the SNS SMS sandbox of region eu-south-2, which allows at most 10\n"),
                "eleven manifests in one region are caught offline: \(invalid.stdout)")

        try space.write("numbers.yaml", manifests.prefix(10).joined())
        let ten = try await space.reconcile(environment: context.environment)
        #expect(ten.status == 0, "\(ten.stdout)\(ten.stderr)")
        let writes = try await context.writeCalls()

        try space.write("numbers.yaml", manifests.prefix(9).joined() + manifests[10])
        let plan = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(plan.status == 1)
        #expect(plan.stdout.contains("- SandboxNumber/tester-09: removes \(phones[9]) from the SNS SMS sandbox of eu-south-2\n"))
        #expect(plan.stdout.contains("! SandboxNumber/tester-10: the SNS SMS sandbox of eu-south-2 would hold more than 10 destination numbers (10 already there or created first); remove a SandboxNumber there (an SNS one is deletable 24 hours after its verification) or leave the sandbox\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 1 refused, 9 unchanged."), "\(plan.stdout)")
        #expect(try await context.writeCalls() == writes, "AWS is never asked for the 11th number")
        #expect(try await context.sns.listSandboxPhoneNumbers().count == 10)
    }

    /// A number already in the sandbox (another folder's, or added by hand) is never taken as a replacement: the
    /// Recreate added it (AWS answers an existing number with success) and recorded it as added, so removing the
    /// manifest later deleted a number it had never added.
    @Test func aNewNumberAlreadyListedIsNotTakenAsTheReplacement() async throws {
        let region = "ap-southeast-4"
        let context = try await EndToEndContext.make(region: region)
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let (own, listed) = ("+12065550301", "+12065550302")
        try space.write("numbers.yaml", Self.number("tester", own, region: region))
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        try await context.sns.createSandboxPhoneNumber(listed, languageCode: nil)  // someone else's
        let writes = try await context.writeCalls()

        try space.write("numbers.yaml", Self.number("tester", listed, region: region)
                            .replacingOccurrences(of: "---\n", with: "policy: {onImmutableChange: Recreate}\n---\n"))
        let run = try await space.reconcile(environment: context.environment)
        #expect(run.stdout.contains("refused SandboxNumber/tester: \(listed) is already in the SNS SMS sandbox of \(region)"),
                "\(run.stdout)\(run.stderr)")
        #expect(try await context.writeCalls() == writes)
        let status = try await space.status(environment: context.environment)
        #expect((status["SandboxNumber/tester"]?["resource"] as? [String: Any])?["phoneNumber"] as? String == own)
        #expect(Set(try await context.sns.listSandboxPhoneNumbers().map(\.phoneNumber)) == [own, listed])
    }

    /// A status file records the account its number was added in: carried to another account (one folder applied to
    /// staging, then production), it never makes that account's number of the same phone number count as added, so
    /// removing the manifest does not delete it. Before, the status file recorded no account.
    @Test func aStatusFromAnotherAccountDoesNotMakeItsNumberAdded() async throws {
        let region = "ap-south-2"
        let context = try await EndToEndContext.make(region: region)
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let phone = Self.randomPhone()
        try space.write("numbers.yaml", Self.number("tester", phone, region: region)
                            + Self.number("other", "+12065550399", region: region))
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let file = space.statusDirectory.appendingPathComponent("SandboxNumber/tester.json")
        var status = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var resource = try #require(status["resource"] as? [String: Any])
        #expect(resource["account"] as? String == "123456789012")
        #expect(resource["origin"] as? String == "added")
        resource["account"] = "444455556666"
        status["resource"] = resource
        try JSONSerialization.data(withJSONObject: status).write(to: file)

        try space.write("numbers.yaml", Self.number("other", "+12065550399", region: region))
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("! SandboxNumber/tester: "), "refused, not deleted: \(plan.stdout)")
        #expect(!plan.stdout.contains("- SandboxNumber/tester"), "\(plan.stdout)")
        let removed = try await space.reconcile(environment: context.environment)
        #expect(removed.status == 1, "\(removed.stdout)\(removed.stderr)")
        #expect(try await context.sns.listSandboxPhoneNumbers().map(\.phoneNumber).contains(phone),
                "this account's number is not the one the status file's account added")
    }

    /// An End User Messaging entry carries its manifest's ownership tags: a rename moves them to the new name (one
    /// TagResource), so the entry stays the manifest's own (deleted with it) instead of becoming a found number that
    /// is never deleted and whose removal is refused. Before, the rename wrote nothing.
    @Test func aRenamedEndUserMessagingNumberStaysItsManifests() async throws {
        let region = "ap-south-2"
        let context = try await EndToEndContext.make(region: region)
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let phone = Self.randomPhone()
        let number = { (name: String) in
            Self.number(name, phone, region: region).replacingOccurrences(of: "  languageCode: en-US\n",
                                                                          with: "  languageCode: en-US\n  service: endUserMessaging\n")
        }
        try space.write("numbers.yaml", number("tester"))
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        try space.write("numbers.yaml", number("qa-phone"))

        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("> SandboxNumber/qa-phone (renamed from SandboxNumber/tester)\n"
                                     + "    ~ tags.smsauth:resource: \"SandboxNumber/tester\" → \"SandboxNumber/qa-phone\""),
                "\(plan.stdout)")
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let renamed = try await space.reconcile(environment: environment)
        #expect(renamed.status == 0, "\(renamed.stdout)\(renamed.stderr)")
        #expect(try await context.writeCalls(accessKeyId: accessKeyId) == ["TagResource"])
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0 && !again.stdout.contains("already"), "\(again.stdout)")
        let status = try await space.status(environment: context.environment)
        #expect((status["SandboxNumber/qa-phone"]?["resource"] as? [String: Any])?["origin"] as? String == "added",
                "still the manifest's own number")
    }
}
