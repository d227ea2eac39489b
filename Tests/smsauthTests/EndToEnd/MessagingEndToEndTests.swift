import AWSServices
import Foundation
import Testing
import TestSupport

/// The messaging side with the real binary: the two messaging examples applied from empty, purchase approval,
/// release guarded by deletion protection, and a number that turns ACTIVE later (the emulator's activation delay).
/// Serialized: every test here requests numbers, and the activation delay is global emulator state.
@Suite("Messaging end to end", .serialized, .timeLimit(.minutes(8)))
struct MessagingEndToEndTests {
    /// The ACTIVE or PENDING numbers of the region carrying the ownership tag of `OriginationIdentity/<name>`.
    static func ownedNumbers(_ name: String, _ context: EndToEndContext) async throws -> [JSONValue] {
        var owned: [JSONValue] = []
        for number in try await context.smsVoice.describePhoneNumbers() {
            guard let arn = number["PhoneNumberArn"]?.stringValue else { continue }
            let tags = try await context.smsVoice.listTagsForResource(arn: arn) ?? [:]
            if LiveExpectations.ownership("OriginationIdentity/\(name)").allSatisfy({ tags[$0.key] == $0.value }) {
                owned.append(number)
            }
        }
        return owned
    }

    @Test func sandboxTestingExampleAppliesAndThenPlansNothing() async throws {
        let context = try await EndToEndContext.make(region: "us-east-2")
        let space = try Workspace(copying: ["examples/sandbox-testing"], substitutions: [
            ("roleName: qa-cognito-sms\n", "roleName: e2e-qa-\(UUID().uuidString.prefix(8).lowercased())\n"),
            ("region: us-east-1\n", "region: us-east-2\n"),
        ])
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.hasSuffix("Apply complete: 8 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        let numbers = try await context.sns.listSandboxPhoneNumbers()
        #expect(numbers.map(\.phoneNumber).sorted() == ["+12065550100", "+12065550101", "+12065550102"])
        #expect(Set(numbers.map(\.status)) == ["Pending"])
        let settings = try await context.sns.getSMSAttributes()
        #expect(settings["DefaultSMSType"] == "Transactional" && settings["MonthlySpendLimit"] == "1")
        let simulator = try #require(try await Self.ownedNumbers("us-simulator", context).first)
        #expect(simulator["NumberType"] == "SIMULATOR" && simulator["MessageType"] == "TRANSACTIONAL")
        #expect(simulator["IsoCountryCode"] == "US" && simulator["Status"] == "ACTIVE")
        #expect(simulator["DeletionProtectionEnabled"] == false && simulator["TwoWayEnabled"] == false)
        let pool = try await context.ownedPool(named: "qa")
        #expect(pool.raw["UsernameAttributes"] == ["phone_number"] && pool.deletionProtection == "INACTIVE")
        #expect(pool.tags["Team"] == "QA")
        _ = try await context.client(named: "qa-cli", in: pool.id)

        let status = try await space.status(environment: context.environment)
        #expect(status["SandboxNumber/tester-alice"]?["phase"] as? String == "Pending")
        #expect(status["OriginationIdentity/us-simulator"]?["phase"] as? String == "Ready")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 8 unchanged.\n")
    }

    @Test func usProductionExampleAppliesAndThenPlansNothing() async throws {
        let context = try await EndToEndContext.make(region: "us-west-1")
        let space = try Workspace(copying: ["examples/us-production-sms"], substitutions: [
            ("roleName: storefront-cognito-sms\n", "roleName: e2e-sf-\(UUID().uuidString.prefix(8).lowercased())\n"),
            ("region: us-east-1\n", "region: us-west-1\n"), ("smsRegion: us-east-1\n", "smsRegion: us-west-1\n"),
        ])
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.hasSuffix("Apply complete: 6 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))

        let number = try #require(try await Self.ownedNumbers("us-tollfree", context).first)
        #expect(number["NumberType"] == "TOLL_FREE" && number["Status"] == "ACTIVE")
        #expect(number["DeletionProtectionEnabled"] == true && number["SelfManagedOptOutsEnabled"] == false)
        #expect(number["OptOutListName"] == "Default")
        let pools = try await context.smsVoice.describePools()
        #expect(pools.count == 1)
        #expect(pools.first?["DeletionProtectionEnabled"] == true && pools.first?["SharedRoutesEnabled"] == false)
        let settings = try await context.sns.getSMSAttributes()
        #expect(settings["MonthlySpendLimit"] == "50" && settings["DeliveryStatusSuccessSamplingRate"] == "10")
        #expect(settings["DeliveryStatusIAMRole"] == "arn:aws:iam::123456789012:role/sns-delivery-status")
        let pool = try await context.ownedPool(named: "storefront")
        #expect(pool.raw["SmsConfiguration"]?["SnsRegion"] == "us-west-1")
        #expect(pool.deletionProtection == "ACTIVE")

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 6 unchanged.\n")
    }

    @Test func purchaseNeedsApprovalOrAllowPurchase() async throws {
        let context = try await EndToEndContext.make(region: "il-central-1")
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let manifest = try String(contentsOf: Workspace.repository.appendingPathComponent("examples/sandbox-testing/simulator-number.yaml"),
                                  encoding: .utf8)
        try space.write("number.yaml", manifest.replacingOccurrences(of: "region: us-east-1\n", with: "region: il-central-1\n"))
        try space.edit("number.yaml", replacing: "  purchaseApproved: true\n", with: "")

        for arguments in [["--dry-run"], []] {
            let refused = try await space.reconcile(arguments, environment: context.environment)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stdout.contains("! OriginationIdentity/us-simulator: "), "\(refused.stdout)")
            #expect(refused.stdout.contains("--allow-purchase"), "\(refused.stdout)")
        }
        #expect(try await context.writeCalls().isEmpty)
        #expect(try await context.smsVoice.describePhoneNumbers().isEmpty)

        let bought = try await space.reconcile(["--allow-purchase"], environment: context.environment)
        #expect(bought.status == 0, "\(bought.stdout)\(bought.stderr)")
        #expect(bought.stdout.contains("created OriginationIdentity/us-simulator\n"))
        #expect(try await Self.ownedNumbers("us-simulator", context).count == 1)
    }

    @Test func releaseIsRefusedWhileDeletionProtectionIsOn() async throws {
        let context = try await EndToEndContext.make(region: "me-central-1")
        let space = try Workspace(copying: [])
        defer { space.remove() }
        let manifest = try String(contentsOf: Workspace.repository.appendingPathComponent("examples/sandbox-testing/simulator-number.yaml"),
                                  encoding: .utf8)
        try space.write("number.yaml", manifest.replacingOccurrences(of: "region: us-east-1\n", with: "region: me-central-1\n")
            .replacingOccurrences(of: "deletionProtection: false", with: "deletionProtection: true")
            + "policy:\n  onDelete: Delete\n")
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let number = try #require(try await Self.ownedNumbers("us-simulator", context).first)

        try space.delete("number.yaml")
        let refused = try await space.reconcile(["--allow-empty"], environment: context.environment)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("refused OriginationIdentity/us-simulator: "), "\(refused.stdout)")
        #expect(refused.stdout.contains("deletion protection"), "\(refused.stdout)")
        let still = try await context.smsVoice.describePhoneNumbers(ids: [number["PhoneNumberId"]?.stringValue ?? ""])
        #expect(still.count == 1 && still.first?["Status"] != "DELETED", "the number is not released")
    }

    @Test func numberPendingThenActiveWithoutBlockingUnrelatedResources() async throws {
        try await EmulatorClockLock.shared.run {
            let context = try await EndToEndContext.make(region: "mx-central-1")
            let space = try Workspace(copying: [], substitutions: [])
            defer { space.remove() }
            for file in ["origination-number.yaml", "account-settings.yaml"] {
                let text = try String(contentsOf: Workspace.repository.appendingPathComponent("examples/us-production-sms/\(file)"),
                                      encoding: .utf8)
                try space.write(file, text.replacingOccurrences(of: "region: us-east-1\n", with: "region: mx-central-1\n"))
            }
            // Pending until the test moves the emulator's clock (it holds the clock lock): a delay of seconds ran out
            // while the test's commands waited for their turn in a loaded full run.
            try await Self.setActivationDelay(600, context)
            let applied = try await space.reconcile(environment: context.environment)
            #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
            #expect(applied.stdout.contains("created OriginationIdentity/us-tollfree\n"), "\(applied.stdout)")
            #expect(applied.stdout.contains("updated SmsAccountSettings/us-east-1\n"), "unrelated resources proceed")
            #expect(applied.stdout.contains("blocked PhonePool/us-senders: waiting for OriginationIdentity/us-tollfree: pending: number is being provisioned (PENDING)\n"))
            #expect(applied.stdout.hasSuffix("Apply complete: 2 applied, 0 failed, 1 blocked, 0 refused, 0 released.\n"))
            let owned = try #require(try await Self.ownedNumbers("us-tollfree", context).first)
            let id = try #require(owned["PhoneNumberId"]?.stringValue)
            #expect(owned["Status"] == "PENDING")
            var status = try await space.status(environment: context.environment)
            #expect(status["OriginationIdentity/us-tollfree"]?["phase"] as? String == "Pending")
            #expect(status["OriginationIdentity/us-tollfree"]?["message"] as? String == "number is being provisioned (PENDING)")
            #expect(status["SmsAccountSettings/us-east-1"]?["phase"] as? String == "Ready")
            #expect(status["PhonePool/us-senders"]?["phase"] as? String == "Blocked")
            #expect(try await context.smsVoice.describePools().isEmpty)
            let pendingPlan = try await space.reconcile(["--dry-run"], environment: context.environment)
            #expect(pendingPlan.status == 0, "a pending number is not an error: \(pendingPlan.stdout)")
            #expect(pendingPlan.stdout.contains("PhonePool/us-senders: waiting for OriginationIdentity/us-tollfree: pending: number is being provisioned (PENDING)"),
                    "\(pendingPlan.stdout)")

            try await context.emulator.control("POST", "clock", body: Data(#"{"advanceSeconds": 600}"#.utf8))
            try await Self.waitUntilActive(id, context)

            let completed = try await space.reconcile(environment: context.environment)
            #expect(completed.status == 0, "\(completed.stdout)\(completed.stderr)")
            #expect(completed.stdout.contains("created PhonePool/us-senders\n"), "\(completed.stdout)")
            #expect(try await context.smsVoice.describePools().count == 1)
            status = try await space.status(environment: context.environment)
            #expect(Set(status.values.compactMap { $0["phase"] as? String }) == ["Ready"])
            #expect(try await Self.ownedNumbers("us-tollfree", context).count == 1, "exactly one number bought")
            let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
            #expect(again.status == 0, "\(again.stdout)")
        }
    }

    /// Sets the emulator's number activation delay for the binary's principal only (other tests keep theirs).
    static func setActivationDelay(_ seconds: Double, _ context: EndToEndContext) async throws {
        let body = "{\"phoneNumberActivationSeconds\": \(seconds), \"accessKeyId\": \"\(context.principal.accessKeyId)\"}"
        try await context.emulator.control("POST", "config", body: Data(body.utf8))
    }

    /// Polls DescribePhoneNumbers (bounded) until the number reports ACTIVE, the emulator's real state change.
    static func waitUntilActive(_ id: String, _ context: EndToEndContext, seconds: Int = 10) async throws {
        for _ in 0..<(seconds * 5) {
            let status = try await context.smsVoice.describePhoneNumbers(ids: [id]).first?["Status"]?.stringValue
            if status == "ACTIVE" { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("phone number \(id) did not turn ACTIVE within \(seconds) seconds")
    }
}
