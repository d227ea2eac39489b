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

        /// A rename renamed again, and a rename undone, before the prune delay confirmed the first: the manifest kept
        /// for the delay is never created and claims nothing. Before, the second name's pool was created, and the
        /// original released with its users (renamed twice), or a second pool was left behind (undone).
        @Test(arguments: [["b", "c"], ["b", "a"]])
        func aRenameChangedAgainWithinThePruneDelayKeepsItsPool(_ names: [String]) async throws {
            let workspace = try await ControllerWorkspace.make(region: "mx-central-1")
            defer { workspace.remove() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            let manifest = { (name: String) in
                workspace.pool("\(name)-\(tag)").replacingOccurrences(of: "\(name)-\(tag) users", with: "users \(tag)")
            }
            try workspace.write("pool.yaml", manifest("a"))
            let controller = try workspace.startController(["--prune-delay", "3", "--pending-poll", "1s"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done", timeout: .seconds(60)) != nil, "\(controller.log)")
            let id = try #require((workspace.status("UserPool", "a-\(tag)")?["resource"] as? [String: Any])?["id"] as? String)

            try workspace.write("pool.yaml", manifest(names[0]))
            _ = try await controller.waitFor(message: "pending removal; waiting for the prune delay before acting on it")
            try await Task.sleep(for: .seconds(1))
            try workspace.write("pool.yaml", manifest(names[1]))
            let final = "\(names[1])-\(tag)"
            let settled = try await Poll.until(timeout: .seconds(40)) { () -> String? in
                let files = (try? FileManager.default.contentsOfDirectory(atPath: workspace.status.appendingPathComponent("UserPool").path)) ?? []
                guard files == ["\(final).json"] else { return nil }
                return (workspace.status("UserPool", final)?["resource"] as? [String: Any])?["id"] as? String
            }
            let left = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.status.appendingPathComponent("UserPool").path)) ?? [])
                .map { "\($0): \(workspace.status("UserPool", String($0.dropLast(5))) ?? [:])" }
            #expect(settled == id, "only the last name's status, recording the same pool: \(left) \(controller.log)")
            let named = try await workspace.cognito().listUserPools().filter { $0.name == "users \(tag)" }
            #expect(named.map(\.id) == [id], "no second pool")
            #expect(try await workspace.operations().filter { $0 == "CreateUserPool" }.count == 1, "the first create only")
        }

        /// A pool renamed while suspended keeps its old name's tags (renamed by `smsauth reconcile`, whose one run
        /// moves the status file and records `renamedFrom`). A manifest given the old name again (another pool name,
        /// `onImmutableChange: Recreate`, a changed immutable field) waits, blocked, while the resumed rename is
        /// carried out; then the controller makes that manifest's own pool by itself. The renamed pool is tagged for
        /// its new name and never deleted.
        @Test func theOldNameAgainWaitsForTheRenameThenGetsItsOwnPool() async throws {
            let workspace = try await ControllerWorkspace.make(region: "mx-central-1")
            defer { workspace.remove() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            let (old, new) = ("a-\(tag)", "b-\(tag)")
            let manifest = { (name: String, policy: String?) in
                workspace.pool(name, policy: policy).replacingOccurrences(of: "\(name) users", with: "users \(tag)")
            }
            let reconcile = {
                try await CLIRunner.run(["reconcile", "manifests", "--status-dir", workspace.status.path],
                                        environment: workspace.environment, directory: workspace.root)
            }
            try workspace.write("pool.yaml", manifest(old, nil))
            let created = try await reconcile()
            #expect(created.status == 0, "\(created)")
            let id = try #require((workspace.status("UserPool", old)?["resource"] as? [String: Any])?["id"] as? String)
            try workspace.write("pool.yaml", manifest(new, "suspend: true"))
            let suspended = try await reconcile()
            #expect(suspended.status == 0, "\(suspended)")
            #expect(workspace.status("UserPool", new)?["renamedFrom"] as? String == "UserPool/\(old)")

            try workspace.write("again.yaml", workspace.pool(old, policy: "onImmutableChange: Recreate")
                .replacingOccurrences(of: "usernameAttributes: [email]\n", with: "usernameAttributes: [email]\n  usernameCaseSensitive: true\n"))
            try workspace.write("pool.yaml", manifest(new, nil))
            let controller = try workspace.startController(["--prune-delay", "1", "--pending-poll", "1s"])
            defer { controller.stop() }
            let own = try await Poll.until(timeout: .seconds(60)) { () -> String? in
                (workspace.status("UserPool", old)?["resource"] as? [String: Any])?["id"] as? String
            }
            #expect(own != nil && own != id, "the old name's own pool: \(String(describing: own)) \(controller.log)")
            #expect(workspace.status("UserPool", new)?["renamedFrom"] is NSNull, "\(controller.log)")
            let pool = try await workspace.cognito().describeUserPool(id: id)
            #expect(pool?.tags["smsauth:resource"] == "UserPool/\(new)", "\(String(describing: pool?.tags))")
            let operations = try await workspace.operations()
            #expect(operations.filter { $0 == "CreateUserPool" }.count == 2 && !operations.contains("DeleteUserPool"),
                    "\(operations)")
        }
    }
}
