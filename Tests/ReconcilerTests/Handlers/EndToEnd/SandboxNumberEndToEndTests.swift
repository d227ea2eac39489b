import AWSCore
import AWSServices
import Foundation
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// SandboxNumber against the emulator: create → Pending → verify from a code file → Verified → noop; a wrong code;
/// the 24-hour delete rule. Each test uses its own region (sandbox state is per account and region, and every
/// emulator principal is in the same account) and a random number.
@Suite("SandboxNumber end to end")
struct SandboxNumberEndToEndTests {
    let handler = SandboxNumberHandler()

    /// A manifest in a fresh temporary folder (so `oneTimePasswordFile` resolves there).
    struct Workspace {
        let folder: URL
        let phone: String
        let region: String

        init(region: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            phone = SandboxEmulatorHarness.uniquePhoneNumber()
            self.region = region
        }

        func desired(codeFile: Bool = false, service: SmsService = .sns) throws -> DesiredResource {
            let extra = codeFile ? "  oneTimePasswordFile: secrets/qa.otp" : ""
            return try SandboxNumberFixtures.desired(phone: phone, region: region, extra: extra, service: service,
                                                     file: folder.appendingPathComponent("numbers.yaml").path)
        }

        func writeCode(_ code: String) throws {
            let secrets = folder.appendingPathComponent("secrets")
            try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
            try Data("\(code)\n".utf8).write(to: secrets.appendingPathComponent("qa.otp"))
        }
    }

    /// Reads one target and plans it.
    func readAndPlan(_ harness: SandboxEmulatorHarness, _ desired: DesiredResource?, region: String,
                     status: ResourceStatus? = nil) async throws -> PlanInput<SandboxNumberLive> {
        let target = ReadTarget(address: SandboxNumberFixtures.address, desired: desired, status: status, region: region)
        let live = try await handler.read([target], context: harness.context)
        return SandboxNumberFixtures.input(desired, try #require(live[SandboxNumberFixtures.address]))
    }

    @Test func createPendingThenVerifyFromFileThenNoop() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "ap-southeast-1")
        defer { try? FileManager.default.removeItem(at: space.folder) }

        let first = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        #expect(first.live.value == nil)
        let create = try handler.plan(first)
        #expect(create.action == .create)
        let created = try await handler.apply(create, input: first, context: harness.applyContext())
        #expect(created == ["phoneNumber": space.phone, "region": space.region, "service": "sns", "status": "Pending",
                            "origin": "added", "originRecorded": "true"])

        let pending = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        let live = try #require(pending.live.value)
        #expect(handler.phase(of: live) == .pending(live.howToVerify))
        #expect(live.howToVerify.contains("smsauth verify qa-phone --code"))
        #expect(try handler.plan(pending).action == .noop)

        let code = try await harness.oneTimePassword(space.phone, region: space.region)
        try space.writeCode(code)
        let withCode = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        let verify = try handler.plan(withCode)
        #expect(verify.action == .update)
        #expect(try await handler.apply(verify, input: withCode, context: harness.applyContext())["status"] == "Verified")
        #expect(await harness.log.bodies.contains { $0.contains("Action=VerifySMSSandboxPhoneNumber") })

        let after = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        #expect(after.live.value?.status == .verified)
        #expect(try handler.plan(after).action == .noop)
        let listed = try await SNS(client: harness.context.client, region: space.region).listSandboxPhoneNumbers()
        #expect(listed.first { $0.phoneNumber == space.phone }?.status == "Verified")
    }

    @Test func wrongCodeIsReportedClearlyAndStaysPending() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "ap-southeast-2")
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let first = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        _ = try await handler.apply(try handler.plan(first), input: first, context: harness.applyContext())

        let code = try await harness.oneTimePassword(space.phone, region: space.region)
        let wrong = code == "654321" ? "123456" : "654321"
        try space.writeCode(wrong)
        let input = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
        let change = try handler.plan(input)
        #expect(change.action == .update)
        let error = await #expect(throws: SandboxNumberError.self) {
            try await handler.apply(change, input: input, context: harness.applyContext())
        }
        #expect(error == .wrongCode(name: "qa-phone", phoneNumber: space.phone, region: space.region))
        #expect(error?.message.contains("the code is wrong or expired") == true)
        #expect(error?.message.contains(wrong) == false)

        let after = try await readAndPlan(harness, try space.desired(), region: space.region)
        #expect(after.live.value?.status == .pending)
    }

    /// Advances the emulator's clock by 25 hours. The clock is global to the emulator: only the sandbox's 24-hour
    /// rules and the SMS role propagation delay (default 0) read it, so moving it forward makes numbers deletable
    /// and roles "older", which no other test relies on the opposite of.
    @Test func deleteWithin24HoursWaitsThenSucceeds() async throws {
        try await EmulatorClockLock.shared.run {
            let verifiedAt = Date()
            let harness = try await SandboxEmulatorHarness.make(now: { verifiedAt.addingTimeInterval(60) })
            let space = try Workspace(region: "ca-central-1")
            defer { try? FileManager.default.removeItem(at: space.folder) }
            let first = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region)
            let created = try await handler.apply(try handler.plan(first), input: first, context: harness.applyContext())
            try space.writeCode(try await harness.oneTimePassword(space.phone, region: space.region))
            let recorded = ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", phase: .pending,
                                          resource: created)
            let verifying = try await readAndPlan(harness, try space.desired(codeFile: true), region: space.region,
                                                  status: recorded)
            let outputs = try await handler.apply(try handler.plan(verifying), input: verifying, context: harness.applyContext())
            #expect(outputs["origin"] == "added", "the status file's origin is carried on")

            let status = ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", phase: .ready,
                                        resource: outputs, lastAppliedTime: verifiedAt)
            let removed = try await readAndPlan(harness, nil, region: space.region, status: status)
            let delete = try handler.plan(removed)
            #expect(delete.action == .delete)
            let removedInput = PlanInput(address: removed.address, desired: nil, live: removed.live, status: status,
                                         references: [:], dependencyActions: [:], deletePolicy: .delete,
                                         options: removed.options)
            let error = await #expect(throws: SandboxNumberError.self) {
                try await handler.apply(delete, input: removedInput, context: harness.applyContext())
            }
            #expect(error == .deleteNotYetAllowed(phoneNumber: space.phone, region: space.region,
                                                  retryAt: verifiedAt.addingTimeInterval(24 * 3600)))
            #expect(error?.isRetryable == false && error?.retryAt == verifiedAt.addingTimeInterval(24 * 3600))

            try await harness.advanceClock(seconds: 90_000)
            #expect(try await handler.apply(delete, input: removedInput, context: harness.applyContext()) == [:])
            let gone = try await readAndPlan(harness, nil, region: space.region, status: status)
            #expect(gone.live.value == nil)
            #expect(try handler.plan(gone).action == .noop)
        }
    }
}
