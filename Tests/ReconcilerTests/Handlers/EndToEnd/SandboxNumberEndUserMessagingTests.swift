import AWSCore
import AWSServices
import Foundation
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// SandboxNumber in End User Messaging SMS's sandbox (verified destination numbers) against the emulator, whose
/// verification code is always 123456 once a code was sent. Each test uses its own region and a random number.
@Suite("SandboxNumber in the End User Messaging sandbox")
struct SandboxNumberEndUserMessagingTests {
    typealias Workspace = SandboxNumberEndToEndTests.Workspace
    let handler = SandboxNumberHandler()
    let outer = SandboxNumberEndToEndTests()

    @Test func createSendsACodeThenVerifyFromFileThenNoopThenDelete() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "eu-north-1")
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let desired = try space.desired(codeFile: true, service: .endUserMessaging)

        let first = try await outer.readAndPlan(harness, desired, region: space.region)
        let create = try handler.plan(first)
        #expect(create.action == .create)
        let created = try await handler.apply(create, input: first, context: harness.applyContext())
        #expect(created == ["phoneNumber": space.phone, "region": space.region, "service": "endUserMessaging",
                            "status": "Pending", "origin": "added", "originRecorded": "true"])
        let calls = try await harness.operations()
        #expect(calls.contains("CreateVerifiedDestinationNumber") && calls.contains("SendDestinationNumberVerificationCode"))
        #expect(!calls.contains("CreateSMSSandboxPhoneNumber"), "SNS's sandbox is not touched")

        let pending = try await outer.readAndPlan(harness, desired, region: space.region)
        let live = try #require(pending.live.value)
        #expect(live.service == .endUserMessaging && live.status == .pending && live.id != nil)
        #expect(live.howToVerify.contains("End User Messaging SMS sandbox"))
        #expect(try handler.plan(pending).action == .noop)

        try space.writeCode("123456")
        let withCode = try await outer.readAndPlan(harness, desired, region: space.region)
        let verify = try handler.plan(withCode)
        #expect(verify.action == .update)
        #expect(try await handler.apply(verify, input: withCode, context: harness.applyContext())["status"] == "Verified")
        let after = try await outer.readAndPlan(harness, desired, region: space.region)
        #expect(after.live.value?.status == .verified)
        #expect(try handler.plan(after).action == .noop)
        let smsVoice = SMSVoice(client: harness.context.client, region: space.region)
        #expect(try await smsVoice.describeVerifiedDestinationNumbers().first { $0.phoneNumber == space.phone }?.status
                == "VERIFIED")
        #expect(try await SNS(client: harness.context.client, region: space.region).listSandboxPhoneNumbers()
            .contains { $0.phoneNumber == space.phone } == false)

        let status = ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", phase: .ready,
                                    resource: try #require(after.live.value.map(handler.outputs(of:))))
        let removed = try await outer.readAndPlan(harness, nil, region: space.region, status: status)
        let delete = try handler.plan(removed)
        #expect(delete.action == .delete)
        #expect(try await handler.apply(delete, input: removed, context: harness.applyContext()) == [:])
        #expect(try await smsVoice.describeVerifiedDestinationNumbers().contains { $0.phoneNumber == space.phone } == false)
    }

    @Test func wrongCodeIsReportedAndStaysPending() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "eu-west-3")
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let desired = try space.desired(codeFile: true, service: .endUserMessaging)
        let first = try await outer.readAndPlan(harness, desired, region: space.region)
        _ = try await handler.apply(try handler.plan(first), input: first, context: harness.applyContext())

        try space.writeCode("654321")
        let input = try await outer.readAndPlan(harness, desired, region: space.region)
        let error = await #expect(throws: SandboxNumberError.self) {
            try await handler.apply(try handler.plan(input), input: input, context: harness.applyContext())
        }
        #expect(error == .wrongCode(name: "qa-phone", phoneNumber: space.phone, region: space.region, service: .endUserMessaging))
        #expect(error?.awsErrorCode == "ValidationException" && error?.message.contains("at most 5") == false)
        #expect(error?.message.contains("654321") == false)
        #expect(try await outer.readAndPlan(harness, desired, region: space.region).live.value?.status == .pending)
    }

    /// A crash after CreateVerifiedDestinationNumber and before the code was sent: the number is listed Pending and
    /// the plan is a noop; a create that runs again (its status never recorded) finds the number instead of failing
    /// on AWS's conflict, and sends the code.
    @Test func createAgainAfterACrashFindsTheNumberAndSendsTheCode() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "eu-south-1")
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let smsVoice = SMSVoice(client: harness.context.client, region: space.region)
        let id = try await smsVoice.createVerifiedDestinationNumber(space.phone, clientToken: UUID().uuidString, tags: [:])
        let desired = try space.desired(codeFile: true, service: .endUserMessaging)
        let absentInput = SandboxNumberFixtures.input(desired, .absent)
        let outputs = try await handler.apply(try handler.plan(absentInput), input: absentInput,
                                              context: harness.applyContext())
        #expect(outputs["status"] == "Pending")
        try await smsVoice.verifyDestinationNumber(id: id, code: "123456")  // the code was sent: verifying works
        #expect(try await smsVoice.describeVerifiedDestinationNumbers().filter { $0.phoneNumber == space.phone }.map(\.status)
                == ["VERIFIED"])
    }

    /// A number recorded in SNS's sandbox whose pools moved to End User Messaging: the identity changed, so the
    /// plan refuses by default and names the field, and nothing is written.
    @Test func sandboxSwitchIsAnIdentityChange() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let space = try Workspace(region: "me-central-1")
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let sns = try await outer.readAndPlan(harness, try space.desired(), region: space.region)
        let outputs = try await handler.apply(try handler.plan(sns), input: sns, context: harness.applyContext())
        let status = ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", phase: .pending,
                                    resource: outputs)
        let moved = try await outer.readAndPlan(harness, try space.desired(service: .endUserMessaging),
                                                region: space.region, status: status)
        #expect(moved.live.value?.service == .sns)
        let change = try handler.plan(moved)
        #expect(change.action == .refuse)
        #expect(change.fieldChanges.map(\.path) == ["service"])
    }

    /// A removed number whose status names no region cannot be looked up: the read fails with `read.noRegion`
    /// (before, it read as gone and the number was forgotten while it stayed in the sandbox).
    @Test func aRecordedNumberWithoutARegionIsAnErrorNotGone() async throws {
        let harness = try await SandboxEmulatorHarness.make()
        let status = ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", phase: .ready,
                                    resource: ["phoneNumber": "+447700900999", "status": "Verified"])
        let target = ReadTarget(address: SandboxNumberFixtures.address, desired: nil, status: status, region: nil)
        await #expect(throws: ReadTargetError.noRegion(SandboxNumberFixtures.address)) {
            _ = try await handler.read([target], context: harness.context)
        }
    }
}
