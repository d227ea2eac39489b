import AWSServices
import Foundation
import Testing

/// `export --all` writes the numbers of both sandboxes, each with its `service`, and they plan as unchanged (with the
/// warning that smsauth, which did not add them, never deletes them).
@Suite struct ExportSandboxNumbersTests {
    @Test func numbersOfBothSandboxesAreExportedWithTheirService() async throws {
        let context = try await EndToEndContext.make(region: ExportEndToEndTests.region)
        let sns = "+1206555" + String(format: "%04d", Int.random(in: 0..<10_000))
        let eum = "+4477009" + String(format: "%05d", Int.random(in: 0..<100_000))
        try await context.sns.createSandboxPhoneNumber(sns, languageCode: nil)
        _ = try await context.smsVoice.createVerifiedDestinationNumber(eum, clientToken: UUID().uuidString, tags: [:])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("exported")
        let exported = try await CLIRunner.run(["export", "--all", "--out", folder.path], environment: context.environment)
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        // Other suites use this region at the same time: keep only this test's two numbers.
        var kept: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            if let number = [sns, eum].first(where: { text.contains("\"\($0)\"") || text.contains(" \($0)\n") }) {
                kept[number] = text
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        #expect(kept[sns]?.contains("service: \"sns\"") == true, "\(kept)")
        #expect(kept[eum]?.contains("service: \"endUserMessaging\"") == true, "\(kept)")

        let validated = try await CLIRunner.run(["validate", folder.path, "--strict"], environment: context.environment)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let plan = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", root.appendingPathComponent("status").path,
                                            "--dry-run", "--detailed-exitcode", "--no-color"], environment: context.environment)
        // Found in the sandboxes, not added by smsauth: managed, never deleted, and each plan says so.
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.hasSuffix("No changes. 2 unchanged.\n"), "\(plan.stdout)\(plan.stderr)")
        for number in [sns, eum] {
            #expect(plan.stdout.contains("warning: \(number) was already in the"), "\(plan.stdout)")
        }
    }
}
