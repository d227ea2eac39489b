import AWSServices
import Foundation
import Reconciler
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

extension ControllerEndToEnd {
    /// Two real controllers on one S3 state (`--state s3://…`, `lease.json` beside `state.json`) and one manifest
    /// folder, each signing with its own emulator principal so the call log tells them apart. AWS writes are the
    /// principals' non-S3 calls (their S3 calls are the lease's and the state's).
    @Suite struct ControllerS3HighAvailabilityTests {
        /// The lease duration the tests run with, and its renew interval (a third).
        static let duration = 3.0
        static let renewInterval = duration / 3

        @Test func onlyTheLeaderWritesAndAStandbyTakesOverFromAKilledLeader() async throws {
            let pair = try await S3ControllerPair.make()
            defer { pair.remove() }
            let workspace = pair.pair.workspace
            try workspace.write("one.yaml", workspace.pool(pair.pair.name("one")))
            // No --lease: on an S3 state the controller leads by the lease all the same.
            let leader = try pair.start(pair.pair.first, lease: false)
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            #expect(leader.log.contains("the state is in S3: leading by its lease"), "\(leader.log)")
            let standby = try pair.start(pair.pair.second)
            defer { standby.stop() }
            #expect(try await standby.waitFor(message: "standby: waiting for the lease") != nil, "\(standby.log)")
            let standbyPort = try #require(try await standby.httpPort())
            let standbyReady = try await ControllerProcess.get(port: standbyPort, "/readyz")
            #expect(standbyReady.status == 503 && standbyReady.body.contains("standby: the lease is held by"),
                    "\(standbyReady)")
            #expect(try await ControllerProcess.get(port: standbyPort, "/metrics").body.contains("smsauth_leader 0"))
            #expect(try await pair.state()?["leaseGeneration"] as? Int == 1)
            #expect(try await pair.status("UserPool", pair.pair.name("one"))?["leaseGeneration"] as? Int == 1)
            #expect(try await pair.object("lock.json") == nil, "the controller holds the lease, not lock.json")

            // Two applies from two work folders at once beside the leading controller: both refused, the leader named.
            let copies = try (0..<2).map { _ in try pair.copyOfManifests() }
            defer { copies.forEach { try? FileManager.default.removeItem(at: $0) } }
            let applies = try await CLIRunner.runTogether(copies.map { folder in
                (["reconcile", folder.path, "--no-color", "--state", pair.url.description], pair.pair.first)
            })
            for apply in applies {
                #expect(apply.status == 1, "\(apply)")
                #expect(apply.stderr.contains("a controller leads this state") || apply.stderr.contains("holds the lock"),
                        "\(apply.stderr)")
            }
            #expect(applies.contains { $0.stderr.contains("a controller leads this state") }, "\(applies)")
            #expect(try await pair.object("lock.json") == nil, "the refused applies released the lock")

            #expect(try await pair.awsCalls(of: pair.pair.secondPrincipal).isEmpty, "a standby made AWS calls")
            #expect(try await pair.awsCalls(of: workspace.principal).contains("CreateUserPool"))

            leader.send(SIGKILL)
            let killed = ContinuousClock.now
            try workspace.write("two.yaml", workspace.pool(pair.pair.name("two")))
            #expect(try await standby.waitFor(message: "lease acquired; leading", timeout: .seconds(20)) != nil)
            let takeover = ContinuousClock.now - killed
            #expect(takeover < .seconds(Self.duration + Self.renewInterval
                                        + ControllerHighAvailabilityTests.latencyAllowance), "\(takeover)")
            let killedCalls = try await pair.awsCalls(of: workspace.principal)

            let applied = try await Poll.until(timeout: .seconds(30)) { () -> [String: Any]? in
                let status = try await pair.status("UserPool", pair.pair.name("two"))
                return status?["phase"] as? String == "Ready" ? status : nil
            }
            #expect(applied?["leaseGeneration"] as? Int == 2, "\(standby.log)")
            #expect(try await pair.state()?["leaseGeneration"] as? Int == 2)
            #expect(try await pair.awsCalls(of: pair.pair.secondPrincipal).contains("CreateUserPool"))
            #expect(try await pair.awsCalls(of: workspace.principal) == killedCalls, "no write of the killed generation")
        }

        @Test func aFrozenLeaderThatResumesWritesNothingAndGoesBackToStandby() async throws {
            let pair = try await S3ControllerPair.make()
            defer { pair.remove() }
            let workspace = pair.pair.workspace
            try workspace.write("one.yaml", workspace.pool(pair.pair.name("one")))
            // A long debounce: the change below is still waiting in the frozen leader when it resumes.
            let leader = try pair.start(pair.pair.first, ["--debounce", "2s"])
            defer { leader.stop() }
            #expect(try await leader.waitFor(message: "full sync done") != nil, "\(leader.log)")
            let standby = try pair.start(pair.pair.second)
            defer { standby.stop() }
            #expect(try await standby.waitFor(message: "standby: waiting for the lease") != nil, "\(standby.log)")

            try workspace.write("two.yaml", workspace.pool(pair.pair.name("two")))
            leader.send(SIGSTOP)
            let frozen = ContinuousClock.now
            #expect(try await standby.waitFor(message: "lease acquired; leading", timeout: .seconds(20)) != nil)
            #expect(ContinuousClock.now - frozen < .seconds(Self.duration + Self.renewInterval
                                                            + ControllerHighAvailabilityTests.latencyAllowance))
            let applied = try await Poll.until(timeout: .seconds(30)) {
                try await pair.status("UserPool", pair.pair.name("two"))?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(applied == true, "\(standby.log)")
            let stateBefore = try await pair.object("state.json")

            let before = try await pair.awsCalls(of: workspace.principal)
            leader.send(SIGCONT)
            #expect(try await leader.waitFor(message: "lease lost; stopped all AWS writes and went back to standby",
                                             timeout: .seconds(15)) != nil, "\(leader.log)")
            #expect(try await leader.waitFor(message: "standby: waiting for the lease") != nil)
            // Past the old leader's debounce: its pending change had every chance to reach AWS or the state.
            try await Task.sleep(for: .seconds(3))
            let after = try await pair.awsCalls(of: workspace.principal)
            #expect(after == before, "the resumed leader called AWS: \(after.dropFirst(before.count))")
            #expect(try await pair.object("state.json") == stateBefore, "the resumed leader wrote the state")
            for name in ["one", "two"] {
                #expect(try await pair.status("UserPool", pair.pair.name(name))?["leaseGeneration"] as? Int == 2)
            }
        }
    }
}

/// A controller pair (`ControllerPair`) on an S3 state in a fresh bucket, read by a principal of its own.
struct S3ControllerPair {
    /// The workspace and the two controllers' principals.
    let pair: ControllerPair
    /// The state.
    let url: S3StateURL
    /// S3 signed as a third principal (its reads stay out of the controllers' call logs).
    let reader: S3

    /// A fresh pair and bucket (in the workspace's region).
    static func make() async throws -> S3ControllerPair {
        let pair = try await ControllerPair.make()
        let emulator = pair.workspace.emulator
        let bucket = Emulator.uniqueBucketName("smsauth-ha")
        try await emulator.createBucket(bucket, region: pair.workspace.region, as: pair.workspace.principal)
        let reader = S3(client: emulator.client(for: try await emulator.newPrincipal()), region: pair.workspace.region)
        return S3ControllerPair(pair: pair, url: S3StateURL(bucket: bucket, prefix: "ha"), reader: reader)
    }

    /// Starts a controller on the S3 state (with `--lease` unless `lease` is false) and a lease of
    /// `ControllerS3HighAvailabilityTests.duration`.
    func start(_ environment: [String: String], lease: Bool = true, _ extra: [String] = []) throws -> ControllerProcess {
        let duration = ControllerEndToEnd.ControllerS3HighAvailabilityTests.duration
        return try ControllerProcess(["manifests", "--state", url.description, "--listen", "127.0.0.1:0",
                                      "--lease-duration", "\(duration)s", "--prune-delay", "0"]
                                         + (lease ? ["--lease"] : []) + extra,
                                     environment: environment, directory: pair.workspace.root)
    }

    /// The bytes of `PREFIX/key`, nil when absent.
    func object(_ key: String) async throws -> Data? {
        try await reader.getObject(bucket: url.bucket, key: url.objectKey(key))?.data
    }

    /// `state.json` as a JSON object.
    func state() async throws -> [String: Any]? {
        guard let data = try await object("state.json") else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The record of `kind/name` in `state.json`.
    func status(_ kind: String, _ name: String) async throws -> [String: Any]? {
        let statuses = try await state()?["statuses"] as? [[String: Any]] ?? []
        return statuses.first { $0["kind"] as? String == kind && $0["name"] as? String == name }
    }

    /// The AWS (non-S3) operations `principal` called, in order.
    func awsCalls(of principal: Emulator.Principal) async throws -> [String] {
        try await pair.workspace.emulator.calls(accessKeyId: principal.accessKeyId)
            .filter { $0.service != "s3" }.map(\.operation)
    }

    /// A copy of the manifest folder (another work folder), removed by the caller.
    func copyOfManifests() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-ha-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: pair.workspace.manifests, to: copy)
        return copy
    }

    /// Removes the folders.
    func remove() { pair.remove() }
}
