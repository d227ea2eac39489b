import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// A directory seen mid-write never deletes or re-creates anything: removals wait for a second read at least
    /// `--prune-delay` later (issue 10, reproductions 4 and 5).
    @Suite struct ControllerPruneDelayTests {
        /// A file cut after its first document still validates; nothing is deleted within the prune delay, and
        /// nothing at all once the whole file is back. A real removal is carried out, after the delay.
        @Test func truncatedFileThatStillValidatesDeletesNothing() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-central-1")
            defer { workspace.remove() }
            let pool = workspace.pool("trunc")
            let full = pool + "\n---\n" + workspace.client("trunc-web", pool: "trunc", clientName: "trunc-web")
            try workspace.write("app.yaml", full)
            let controller = try workspace.startController(["--debounce", "200ms", "--prune-delay", "3"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let before = ControllerCommandTests.writes(try await workspace.operations())
            #expect(before.contains("CreateUserPoolClient"), "\(controller.log)")

            let file = workspace.manifests.appendingPathComponent("app.yaml")
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data((pool + "\n---\n").utf8))
            let held = try await Poll.until(timeout: .seconds(10)) {
                controller.records.first {
                    $0["message"] as? String == "pending removal; waiting for the prune delay before acting on it"
                        && $0["resource"] as? String == "AppClient/trunc-web"
                }
            }
            #expect(held != nil, "\(controller.log)")
            try await Task.sleep(for: .seconds(1))
            try handle.write(contentsOf: Data(full.utf8.dropFirst((pool + "\n---\n").utf8.count)))
            try handle.close()
            // Past the prune delay and the re-read it schedules: still nothing written.
            try await Task.sleep(for: .seconds(4))
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before, "\(controller.log)")
            #expect(workspace.status("AppClient", "trunc-web")?["phase"] as? String == "Ready")
            #expect(!controller.records.contains { $0["message"] as? String == "removal confirmed by a second read; reconciling it" })

            let removedAt = ContinuousClock.now
            try workspace.write("app.yaml", pool)
            let deleted = try await Poll.until(timeout: .seconds(15)) {
                try await workspace.operations().contains("DeleteUserPoolClient") ? ContinuousClock.now : nil
            }
            let when = try #require(deleted, "\(controller.log)")
            #expect(when - removedAt >= .seconds(3), "deleted only after the prune delay")
            #expect(!(try await workspace.operations()).contains("DeleteUserPool"))
        }

        /// A checkout that only moves a folder, its files removed and written 0.3 s apart (slower than the
        /// debounce), each new file first written half: 0 AWS writes.
        @Test func slowCheckoutThatMovesAFolderWritesNothing() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-central-2")
            defer { workspace.remove() }
            let files = (0..<3).flatMap { index in
                [("pool\(index).yaml", workspace.pool("moved\(index)")),
                 ("client\(index).yaml", workspace.client("moved-web\(index)", pool: "moved\(index)", clientName: "web-\(index)"))]
            }
            let old = workspace.manifests.appendingPathComponent("sandbox")
            let new = workspace.manifests.appendingPathComponent("envs/sandbox")
            try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
            for (name, text) in files { try workspace.write("sandbox/\(name)", text) }
            let controller = try workspace.startController(["--debounce", "200ms", "--prune-delay", "8"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let before = ControllerCommandTests.writes(try await workspace.operations())
            #expect(before.filter { $0 == "CreateUserPool" }.count == 3, "\(controller.log)")

            for (name, _) in files {
                try FileManager.default.removeItem(at: old.appendingPathComponent(name))
                try await Task.sleep(for: .milliseconds(300))
            }
            try FileManager.default.removeItem(at: old)
            try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
            for (name, text) in files {
                let handle = try FileHandle(forWritingTo: try Self.created(new.appendingPathComponent(name)))
                let bytes = Data(text.utf8)
                try handle.write(contentsOf: bytes.prefix(bytes.count / 2))
                try await Task.sleep(for: .milliseconds(300))
                try handle.write(contentsOf: bytes.dropFirst(bytes.count / 2))
                try handle.close()
                try await Task.sleep(for: .milliseconds(300))
            }
            try await Task.sleep(for: .seconds(10))
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before, "\(controller.log)")
        }

        /// The directory is a symlink flipped in a tight loop between two equal trees: 0 AWS writes.
        @Test func rootSymlinkFlipsBetweenEqualTreesWriteNothing() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-west-3")
            defer { workspace.remove() }
            let trees = ["tree-a", "tree-b"].map { workspace.root.appendingPathComponent($0) }
            for tree in trees {
                try FileManager.default.createDirectory(at: tree.appendingPathComponent("pools"), withIntermediateDirectories: true)
                for index in 0..<2 {
                    try Data(workspace.pool("flip\(index)").utf8).write(to: tree.appendingPathComponent("pools/pool\(index).yaml"))
                    try Data(workspace.client("flip-web\(index)", pool: "flip\(index)", clientName: "web-\(index)").utf8)
                        .write(to: tree.appendingPathComponent("client\(index).yaml"))
                }
            }
            let link = workspace.root.appendingPathComponent("live")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "tree-a")
            let controller = try workspace.startController(["--debounce", "50ms", "--prune-delay", "5"], directory: "live")
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let before = ControllerCommandTests.writes(try await workspace.operations())
            #expect(before.filter { $0 == "CreateUserPoolClient" }.count == 2, "\(controller.log)")

            let deadline = ContinuousClock.now + .seconds(4)
            var flips = 0
            while ContinuousClock.now < deadline {
                let next = workspace.root.appendingPathComponent("live.next")
                try FileManager.default.createSymbolicLink(atPath: next.path, withDestinationPath: flips % 2 == 0 ? "tree-b" : "tree-a")
                #expect(rename(next.path, link.path) == 0)
                flips += 1
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .seconds(7))
            #expect(flips > 100)
            #expect(ControllerCommandTests.writes(try await workspace.operations()) == before, "\(controller.log)")
        }

        /// Creates an empty file at `url` (as git does before streaming a blob into it) and returns `url`.
        static func created(_ url: URL) throws -> URL {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            return url
        }
    }
}
