import Foundation
import Glibc
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// What cannot be read keeps the controller's last valid desired state, as a broken manifest does.
    @Suite struct ControllerUnreadableTests {
        /// Puts a symbolic link to `target` at `manifests/<name>` in one rename, as git-sync and editors swap files.
        static func link(_ workspace: ControllerWorkspace, _ name: String, to target: URL) throws {
            let temporary = workspace.manifests.appendingPathComponent(".\(name).link")
            try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: target.path)
            #expect(rename(temporary.path, workspace.manifests.appendingPathComponent(name).path) == 0)
        }

        @Test func aDanglingLinkDeletesNothingAndTheClientIsKeptWhenItsTargetIsBack() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-south-1")
            defer { workspace.remove() }
            let client = workspace.client("web", pool: "app", clientName: "web-client")
            try workspace.write("pool.yaml", workspace.pool("app"))
            try workspace.write("client.yaml", client)
            let controller = try workspace.startController(["--debounce", "200ms"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let before = ControllerCommandTests.writes(try await workspace.operations())
            #expect(before.contains("CreateUserPoolClient"))

            let target = workspace.root.appendingPathComponent("client.yaml")
            try Self.link(workspace, "client.yaml", to: target)
            let invalid = try await controller.waitFor(message: "invalid manifest; keeping the last valid desired state")
            let diagnostic = invalid?["diagnostic"] as? String ?? ""
            #expect(diagnostic.hasSuffix("client.yaml:1:1: error: symbolic link points to '\(target.path)', which does "
                                         + "not exist"), "\(controller.log)")
            let marked = try await Poll.until(timeout: .seconds(5)) {
                (workspace.status("AppClient", "web")?["lastError"] as? [String: Any])?["code"] as? String == "manifest.invalid"
                    ? true : nil
            }
            #expect(marked == true, "\(controller.log)")
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before, "no AWS write while unreadable")

            try Data(client.utf8).write(to: target)
            try Self.link(workspace, "client.yaml", to: target)
            let cleared = try await Poll.until(timeout: .seconds(10)) {
                workspace.status("AppClient", "web")?["lastError"] is NSNull ? true : nil
            }
            #expect(cleared == true, "\(controller.log)")
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before,
                    "the same client is kept: no delete, no second create")
        }
    }
}
