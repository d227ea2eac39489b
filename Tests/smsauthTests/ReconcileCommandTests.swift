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

    @Test func helpDocumentsFlagsAndExitCodes() async throws {
        let result = try await CLIRunner.run(["reconcile", "--help"])
        #expect(result.status == 0)
        for text in ["--dry-run", "--output", "--no-color", "--detailed-exitcode", "--allow-purchase", "--concurrency",
                     "--rate-limit", "--sms-role-timeout", "--status-dir", "--lock-timeout", "Exit status"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}
