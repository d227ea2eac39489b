import Foundation
import NIOCore
import NIOPosix
import Testing

extension ControllerEndToEnd {
    /// `smsauth controller` run as a user would, against the emulator: watch, create, update, delete, endpoints.
    @Suite struct ControllerCommandTests {
        /// AWS operations that change something.
        static func writes(_ operations: [String]) -> [String] {
            operations.filter { operation in
                ["Create", "Update", "Delete", "Set", "Tag", "Untag"].contains { operation.hasPrefix($0) }
            }
        }

        @Test func watchCreatesUpdatesAndDeletesAndServesEndpoints() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-southeast-3")
            defer { workspace.remove() }
            let controller = try workspace.startController(["--debounce", "200ms", "--prune-delay", "1"])
            defer { controller.stop() }
            let port = try #require(try await controller.httpPort())
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            #expect(try await ControllerProcess.get(port: port, "/healthz").status == 200)
            #expect(try await ControllerProcess.get(port: port, "/readyz") == (200, "ready\n"))

            _ = try await workspace.cognito().listUserPools()
            try workspace.write("pool.yaml", workspace.pool("app"))
            try workspace.write("client.yaml", workspace.client("web", pool: "app", clientName: "web-client"))
            // How fast the first write follows the file write is a speed target: benchmarks/controller_idle.sh
            // measures it. Here only that it happens, within a deadline generous for a loaded shared emulator.
            let created = try await Poll.until(timeout: .seconds(30)) {
                try await workspace.operations().contains("CreateUserPool") ? true : nil
            }
            #expect(created == true, "\(controller.log)")
            let clientCreated = try await Poll.until(timeout: .seconds(30)) {
                try await workspace.operations().contains("CreateUserPoolClient") ? true : nil
            }
            #expect(clientCreated == true)
            let ready = try await Poll.until(timeout: .seconds(60)) { workspace.status("AppClient", "web")?["phase"] as? String == "Ready" ? true : nil }
            #expect(ready == true)

            try workspace.write("client.yaml", workspace.client("web", pool: "app", clientName: "web-renamed"))
            let updated = try await Poll.until(timeout: .seconds(60)) {
                try await workspace.operations().contains("UpdateUserPoolClient") ? true : nil
            }
            #expect(updated == true)

            try workspace.delete("client.yaml")
            let deleted = try await Poll.until(timeout: .seconds(60)) {
                try await workspace.operations().contains("DeleteUserPoolClient") && workspace.status("AppClient", "web") == nil
                    ? true : nil
            }
            #expect(deleted == true, "\(controller.log)")
            #expect(!(try await workspace.operations()).contains("DeleteUserPool"), "the pool's manifest is still there")

            let metrics = try await ControllerProcess.get(port: port, "/metrics")
            #expect(metrics.status == 200)
            for text in ["smsauth_reconciles_total{", "smsauth_reconcile_duration_seconds_bucket",
                         #"operation="CreateUserPoolClient""#, "smsauth_queue_depth", "smsauth_resources{",
                         "smsauth_last_full_sync_timestamp_seconds", "smsauth_drift_found_total"] {
                #expect(metrics.body.contains(text), "\(text)")
            }
        }

        @Test func secondInstanceOnTheSameStatusFolderRefuses() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-south-2")
            defer { workspace.remove() }
            let first = try workspace.startController()
            defer { first.stop() }
            #expect(try await first.httpPort() != nil, "\(first.log)")
            let result = try await CLIRunner.run(["controller", "manifests", "--status-dir", workspace.status.path,
                                                  "--listen", "127.0.0.1:0"],
                                                 environment: workspace.environment, directory: workspace.root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("pid \(first.process.processIdentifier) on host "), "\(result.stderr)")
            #expect(result.stderr.contains("only one reconcile or controller may write a status folder"),
                    "\(result.stderr)")
            #expect(first.process.isRunning)
        }

        /// A `--listen` port another socket holds stops the controller before it takes its lock or reconciles
        /// anything: no lock file, no status file, no pool.
        @Test func aListenAddressInUseStopsTheControllerBeforeAnyWork() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-south-2")
            defer { workspace.remove() }
            try workspace.write("pool.yaml", workspace.pool("app"))
            let holder = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            let port = try #require(holder.localAddress?.port)
            let result = try await CLIRunner.run(["controller", "manifests", "--status-dir", workspace.status.path,
                                                  "--listen", "127.0.0.1:\(port)"],
                                                 environment: workspace.environment, directory: workspace.root)
            try await holder.close()
            #expect(result.status == 1)
            #expect(result.stderr.contains("controller.listenFailed: cannot serve /metrics, /healthz and /readyz on "
                                           + "127.0.0.1:\(port) (--listen)"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.status.path + ".lock"))
            #expect(!FileManager.default.fileExists(atPath: workspace.status.path))
        }

        /// The lock lives beside the status folder (`<status-dir>.lock`): deleting the folder under a running
        /// controller leaves a second controller refused, and the first keeps working (it writes the folder anew).
        @Test func deletedStatusFolderKeepsTheLock() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-east-2")
            defer { workspace.remove() }
            try workspace.write("pool.yaml", workspace.pool("app"))
            let first = try workspace.startController(["--debounce", "100ms"])
            defer { first.stop() }
            #expect(try await first.waitFor(message: "full sync done") != nil, "\(first.log)")
            let statusFile = workspace.status.appendingPathComponent("UserPool/app.json")
            #expect(FileManager.default.fileExists(atPath: statusFile.path))
            try FileManager.default.removeItem(at: workspace.status)

            let second = try await CLIRunner.run(["controller", "manifests", "--status-dir", workspace.status.path,
                                                  "--listen", "127.0.0.1:0"],
                                                 environment: workspace.environment, directory: workspace.root)
            #expect(second.status == 1)
            #expect(second.stderr.contains("pid \(first.process.processIdentifier) on host "), "\(second.stderr)")
            try workspace.write("pool.yaml", workspace.pool("app", minimumLength: 12))
            let rewritten = try await Poll.until(timeout: .seconds(30)) {
                FileManager.default.fileExists(atPath: statusFile.path) ? true : nil
            }
            #expect(rewritten == true, "the holder writes status files again: \(first.log)")
            #expect(first.process.isRunning)
        }

        /// Removing the lock file itself (another writer could then lock a new file at that path) stops the
        /// controller: an error log and exit 1.
        @Test func removedLockFileStopsTheController() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-east-2")
            defer { workspace.remove() }
            let controller = try workspace.startController()
            defer { controller.stop() }
            #expect(try await controller.httpPort() != nil, "\(controller.log)")
            try FileManager.default.removeItem(atPath: workspace.status.path + ".lock")
            #expect(try await controller.exitStatus(timeout: .seconds(20)) == 1, "\(controller.log)")
            #expect(try await controller.waitFor(message: "status lock lost; stopping all AWS changes") != nil,
                    "\(controller.log)")
        }

        @Test func helpDocumentsTheFlags() async throws {
            let result = try await CLIRunner.run(["controller", "--help"])
            #expect(result.status == 0)
            for flag in ["--debounce", "--resync-period", "--pending-poll", "--shutdown-timeout", "--listen", "--rate-limit",
                         "--status-dir", "--log-format", "--workers", "--prune-delay", "--lock-timeout", "--lease",
                         "--lease-duration"] {
                #expect(result.stdout.contains(flag), "\(flag)")
            }
        }

        @Test(arguments: [["--debounce", "soon"], ["--listen", "nowhere"], ["--resync-period", "0s"],
                          ["--rate-limit", "cognito-idp:UserPoolRead=0"], ["--workers", "0"],
                          ["--prune-delay", "-1"], ["--lock-timeout=-1"], ["--lease", "--lease-duration", "500ms"],
                          ["--lease-duration", "soon"]])
        func badFlagsAreRefused(_ arguments: [String]) async throws {
            let result = try await CLIRunner.run(["controller", "manifests"] + arguments)
            #expect(result.status != 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        }

        /// Durations beyond a year and a concurrency beyond need used to stop the process with a trap or spin; a
        /// lease longer than the 1 h its readers allow would have let a standby lead beside it.
        @Test(arguments: [["--debounce", "1e300"], ["--resync-period", "9999999999999999h"], ["--prune-delay", "1e16"],
                          ["--pending-poll", "0x10"], ["--lease", "--lease-duration", "2h"],
                          ["--shutdown-timeout", "9223372036854775807"]])
        func outOfRangeFlagsAreArgumentErrors(_ arguments: [String]) async throws {
            let result = try await CLIRunner.run(["controller", "manifests"] + arguments)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        }
    }
}
