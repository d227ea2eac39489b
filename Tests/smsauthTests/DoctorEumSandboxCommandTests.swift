import AWSCore
import AWSServices
import Foundation
import Testing
import TestSupport

/// `smsauth doctor` on a pool sending through End User Messaging SMS, against the emulator: the region gets
/// `eum-sandbox` (not SNS's `sms-sandbox`), which lists the verified and pending destination numbers while the account
/// is SANDBOXED and passes once the region is in PRODUCTION.
@Suite struct DoctorEumSandboxCommandTests {
    typealias Report = DoctorCommandTests.Report

    /// An SmsRole and a UserPool on the End User Messaging path in `region`, with unique names.
    static func manifests(region: String, suffix: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-eum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("""
            apiVersion: smsauth/v1
            kind: SmsRole
            metadata: {name: role-\(suffix)}
            spec:
              roleName: doctor-eum-\(suffix)
              externalId: ext-\(suffix)
              service: endUserMessaging
            ---
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: pool-\(suffix)}
            spec:
              region: \(region)
              poolName: Doctor EUM \(suffix)
              usernameAttributes: [phone_number]
              autoVerifiedAttributes: [phone_number]
              smsRole: role-\(suffix)
              smsService: endUserMessaging

            """.utf8).write(to: root.appendingPathComponent("setup.yaml"))
        return root
    }

    /// `smsauth doctor DIR --output json`.
    static func doctor(_ folder: URL, environment: [String: String]) async throws -> Report {
        let result = try await CLIRunner.run(["doctor", folder.path, "--output", "json"], environment: environment)
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test func aSandboxedAccountListsItsNumbersAndProductionPasses() async throws {
        let region = "ap-southeast-6"
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let folder = try Self.manifests(region: region, suffix: suffix)
        defer { try? FileManager.default.removeItem(at: folder) }
        let emulator = try Emulator.fromEnvironment()
        let (environment, client) = try await DoctorCommandTests.setUp(region: region)
        let applied = try await CLIRunner.run(["reconcile", folder.path], environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        try await Self.setTier("SANDBOXED", region: region, emulator: emulator)

        // Numbers of this run only (a kept emulator still has an earlier run's, were its cleanup skipped).
        let base = 5_555_550_000 + Int.random(in: 0..<4_999) * 2
        let (first, second) = ("+1\(base)", "+1\(base + 1)")
        let voice = SMSVoice(client: client, region: region)
        let verified = try await voice.createVerifiedDestinationNumber(first, clientToken: "v-\(suffix)", tags: [:])
        try await voice.sendDestinationNumberVerificationCode(id: verified, languageCode: nil)
        try await voice.verifyDestinationNumber(id: verified, code: "123456")
        let pending = try await voice.createVerifiedDestinationNumber(second, clientToken: "p-\(suffix)", tags: [:])

        let sandboxed = try await Self.doctor(folder, environment: environment)
        let resource = "Region/\(region)"
        let check = try sandboxed.check("eum-sandbox", of: resource)
        #expect(check.result == "warn")
        #expect(check.message.contains("ACCOUNT_TIER SANDBOXED"), "\(check.message)")
        #expect(check.message.contains("(verified: \(first)); pending verification: \(second)"), "\(check.message)")
        #expect(check.fix == "request production access for End User Messaging SMS in \(region); until then add test "
                + "numbers as SandboxNumber manifests")
        #expect(!sandboxed.checks.contains { $0.check == "sms-sandbox" }, "SNS's sandbox is not this pool's path")
        #expect(try sandboxed.check("sms-role-send", of: "UserPool/pool-\(suffix)").result == "pass")

        try await Self.setTier("PRODUCTION", region: region, emulator: emulator)
        let production = try await Self.doctor(folder, environment: environment)
        let passed = try production.check("eum-sandbox", of: resource)
        #expect(passed.result == "pass")
        #expect(passed.message == "End User Messaging SMS is in production (ACCOUNT_TIER PRODUCTION): SMS reaches any number")

        try await Self.setTier("SANDBOXED", region: region, emulator: emulator)
        for id in [verified, pending] { try await voice.deleteVerifiedDestinationNumber(id: id) }
    }

    /// Moves End User Messaging SMS of the emulator's account in `region` to `tier`.
    static func setTier(_ tier: String, region: String, emulator: Emulator) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["region": region, "accountTier": tier])
        try await emulator.control("POST", "sms-voice-account-tier", body: body)
    }
}
