import Foundation
import Testing
import TestSupport

/// `smsauth reconcile` run as a user would.
@Suite struct ReconcileCommandTests {
    /// `Tests/smsauthTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh folder holding an empty `manifests` folder; removed by the caller.
    static func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-reconcile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("manifests"),
                                                withIntermediateDirectories: true)
        return root
    }

    @Test func invalidFolderPrintsDiagnosticsAndTouchesNothing() async throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let statusDir = root.appendingPathComponent("status")
        let result = try await CLIRunner.run(
            ["reconcile", "broken", "--dry-run", "--status-dir", statusDir.path, "--region", "us-east-1"],
            environment: ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:9"],
            directory: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.stdout.contains("broken/pool.yaml:5:3: error: unknown field 'poolNmae' in 'spec'"))
        #expect(result.stdout.hasSuffix("4 resources in 5 files: 11 errors, 1 warning\n"))
        #expect(!FileManager.default.fileExists(atPath: statusDir.path))
    }

    @Test func emptyFolderHasNoChanges() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        for extra in [[], ["--detailed-exitcode"]] {
            let result = try await CLIRunner.run(["reconcile", "manifests", "--dry-run"] + extra,
                                                 environment: emulator.environment(for: principal), directory: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "No changes. 0 unchanged.\n")
        }
        let calls = try await emulator.calls(accessKeyId: principal.accessKeyId)
        #expect(calls.map(\.operation) == ["GetCallerIdentity", "GetCallerIdentity"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".smsauth").path))
    }

    @Test func emptyFolderJsonPlanHasTheDocumentedShape() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await CLIRunner.run(["reconcile", "manifests", "--dry-run", "--output", "json"],
                                             environment: emulator.environment(for: principal), directory: root)
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect((object["changes"] as? [Any])?.isEmpty == true)
        #expect(Set(object.keys) == ["account", "changes", "formatVersion", "regions", "summary"])
    }

    @Test func applyOnEmptyFolderWritesNoStatusAndExitsZero() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await CLIRunner.run(["reconcile", "manifests"],
                                             environment: emulator.environment(for: principal), directory: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Apply complete: 0 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))
    }

    @Test func badOptionsAreRefused() async throws {
        for arguments in [["--concurrency", "0"], ["--region", "Frankfurt"], ["--output", "yaml"],
                          ["--rate-limit", "iam:default=0"], ["--rate-limit", "cognito-idp:UserPoolRead"]] {
            let result = try await CLIRunner.run(["reconcile", "manifests", "--dry-run"] + arguments)
            #expect(result.status != 0 && result.status != 2, "\(arguments)")
        }
    }

    /// A rate limit that is not a number, too small or too large, or of a category no call has, is an argument
    /// error naming it (the first three used to stop the process with a trap, the last was ignored).
    @Test(arguments: [
        ("cognito-idp:UserPoolRead=nan", "RATE 'nan' is not a decimal number"),
        ("default=1e400", "rate limit must be between 0.001 and 1000000000 calls per second, got inf"),
        ("default=1e-300", "rate limit must be between 0.001 and 1000000000 calls per second"),
        ("cognito-idp:UserPoolREAD=5", "did you mean 'cognito-idp:UserPoolRead'?"),
    ])
    func badRateLimitsAreArgumentErrors(_ value: String, _ message: String) async throws {
        let result = try await CLIRunner.run(["reconcile", "manifests", "--dry-run", "--rate-limit", value])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: The value '\(value)' is invalid for '--rate-limit <rate-limit>': "),
                "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A near miss of `s3://` used to put the state in a local folder named after it (`./S3:/bucket/prefix`).
    @Test(arguments: ["S3://state-bucket/up", "s3:/state-bucket/one"])
    func aStateThatIsAlmostAnS3URLIsRefused(_ state: String) async throws {
        let result = try await CLIRunner.run(["reconcile", "manifests", "--state", state])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("a state is s3://BUCKET[/PREFIX] (lower-case s3 and two slashes) or a folder path"),
                "\(result.stderr)")
    }

    @Test func helpDocumentsFlagsAndExitCodes() async throws {
        let result = try await CLIRunner.run(["reconcile", "--help"])
        #expect(result.status == 0)
        for text in ["--dry-run", "--output", "--no-color", "--detailed-exitcode", "--allow-purchase", "--concurrency",
                     "--rate-limit", "--sms-role-timeout", "--status-dir", "--lock-timeout", "Exit status"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}
