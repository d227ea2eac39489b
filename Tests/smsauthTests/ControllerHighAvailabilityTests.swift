import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

extension ControllerEndToEnd {
    /// Two real controllers with `--lease` on one status folder and one manifest folder (the folder-backed lease
    /// store `<status-dir>.lease`), each signing with its own emulator principal so the call log tells them apart.
    @Suite struct ControllerHighAvailabilityTests {
        /// The lease duration the tests run with, and its renew interval (a third).
        static let duration = 3.0
        static let renewInterval = duration / 3
        /// What the test's own polling and process scheduling may add to a takeover on a loaded machine.
        static let latencyAllowance = 1.5

        @Test func onlyTheLeaderWritesAndAStandbyTakesOverFromAKilledLeader() async throws {
            let pair = try await ControllerPair.make()
            defer { pair.remove() }
            try pair.workspace.write("one.yaml", pair.workspace.pool(pair.name("one")))
            let leader = try pair.start(pair.first)
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            let standby = try pair.start(pair.second)
            defer { standby.stop() }
            #expect(try await standby.waitFor(message: "standby: waiting for the lease") != nil, "\(standby.log)")
            let standbyPort = try #require(try await standby.httpPort())
            let standbyReady = try await ControllerProcess.get(port: standbyPort, "/readyz")
            #expect(standbyReady.status == 503 && standbyReady.body.contains("standby: the lease is held by"),
                    "\(standbyReady)")
            #expect(try await ControllerProcess.get(port: standbyPort, "/healthz").status == 200)
            #expect(try await ControllerProcess.get(port: standbyPort, "/metrics").body.contains("smsauth_leader 0"))
            let leaderPort = try #require(try await leader.httpPort())
            #expect(try await ControllerProcess.get(port: leaderPort, "/metrics").body.contains("smsauth_leader 1"))
            #expect(pair.workspace.status("UserPool", pair.name("one"))?["leaseGeneration"] as? Int == 1)

            // An apply beside the leading controller is refused, naming it.
            let apply = try await CLIRunner.run(["reconcile", "manifests", "--status-dir", pair.workspace.status.path],
                                                environment: pair.first, directory: pair.workspace.root)
            #expect(apply.status == 1 && apply.stderr.contains("a controller leads this status folder"), "\(apply)")

            let standbyCalls = try await pair.calls(of: pair.secondPrincipal)
            #expect(standbyCalls.isEmpty, "a standby made AWS calls: \(standbyCalls)")
            #expect(try await pair.calls(of: pair.workspace.principal).contains("CreateUserPool"))

            leader.send(SIGKILL)
            let killed = ContinuousClock.now
            try pair.workspace.write("two.yaml", pair.workspace.pool(pair.name("two")))
            #expect(try await standby.waitFor(message: "lease acquired; leading", timeout: .seconds(20)) != nil)
            let takeover = ContinuousClock.now - killed
            #expect(takeover < .seconds(Self.duration + Self.renewInterval + Self.latencyAllowance), "\(takeover)")

            let applied = try await Poll.until(timeout: .seconds(30)) { () -> [String: Any]? in
                let status = pair.workspace.status("UserPool", pair.name("two"))
                return status?["phase"] as? String == "Ready" ? status : nil
            }
            #expect(applied?["leaseGeneration"] as? Int == 2, "\(standby.log)")
            #expect(try await pair.calls(of: pair.secondPrincipal).contains("CreateUserPool"))
            #expect(try await ControllerProcess.get(port: standbyPort, "/metrics").body.contains("smsauth_leader 1"))
        }

        @Test func aFrozenLeaderThatResumesWritesNothingAndGoesBackToStandby() async throws {
            let pair = try await ControllerPair.make()
            defer { pair.remove() }
            try pair.workspace.write("one.yaml", pair.workspace.pool(pair.name("one")))
            // A long debounce: the change below is still waiting in the frozen leader when it resumes.
            let leader = try pair.start(pair.first, ["--debounce", "2s"])
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            let standby = try pair.start(pair.second)
            defer { standby.stop() }
            #expect(try await standby.waitFor(message: "standby: waiting for the lease") != nil, "\(standby.log)")

            try pair.workspace.write("two.yaml", pair.workspace.pool(pair.name("two")))
            leader.send(SIGSTOP)
            let frozen = ContinuousClock.now
            #expect(try await standby.waitFor(message: "lease acquired; leading", timeout: .seconds(20)) != nil)
            #expect(ContinuousClock.now - frozen < .seconds(Self.duration + Self.renewInterval + Self.latencyAllowance))
            let applied = try await Poll.until(timeout: .seconds(30)) {
                pair.workspace.status("UserPool", pair.name("two"))?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(applied == true, "\(standby.log)")

            let before = try await pair.calls(of: pair.workspace.principal)
            leader.send(SIGCONT)
            #expect(try await leader.waitFor(message: "lease lost; stopped all AWS writes and went back to standby",
                                             timeout: .seconds(15)) != nil, "\(leader.log)")
            #expect(try await leader.waitFor(message: "standby: waiting for the lease") != nil)
            try await Task.sleep(for: .seconds(3))  // the leader's debounced change would have run by now
            let after = try await pair.calls(of: pair.workspace.principal)
            #expect(after.count == before.count, "the resumed leader called AWS: \(after.dropFirst(before.count))")
            for name in ["one", "two"] {
                #expect(pair.workspace.status("UserPool", pair.name(name))?["leaseGeneration"] as? Int == 2)
            }

            // SIGTERM releases the lease: the old leader, now standby, takes over at once, not after a duration.
            standby.send(SIGTERM)
            #expect(try await standby.exitStatus() == 0)
            let released = ContinuousClock.now
            #expect(try await leader.waitFor(message: "lease acquired; leading", timeout: .seconds(10)) != nil)
            #expect(ContinuousClock.now - released < .seconds(Self.renewInterval + Self.latencyAllowance))
        }
    }
}

/// One workspace and two principals of the same account (one per controller).
struct ControllerPair {
    /// Manifests, status folder, the first principal.
    let workspace: ControllerWorkspace
    /// The second controller's principal.
    let secondPrincipal: Emulator.Principal
    /// A suffix that makes this test's pool names unique.
    let suffix = String(UUID().uuidString.prefix(8)).lowercased()

    /// A fresh pair.
    static func make() async throws -> ControllerPair {
        let workspace = try await ControllerWorkspace.make(region: "eu-north-1")
        return ControllerPair(workspace: workspace, secondPrincipal: try await workspace.emulator.newPrincipal())
    }

    /// The first controller's environment.
    var first: [String: String] { workspace.environment }
    /// The second controller's environment.
    var second: [String: String] { workspace.emulator.environment(for: secondPrincipal, region: workspace.region) }

    /// `base` made unique to this test.
    func name(_ base: String) -> String { "\(base)-\(suffix)" }

    /// Starts a controller with `--lease` on the shared folders.
    func start(_ environment: [String: String], _ extra: [String] = []) throws -> ControllerProcess {
        try ControllerProcess(["manifests", "--status-dir", workspace.status.path, "--listen", "127.0.0.1:0",
                               "--lease", "--lease-duration", "\(Int(ControllerEndToEnd.ControllerHighAvailabilityTests.duration))s",
                               "--prune-delay", "0"] + extra,
                              environment: environment, directory: workspace.root)
    }

    /// Operations `principal` called, in order.
    func calls(of principal: Emulator.Principal) async throws -> [String] {
        try await workspace.emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }

    /// Removes the folders.
    func remove() { workspace.remove() }
}
