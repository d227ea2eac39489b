import AWSCore
import AWSServices
import Foundation
import Logging
import Testing
import TestSupport

/// `smsauth verify` run as a user would, against the emulator: wrong code, right code, already verified, unknown
/// name, number not in the sandbox, malformed code. Uses region sa-east-1 of its own and random numbers.
@Suite struct VerifyCommandTests {
    static let region = "sa-east-1"


    /// A manifest folder with one SandboxNumber (`qa-phone`) and a Pending status file next to it.
    struct Workspace {
        let root: URL
        let phone: String
        var manifests: URL { root.appendingPathComponent("manifests") }
        var statusFile: URL {
            root.appendingPathComponent(".smsauth/manifests/status/SandboxNumber/qa-phone.json")
        }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
            phone = "+1555" + String(format: "%07d", Int.random(in: 0..<10_000_000))
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            let manifest = """
                apiVersion: smsauth/v1
                kind: SandboxNumber
                metadata: {name: qa-phone}
                spec:
                  region: \(VerifyCommandTests.region)
                  phoneNumber: "\(phone)"

                """
            try Data(manifest.utf8).write(to: manifests.appendingPathComponent("numbers.yaml"))
            try FileManager.default.createDirectory(at: statusFile.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let status = """
                {"kind": "SandboxNumber", "name": "qa-phone", "specHash": "h", "phase": "Pending", "conditions": [],
                 "resource": {"phoneNumber": "\(phone)", "region": "\(VerifyCommandTests.region)", "status": "Pending"},
                 "lastReconcileTime": null, "lastAppliedTime": null, "drift": [], "lastError": null, "history": []}
                """
            try Data(status.utf8).write(to: statusFile)
        }

        /// The status file's `phase` and its `Ready` condition's status.
        func phase() throws -> (String?, String?) {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: statusFile)) as? [String: Any]
            let conditions = object?["conditions"] as? [[String: Any]] ?? []
            let ready = conditions.first { $0["type"] as? String == "Ready" }
            return (object?["phase"] as? String, ready?["status"] as? String)
        }
    }

    /// The emulator, a principal, its environment and an SNS client.
    static func setUp() async throws -> (Emulator, [String: String], SNS) {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        return (emulator, emulator.environment(for: principal, region: region), SNS(client: client, region: region))
    }

    static func otp(_ emulator: Emulator, _ phone: String) async throws -> String {
        let data = try await emulator.control(
            "GET", "sandbox-otp?phoneNumber=\(phone.replacingOccurrences(of: "+", with: "%2B"))&region=\(region)")
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: String])["oneTimePassword"] ?? ""
    }

    @Test func wrongCodeThenRightCodeThenAlreadyVerified() async throws {
        let (emulator, environment, sns) = try await Self.setUp()
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try await sns.createSandboxPhoneNumber(space.phone, languageCode: "en-US")
        let code = try await Self.otp(emulator, space.phone)
        let wrong = code == "654321" ? "123456" : "654321"

        let refused = try await CLIRunner.run(["verify", "qa-phone", "--code", wrong, space.manifests.path],
                                              environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: the code is wrong or expired for \(space.phone)"))
        #expect(!(refused.stdout + refused.stderr).contains(wrong))
        #expect(try space.phase().0 == "Pending")

        let verified = try await CLIRunner.run(["verify", "qa-phone", "--code", code, space.manifests.path],
                                               environment: environment)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout == "SandboxNumber/qa-phone: \(space.phone) verified in the SNS SMS sandbox of \(Self.region)\n")
        #expect(!(verified.stdout + verified.stderr).contains(code))
        let phase = try space.phase()
        #expect(phase.0 == "Ready" && phase.1 == "True")
        let listed = try await sns.listSandboxPhoneNumbers().first { $0.phoneNumber == space.phone }
        #expect(listed?.status == "Verified")

        let again = try await CLIRunner.run(["verify", "qa-phone", "--code", code, space.manifests.path],
                                            environment: environment)
        #expect(again.status == 0)
        #expect(again.stdout.contains("is already verified"))
    }

    @Test func resendSendsANewCodeFiveTimesADayThenExplainsTheLimit() async throws {
        let (emulator, environment, sns) = try await Self.setUp()
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        // AWS counts the codes sent in the last 24 hours, the first one included: no other test may move the
        // emulator's clock between it and the last resend.
        let refused = try await EmulatorClockLock.shared.run {
            try await sns.createSandboxPhoneNumber(space.phone, languageCode: "en-US")
            for attempt in 1...5 {
                let sent = try await CLIRunner.run(["verify", "qa-phone", "--resend", space.manifests.path],
                                                   environment: environment)
                #expect(sent.status == 0, "resend \(attempt): \(sent.stderr)")
                #expect(sent.stdout == "SandboxNumber/qa-phone: a new code was sent to \(space.phone) in the SNS SMS sandbox of \(Self.region)\n")
            }
            return try await CLIRunner.run(["verify", "qa-phone", "--resend", space.manifests.path],
                                           environment: environment)
        }
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: SandboxNumber/qa-phone: AWS did not send \(space.phone) a new code in \(Self.region)"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("at most 5 codes again per number within 24 hours"))

        let code = try await Self.otp(emulator, space.phone)
        let verified = try await CLIRunner.run(["verify", "qa-phone", "--code", code, space.manifests.path],
                                               environment: environment)
        #expect(verified.status == 0, "the last code sent verifies: \(verified.stderr)")
        let afterwards = try await CLIRunner.run(["verify", "qa-phone", "--resend", space.manifests.path],
                                                 environment: environment)
        #expect(afterwards.status == 0)
        #expect(afterwards.stdout.contains("is already verified"), "nothing is sent to a verified number")
    }

    @Test(arguments: [[], ["--code", "123456", "--resend"]])
    func exactlyOneOfCodeAndResendIsRequired(_ arguments: [String]) async throws {
        let result = try await CLIRunner.run(["verify", "qa-phone", "/nonexistent"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: give --code"), "\(result.stderr)")
    }

    @Test func numberNotInTheSandboxIsExplained() async throws {
        let (_, environment, _) = try await Self.setUp()
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let result = try await CLIRunner.run(["verify", "qa-phone", "--code", "123456", space.manifests.path],
                                             environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(space.phone) is not in the SNS SMS sandbox of \(Self.region)"))
    }

    @Test func unknownNameIsExplained() async throws {
        let (_, environment, _) = try await Self.setUp()
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let result = try await CLIRunner.run(["verify", "other-phone", "--code", "123456", space.manifests.path],
                                             environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no SandboxNumber named 'other-phone'"))
    }

    @Test(arguments: ["1234", "123456789", "12a456"])
    func malformedCodeIsRefusedBeforeAnythingRuns(_ code: String) async throws {
        let result = try await CLIRunner.run(["verify", "qa-phone", "--code", code, "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--code must be the 5 to 8 digit code from the SMS"))
    }
}
