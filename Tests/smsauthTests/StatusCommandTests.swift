import Foundation
import Testing

/// `smsauth status` on a folder of status files.
@Suite struct StatusCommandTests {
    static let ready = """
        {"kind": "UserPool", "name": "qnatime", "specHash": "abc", "phase": "Ready", "conditions": [],
         "resource": {"id": "eu-west-1_AbC", "region": "eu-west-1"}, "lastReconcileTime": "2026-01-02T03:04:05Z",
         "lastAppliedTime": null, "drift": [], "lastError": null, "history": []}
        """
    static let failed = """
        {"kind": "AppClient", "name": "web", "specHash": "def", "phase": "Error", "conditions": [],
         "resource": {}, "lastReconcileTime": "2026-01-02T03:04:06Z", "lastAppliedTime": null,
         "drift": [{"field": "tokenValidity.accessToken", "before": "1h", "after": "2h", "corrected": false,
                    "detectedAt": "2026-01-02T03:04:06Z"}],
         "lastError": {"code": "InvalidParameterException", "message": "bad token validity",
                       "awsErrorCode": "InvalidParameterException"},
         "history": []}
        """

    /// A status folder with the two files above; removed by the caller.
    static func statusFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-status-\(UUID().uuidString)")
        for (kind, name, text) in [("UserPool", "qnatime", ready), ("AppClient", "web", failed)] {
            let folder = root.appendingPathComponent(kind)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).json"))
        }
        return root
    }

    @Test func tableListsEveryResourceInApplyOrder() async throws {
        let folder = try Self.statusFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLIRunner.run(["status", "--status-dir", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            KIND       NAME     PHASE  LAST RECONCILE        DRIFT  MESSAGE
            UserPool   qnatime  Ready  2026-01-02T03:04:05Z  0
            AppClient  web      Error  2026-01-02T03:04:06Z  1      bad token validity

            """)
    }

    @Test func jsonHasOneObjectPerResource() async throws {
        let folder = try Self.statusFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLIRunner.run(["status", "--status-dir", folder.path, "--output", "json"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["resources"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["qnatime", "web"])
        #expect(rows[1]["drift"] as? Int == 1 && rows[1]["phase"] as? String == "Error")
        #expect((rows[0]["resource"] as? [String: String])?["id"] == "eu-west-1_AbC")
    }

    @Test func defaultFolderIsNextToTheManifests() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Self.statusFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".smsauth/manifests"),
                                                withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder, to: root.appendingPathComponent(".smsauth/manifests/status"))
        let result = try await CLIRunner.run(["status", "manifests"], directory: root)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 3)
    }

    @Test func corruptFileFailsWithItsPath() async throws {
        let folder = try Self.statusFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{not json".utf8).write(to: folder.appendingPathComponent("UserPool/broken.json"))
        let result = try await CLIRunner.run(["status", "--status-dir", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("UserPool/broken.json"))
    }
}
