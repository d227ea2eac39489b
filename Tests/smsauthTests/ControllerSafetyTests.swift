import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// The controller never makes things worse: broken manifests change nothing, SIGTERM leaves valid status files.
    @Suite struct ControllerSafetyTests {
        @Test func brokenFileWrittenInTwoHalvesChangesNothingUntilFixed() async throws {
            let workspace = try await ControllerWorkspace.make(region: "af-south-1")
            defer { workspace.remove() }
            try workspace.write("pool.yaml", workspace.pool("app"))
            try workspace.write("client.yaml", workspace.client("web", pool: "app", clientName: "web-client"))
            let controller = try workspace.startController(["--debounce", "200ms"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let before = ControllerCommandTests.writes(try await workspace.operations())
            #expect(before.contains("CreateUserPoolClient"))

            let full = workspace.client("web", pool: "app", clientName: "web-fixed")
            // The first half ends inside a flow mapping, so it cannot parse. (A half that happens to be a complete,
            // valid manifest cannot be told apart from an intended edit by any reader.)
            let cut = try #require(full.range(of: "metadata: {na"))
            let half = cut.upperBound
            let file = workspace.manifests.appendingPathComponent("client.yaml")
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(full[..<half].utf8))
            let invalid = try await controller.waitFor(message: "invalid manifest; keeping the last valid desired state")
            #expect(invalid?["diagnostic"] as? String != nil, "\(controller.log)")
            let marked = try await Poll.until(timeout: .seconds(5)) {
                (workspace.status("AppClient", "web")?["lastError"] as? [String: Any])?["code"] as? String == "manifest.invalid"
                    ? true : nil
            }
            #expect(marked == true, "\(controller.log)")
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before, "no AWS write while broken")

            try handle.write(contentsOf: Data(full[half...].utf8))
            try handle.close()
            let resumed = try await Poll.until(timeout: .seconds(10)) {
                try await workspace.operations().contains("UpdateUserPoolClient") ? true : nil
            }
            #expect(resumed == true)
            #expect(!(try await workspace.operations()).contains("DeleteUserPoolClient"))
            let cleared = try await Poll.until(timeout: .seconds(5)) {
                workspace.status("AppClient", "web")?["lastError"] is NSNull ? true : nil
            }
            #expect(cleared == true)
        }

        @Test func sigtermDuringWorkExitsZeroWithValidStatusFiles() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-southeast-4")
            defer { workspace.remove() }
            try workspace.writePoolsWithClients(3)
            try await workspace.emulator.injectFaults([
                Emulator.FaultRule(service: "cognito-idp", kind: "latency", accessKeyId: workspace.principal.accessKeyId,
                                   latencyMs: 150),
            ])
            let controller = try workspace.startController()
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "applying change") != nil, "\(controller.log)")
            controller.send(SIGTERM)
            let status = try await controller.exitStatus()
            #expect(status == 0, "\(controller.log)")
            #expect(controller.records.contains { $0["message"] as? String == "controller stopped" })
            let files = FileManager.default.enumerator(at: workspace.status, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
            #expect(!files.isEmpty)
            for file in files {
                let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: file)) as? [String: Any]
                #expect(object?["phase"] is String, "\(file.lastPathComponent)")
            }
        }
    }
}
