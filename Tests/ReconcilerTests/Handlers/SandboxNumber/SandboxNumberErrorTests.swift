import Foundation
import AWSCore
import Testing
@testable import Reconciler

/// Code files and the typed errors of SandboxNumber.
@Suite("SandboxNumber errors and code files")
struct SandboxNumberErrorTests {
    @Test func codeFileResolvesNextToItsManifest() throws {
        let manifest = try SandboxNumberFixtures.desired(file: "manifests/sandbox/numbers.yaml").manifest
        #expect(OneTimePasswordFile.url("secrets/qa.otp", relativeTo: manifest).path.hasSuffix("manifests/sandbox/secrets/qa.otp"))
        #expect(OneTimePasswordFile.url("/run/qa.otp", relativeTo: manifest).path == "/run/qa.otp")
    }

    @Test(arguments: [("123456\n", "123456"), ("  12345 ", "12345"), ("12345678", "12345678")])
    func codeFileContentIsTrimmed(_ content: String, _ code: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("otp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(content.utf8).write(to: url)
        #expect(try OneTimePasswordFile.code(at: url) == code)
    }

    @Test(arguments: ["1234", "123456789", "12a456", ""])
    func malformedCodeFileIsRefusedWithoutQuotingIt(_ content: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("otp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(content.utf8).write(to: url)
        let error = #expect(throws: SandboxNumberError.self) { try OneTimePasswordFile.code(at: url) }
        #expect(error == .malformedCodeFile(path: url.path))
        // The file's path (a random UUID, which can hold "1234") is named; only the rest must not quote the content.
        let withoutPath = error?.message.replacingOccurrences(of: url.path, with: "")
        if !content.isEmpty { #expect(withoutPath?.contains(content) == false) }
    }

    @Test func missingCodeFileIsUnreadable() {
        #expect(throws: SandboxNumberError.unreadableCodeFile(path: "/nonexistent/qa.otp")) {
            try OneTimePasswordFile.code(at: URL(fileURLWithPath: "/nonexistent/qa.otp"))
        }
    }

    @Test func verificationErrorsBecomeTypedErrors() {
        func aws(_ code: String) -> AWSError {
            AWSError(service: "sns", operation: "VerifySMSSandboxPhoneNumber", code: code, message: "m", httpStatus: 400)
        }
        #expect(SandboxNumberError.verification(aws("VerificationException"), name: "n", phoneNumber: "+1", region: "r")
                == .wrongCode(name: "n", phoneNumber: "+1", region: "r"))
        #expect(SandboxNumberError.verification(aws("ResourceNotFound"), name: "n", phoneNumber: "+1", region: "r")
                == .notInSandbox(name: "n", phoneNumber: "+1", region: "r"))
        #expect(SandboxNumberError.verification(aws("Throttled"), name: "n", phoneNumber: "+1", region: "r") == nil)
        let wrong = SandboxNumberError.wrongCode(name: "qa", phoneNumber: "+14155550123", region: "us-east-1")
        #expect(wrong.message.hasPrefix("the code is wrong or expired"))
        #expect(wrong.message.contains("smsauth verify qa --code"))
        #expect(!wrong.isRetryable && wrong.awsErrorCode == "VerificationException")
    }

    @Test func deleteWaitIsTerminalAndSaysWhen() {
        let now = Date(timeIntervalSince1970: 1_760_000_000)
        let verified = now.addingTimeInterval(-3600)
        let retryAt = SandboxNumberError.deleteRetryTime(lastChanged: verified, now: now)
        #expect(retryAt == verified.addingTimeInterval(24 * 3600))
        #expect(SandboxNumberError.deleteRetryTime(lastChanged: now.addingTimeInterval(-90_000), now: now)
                == now.addingTimeInterval(24 * 3600))
        #expect(SandboxNumberError.deleteRetryTime(lastChanged: nil, now: now) == now.addingTimeInterval(24 * 3600))
        let error = SandboxNumberError.deleteNotYetAllowed(phoneNumber: "+14155550123", region: "us-east-1", retryAt: retryAt)
        #expect(!error.isRetryable && error.code == "sandboxNumber.deleteWaiting" && error.awsErrorCode == "UserError")
        #expect(error.retryAt == retryAt)
        #expect(error.message.hasPrefix("waiting: "))
        #expect(error.message.contains("2025-10-10T07:53:20Z"))
        let failure = ReconcileFailure(classifying: error)
        #expect(!failure.isRetryable && failure.code == "sandboxNumber.deleteWaiting" && failure.retryAt == retryAt)
    }
}
