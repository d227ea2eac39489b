import AWSCore
import AWSServices
import Foundation
import Testing
import TestSupport

/// `smsauth verify` on a number in End User Messaging SMS's sandbox (verified destination numbers), through the
/// binary against the emulator, whose code is always 123456 once one was sent. Region eu-central-2 of its own.
@Suite struct VerifyEndUserMessagingTests {
    static let region = "eu-central-2"

    @Test func resendThenWrongCodeThenRightCodeMarksTheStatusReady() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let environment = emulator.environment(for: principal, region: Self.region)
        let smsVoice = SMSVoice(client: emulator.client(for: principal), region: Self.region)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("verify-eum-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manifests = root.appendingPathComponent("manifests")
        let statusFile = root.appendingPathComponent(".smsauth/manifests/status/SandboxNumber/qa-phone.json")
        try FileManager.default.createDirectory(at: statusFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        let phone = "+4477009" + String(format: "%05d", Int.random(in: 0..<100_000))
        try Data("""
            apiVersion: smsauth/v1
            kind: SandboxNumber
            metadata: {name: qa-phone}
            spec:
              region: \(Self.region)
              phoneNumber: "\(phone)"
              service: endUserMessaging

            """.utf8).write(to: manifests.appendingPathComponent("numbers.yaml"))
        try Data("""
            {"kind": "SandboxNumber", "name": "qa-phone", "specHash": "h", "phase": "Pending", "conditions": [],
             "resource": {"phoneNumber": "\(phone)", "region": "\(Self.region)", "service": "endUserMessaging",
                          "status": "Pending"},
             "lastReconcileTime": null, "lastAppliedTime": null, "drift": [], "lastError": null, "history": []}
            """.utf8).write(to: statusFile)
        func verify(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await CLIRunner.run(["verify", "qa-phone"] + arguments + [manifests.path], environment: environment)
        }

        let missing = try await verify(["--code", "123456"])
        #expect(missing.status == 1 && missing.stderr.contains("\(phone) is not in the End User Messaging SMS sandbox of \(Self.region)"),
                "\(missing.stderr)")
        _ = try await smsVoice.createVerifiedDestinationNumber(phone, clientToken: UUID().uuidString, tags: [:])
        let beforeResend = try await verify(["--code", "123456"])
        #expect(beforeResend.status == 1, "no code was sent yet: \(beforeResend.stdout)")

        let sent = try await verify(["--resend"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout == "SandboxNumber/qa-phone: a new code was sent to \(phone) in the End User Messaging SMS sandbox of \(Self.region)\n")
        let wrong = try await verify(["--code", "654321"])
        #expect(wrong.status == 1 && wrong.stderr.contains("the code is wrong or expired for \(phone)"), "\(wrong.stderr)")
        #expect(!(wrong.stdout + wrong.stderr).contains("654321"))

        let verified = try await verify(["--code", "123456"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout == "SandboxNumber/qa-phone: \(phone) verified in the End User Messaging SMS sandbox of \(Self.region)\n")
        #expect(try await smsVoice.describeVerifiedDestinationNumbers().first { $0.phoneNumber == phone }?.status == "VERIFIED")
        let status = try JSONSerialization.jsonObject(with: Data(contentsOf: statusFile)) as? [String: Any]
        #expect(status?["phase"] as? String == "Ready")
        #expect((status?["resource"] as? [String: String])?["status"] == "Verified")

        let again = try await verify(["--code", "123456"])
        #expect(again.status == 0 && again.stdout.contains("is already verified in the End User Messaging SMS sandbox"))
        let resendVerified = try await verify(["--resend"])
        #expect(resendVerified.status == 0 && resendVerified.stdout.contains("is already verified"),
                "nothing is sent to a verified number")
    }
}
