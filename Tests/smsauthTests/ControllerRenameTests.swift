import AWSServices
import Foundation
import Testing

extension ControllerEndToEnd {
    /// A manifest renamed (`metadata.name` changed, the same pool) while the controller runs: the pool is renamed,
    /// its users kept, never created a second time.
    @Suite struct ControllerRenameTests {
        @Test func aRenamedPoolManifestKeepsItsPool() async throws {
            let workspace = try await ControllerWorkspace.make(region: "mx-central-1")
            defer { workspace.remove() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            try workspace.write("pool.yaml", workspace.pool("old-\(tag)").replacingOccurrences(of: "old-\(tag) users", with: "users \(tag)"))
            let controller = try workspace.startController(["--prune-delay", "1", "--pending-poll", "1s"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done", timeout: .seconds(60)) != nil, "\(controller.log)")
            let id = try #require((workspace.status("UserPool", "old-\(tag)")?["resource"] as? [String: Any])?["id"] as? String)
            let before = try await workspace.operations().count

            try workspace.write("pool.yaml", workspace.pool("new-\(tag)").replacingOccurrences(of: "new-\(tag) users", with: "users \(tag)"))
            let moved = try await Poll.until(timeout: .seconds(30)) { () -> String? in
                guard workspace.status("UserPool", "old-\(tag)") == nil else { return nil }
                return (workspace.status("UserPool", "new-\(tag)")?["resource"] as? [String: Any])?["id"] as? String
            }
            #expect(moved == id, "the renamed manifest's status records the same pool: \(controller.log)")
            let after = try await workspace.operations().dropFirst(before)
            #expect(!after.contains("CreateUserPool"), "\(Array(after))")
            let named = try await workspace.cognito().listUserPools().filter { $0.name == "users \(tag)" }
            #expect(named.count == 1, "\(named)")
        }
    }
}
