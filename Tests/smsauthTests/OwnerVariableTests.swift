import Foundation
import Testing

/// `SMSAUTH_OWNER`, the owner override: an invalid name stops the command before AWS or the status folder is used.
@Suite struct OwnerVariableTests {
    @Test(arguments: ["Team_A", "", String(repeating: "a", count: 64)])
    func anInvalidOwnerIsRefusedBeforeAnythingIsRead(owner: String) async throws {
        let status = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-owner-\(UUID().uuidString)")
        let result = try await CLIRunner.run(
            ["reconcile", "valid", "--dry-run", "--status-dir", status.path, "--region", "us-east-1"],
            environment: ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
                          "SMSAUTH_OWNER": owner],
            directory: ReconcileCommandTests.fixtures)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: SMSAUTH_OWNER=\"\(owner)\" is not an owner name: use 1 to 63 of the characters a-z, 0-9 and -"),
                "\(result.stderr)")
        #expect(result.stdout.isEmpty, "no plan: \(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: status.path))
    }
}
