import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// Full syncs read the manifest folder anew as well as AWS, never overlap, and SIGHUP asks for one.
    @Suite struct ControllerResyncTests {
        /// git-sync flips `current` (a symlink in the middle of DIR = `current/manifests`): no event reaches the
        /// watched folders, the next resync reads the new tree and applies it; the watcher then follows the new
        /// target, so an edit there is applied without waiting for a resync.
        @Test func gitSyncFlipWithTheSymlinkMidPathIsAppliedWithinOneResync() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-south-1")
            defer { workspace.remove() }
            let trees = workspace.root.appendingPathComponent("worktrees")
            for (name, length) in [("A", 10), ("B", 12)] {
                let folder = trees.appendingPathComponent("\(name)/manifests")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(workspace.pool("gitsync", minimumLength: length).utf8).write(to: folder.appendingPathComponent("pool.yaml"))
            }
            let current = workspace.root.appendingPathComponent("current")
            try FileManager.default.createSymbolicLink(atPath: current.path, withDestinationPath: "worktrees/A")
            let controller = try workspace.startController(["--debounce", "100ms", "--resync-period", "6s"],
                                                           directory: "current/manifests")
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            #expect(!(try await workspace.operations()).contains("UpdateUserPool"))

            let next = workspace.root.appendingPathComponent("current.next")
            try FileManager.default.createSymbolicLink(atPath: next.path, withDestinationPath: "worktrees/B")
            #expect(rename(next.path, current.path) == 0)
            let flipped = ContinuousClock.now
            let applied = try await Poll.until(timeout: .seconds(12)) {
                try await workspace.operations().contains("UpdateUserPool") ? ContinuousClock.now : nil
            }
            let when = try #require(applied, "\(controller.log)")
            #expect(when - flipped <= .milliseconds(6600 + 3000), "within one resync period (plus jitter and the pass)")

            try Data(workspace.pool("gitsync", minimumLength: 14).utf8)
                .write(to: trees.appendingPathComponent("B/manifests/pool.yaml"), options: .atomic)
            let watched = try await Poll.until(timeout: .seconds(3)) {
                try await workspace.operations().filter { $0 == "UpdateUserPool" }.count == 2 ? true : nil
            }
            #expect(watched == true, "an edit in the new target is seen by the watcher\n\(controller.log)")
        }

        /// A resync period shorter than one full pass: the next full sync starts only when the previous completed
        /// (one warning), and /readyz turns ready after the first complete pass.
        @Test func shortResyncPeriodIsStretchedAndReadyzTurnsReady() async throws {
            let workspace = try await ControllerWorkspace.make(region: "sa-east-1")
            defer { workspace.remove() }
            for index in 0..<3 {
                try workspace.write("pool\(index).yaml", workspace.pool("stretch\(index)"))
                try workspace.write("client\(index).yaml",
                                    workspace.client("stretch-web\(index)", pool: "stretch\(index)", clientName: "web-\(index)"))
            }
            try await workspace.emulator.injectFaults([
                Emulator.FaultRule(service: "cognito-idp", kind: "latency", accessKeyId: workspace.principal.accessKeyId,
                                   latencyMs: 200),
            ])
            let controller = try workspace.startController(["--resync-period", "1s", "--workers", "1"])
            defer { controller.stop() }
            let port = try #require(try await controller.httpPort())
            let early = try await ControllerProcess.get(port: port, "/readyz")
            #expect(early.status == 503 && early.body.hasPrefix("not ready: "), "\(early.body)")
            let ready = try await Poll.until(timeout: .seconds(60)) {
                try await ControllerProcess.get(port: port, "/readyz") == (200, "ready\n") ? true : nil
            }
            #expect(ready == true, "\(controller.log)")
            #expect(try await controller.waitFor(message: "the resync period is shorter than one full sync; each resync starts when the previous one has completed") != nil,
                    "\(controller.log)")
            let passes = try await Poll.until(timeout: .seconds(60)) {
                controller.records.filter { $0["message"] as? String == "full sync done" }.count >= 3 ? true : nil
            }
            #expect(passes == true, "\(controller.log)")
            let syncs = controller.records.compactMap { $0["message"] as? String }
                .filter { $0 == "full sync" || $0 == "full sync done" }
            for (index, message) in syncs.enumerated() {
                #expect(message == (index % 2 == 0 ? "full sync" : "full sync done"), "full syncs never overlap: \(syncs)")
            }
            #expect(controller.records.filter { ($0["message"] as? String)?.hasPrefix("the resync period is shorter") == true }.count == 1)
        }

        /// SIGHUP reads the folder again and runs a full sync; the controller keeps running.
        @Test func sighupReloads() async throws {
            let workspace = try await ControllerWorkspace.make(region: "me-south-1")
            defer { workspace.remove() }
            try workspace.write("pool.yaml", workspace.pool("hup"))
            let controller = try workspace.startController()
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            controller.send(SIGHUP)
            #expect(try await controller.waitFor(message: "reload requested (SIGHUP): reading the manifest folder again and starting a full sync") != nil,
                    "\(controller.log)")
            let reload = try await Poll.until(timeout: .seconds(10)) {
                controller.records.first { $0["message"] as? String == "full sync" && $0["reason"] as? String == "reload" }
            }
            #expect(reload != nil, "\(controller.log)")
            let done = try await Poll.until(timeout: .seconds(10)) {
                controller.records.filter { $0["message"] as? String == "full sync done" }.count == 2 ? true : nil
            }
            #expect(done == true)
            #expect(controller.process.isRunning)
        }

        /// A corrupt status file is an error as for `reconcile`: logged, on /readyz and in metrics, and no removal is
        /// acted on while it lasts; once it is readable again (and after a reload) the removal goes ahead.
        @Test func corruptStatusFileStopsRemovals() async throws {
            let workspace = try await ControllerWorkspace.make(region: "us-east-2")
            defer { workspace.remove() }
            try workspace.write("pool.yaml", workspace.pool("corrupt"))
            try workspace.write("client.yaml", workspace.client("corrupt-web", pool: "corrupt", clientName: "web-client"))
            try workspace.write("other.yaml", workspace.client("corrupt-other", pool: "corrupt", clientName: "other-client"))
            let controller = try workspace.startController(["--debounce", "100ms", "--prune-delay", "1"])
            defer { controller.stop() }
            let port = try #require(try await controller.httpPort())
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let file = workspace.status.appendingPathComponent("AppClient/corrupt-other.json")
            let good = try Data(contentsOf: file)
            try Data("{ not json".utf8).write(to: file)
            controller.send(SIGHUP)
            #expect(try await controller.waitFor(message: "status folder unreadable; no removal is acted on until it can be read") != nil,
                    "\(controller.log)")
            let readyz = try await ControllerProcess.get(port: port, "/readyz")
            #expect(readyz.status == 503 && readyz.body.contains("status folder unreadable: "), "\(readyz.body)")
            #expect(try await ControllerProcess.get(port: port, "/metrics").body.contains("smsauth_status_errors 1"))

            try workspace.delete("client.yaml")
            try await Task.sleep(for: .seconds(3))
            #expect(!(try await workspace.operations()).contains("DeleteUserPoolClient"), "\(controller.log)")
            let rereads = controller.records.filter {
                $0["message"] as? String == "prune delay passed; reading the manifest directory again"
            }
            #expect(rereads.count <= 2, "a removal held by the status folder schedules no re-read loop: \(rereads.count)")

            try good.write(to: file)
            controller.send(SIGHUP)
            let deleted = try await Poll.until(timeout: .seconds(15)) {
                try await workspace.operations().contains("DeleteUserPoolClient") ? true : nil
            }
            #expect(deleted == true, "\(controller.log)")
            #expect(try await ControllerProcess.get(port: port, "/metrics").body.contains("smsauth_status_errors 0"))
        }

        /// Every credentials check throttled: /readyz says throttling, not "credentials not verified".
        @Test func throttledCredentialsCheckIsNamed() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-east-2")
            defer { workspace.remove() }
            try await workspace.emulator.injectFaults([
                Emulator.FaultRule(service: "sts", kind: "throttle", rate: 1, accessKeyId: workspace.principal.accessKeyId),
            ])
            let controller = try workspace.startController()
            defer { controller.stop() }
            let port = try #require(try await controller.httpPort())
            let named = try await Poll.until(timeout: .seconds(20)) {
                let answer = try await ControllerProcess.get(port: port, "/readyz")
                return answer.body.contains("AWS throttling (") ? answer : nil
            }
            let answer = try #require(named, "\(controller.log)")
            #expect(answer.status == 503 && answer.body.contains("while verifying credentials"), "\(answer.body)")
            #expect(!answer.body.contains("credentials not verified"), "\(answer.body)")
        }
    }
}
