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
            #expect(apply.status == 1 && apply.stderr.contains("a controller leads this state"), "\(apply)")
            #expect(apply.stderr.contains("note: a controller's lease is in ")
                    && apply.stderr.contains("; watching it for up to 3s: the apply goes on only if no controller renews it"),
                    "\(apply)")

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

        @Test func aNewLeaderWaitsForAnApplyThatHoldsTheStatusLock() async throws {
            let pair = try await ControllerPair.make()
            defer { pair.remove() }
            try pair.workspace.write("one.yaml", pair.workspace.pool(pair.name("one")))
            let apply = try HeldFileLock(path: pair.workspace.status.path + ".lock")  // as an apply in progress holds it
            let leader = try pair.start(pair.first)
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "leading; waiting for the apply that holds the status folder's lock to finish")
                    != nil, "\(leader.log)")
            try await Task.sleep(for: .seconds(1))
            #expect(try await pair.calls(of: pair.workspace.principal).isEmpty)
            apply.release()
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            #expect(try await pair.calls(of: pair.workspace.principal).contains("CreateUserPool"))
        }

        @Test func aFrozenLeaderThatResumesWritesNothingAndGoesBackToStandby() async throws {
            let pair = try await ControllerPair.make()
            defer { pair.remove() }
            // A longer lease here: the test holds up renewals for a few seconds below without B losing its lease.
            let duration = 6.0
            try pair.workspace.write("one.yaml", pair.workspace.pool(pair.name("one")))
            // A long debounce: the change below is still waiting in the frozen leader when it resumes.
            let leader = try pair.start(pair.first, duration: duration, ["--debounce", "2s"])
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            let leaderPort = try #require(try await leader.httpPort())
            let standby = try pair.start(pair.second, duration: duration)
            defer { standby.stop() }
            #expect(try await standby.waitFor(message: "standby: waiting for the lease") != nil, "\(standby.log)")

            try pair.workspace.write("two.yaml", pair.workspace.pool(pair.name("two")))
            leader.send(SIGSTOP)
            let frozen = ContinuousClock.now
            #expect(try await standby.waitFor(message: "lease acquired; leading", timeout: .seconds(20)) != nil)
            #expect(ContinuousClock.now - frozen < .seconds(duration + duration / 3 + Self.latencyAllowance))
            let applied = try await Poll.until(timeout: .seconds(30)) {
                pair.workspace.status("UserPool", pair.name("two"))?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(applied == true, "\(standby.log)")

            // Resume the old leader while its renewal cannot reach the lease store (the test holds the store's
            // lock), so it cannot learn from a 412 that it lost: only its fence keeps its pending change from AWS.
            let before = try await pair.calls(of: pair.workspace.principal)
            let storeLock = try pair.holdLeaseStore()
            leader.send(SIGCONT)
            let fenced = try await Poll.until(timeout: .seconds(3)) { () -> Bool? in
                let metrics = try await ControllerProcess.get(port: leaderPort, "/metrics").body
                return metrics.contains("code=\"LeaseFenced\"") ? true : nil
            }
            storeLock.release()
            #expect(fenced == true, "\(leader.log)")
            #expect(try await leader.waitFor(message: "lease lost; stopped all AWS writes and went back to standby",
                                             timeout: .seconds(15)) != nil, "\(leader.log)")
            #expect(try await leader.waitFor(message: "standby: waiting for the lease") != nil)
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
            #expect(ContinuousClock.now - released < .seconds(duration / 3 + Self.latencyAllowance))
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

    /// Starts a controller with `--lease` (of `duration` seconds) on the shared folders.
    func start(_ environment: [String: String], duration: Double = ControllerEndToEnd.ControllerHighAvailabilityTests.duration,
               _ extra: [String] = []) throws -> ControllerProcess {
        try ControllerProcess(["manifests", "--status-dir", workspace.status.path, "--listen", "127.0.0.1:0",
                               "--lease", "--lease-duration", "\(duration)s", "--prune-delay", "0"] + extra,
                              environment: environment, directory: workspace.root)
    }

    /// Takes the lock the lease store holds during each compare-and-swap (`<status>.lease/.objectstore.lock`): every
    /// lease write of both controllers waits until it is released.
    func holdLeaseStore() throws -> HeldFileLock {
        try HeldFileLock(path: workspace.status.path + ".lease/.objectstore.lock")
    }

    /// Operations `principal` called, in order.
    func calls(of principal: Emulator.Principal) async throws -> [String] {
        try await workspace.emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation)
    }

    /// Removes the folders.
    func remove() { workspace.remove() }
}

/// An exclusive `flock` the test holds until `release()`.
final class HeldFileLock {
    /// The locked descriptor.
    private let descriptor: Int32

    /// Opens `path` and locks it, waiting while another holds it.
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    /// Unlocks and closes.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
