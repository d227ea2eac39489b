import Foundation
import Testing

/// One writer per status folder, with the real binary: concurrent applies from an empty account make each resource
/// once and the others exit 1 naming the holder before any AWS call; `--lock-timeout` waits; an apply is refused
/// while a controller holds the lock. The default `manifests/` set, with a role name of the test's own.
@Suite("Status lock end to end", .timeLimit(.minutes(8)))
struct StatusLockEndToEndTests {
    /// A context in `region` and a copy of `manifests/` with its own role name.
    static func demo(region: String) async throws -> (EndToEndContext, Workspace) {
        let context = try await EndToEndContext.make(region: region)
        let roleName = "e2e-lock-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        return (context, space)
    }

    /// Exactly one user pool owned as `UserPool/demo` with exactly one app client.
    static func expectOnePoolWithOneClient(_ context: EndToEndContext) async throws {
        let pools = try await context.ownedPools(named: "demo")
        #expect(pools.count == 1, "pools: \(pools.map(\.id))")
        for pool in pools {
            let clients = try await context.cognito.listUserPoolClients(poolId: pool.id)
            #expect(clients.count == 1, "clients of \(pool.id): \(clients.map(\.clientId))")
        }
    }

    /// The refusal names the holder: pid, this host, an ISO 8601 time.
    static func expectNamesHolder(_ stderr: String, pid: Int32? = nil) {
        #expect(stderr.contains("holds the lock"), "\(stderr)")
        var name = [CChar](repeating: 0, count: 256)
        #expect(gethostname(&name, 255) == 0)
        let host = String(cString: name)
        let pattern = "pid \(pid.map(String.init) ?? "[0-9]+") on host \(NSRegularExpression.escapedPattern(for: host)) "
            + "since [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"
        #expect(stderr.range(of: pattern, options: .regularExpression) != nil, "\(stderr)")
    }

    /// `count` applies started together, each as its own principal: one succeeds, the others exit 1 naming the
    /// holder having made no AWS call at all; one pool and one client exist.
    @Test(arguments: [(2, "af-south-1"), (3, "ap-south-2")])
    func concurrentAppliesMakeEachResourceOnce(count: Int, region: String) async throws {
        let (context, space) = try await Self.demo(region: region)
        defer { space.remove() }
        var principals: [(environment: [String: String], accessKeyId: String)] = []
        for _ in 0..<count { principals.append(try await context.freshEnvironment()) }
        let arguments = ["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path, "--no-color"]
        let results = zip(principals.map(\.accessKeyId),
                          try await CLIRunner.runTogether(principals.map { (arguments, $0.environment) })).map { ($0, $1) }
        let succeeded = results.filter { $0.1.status == 0 }
        #expect(succeeded.count == 1, "\(results.map { "\($0.1.status): \($0.1.stdout)\($0.1.stderr)" })")
        for (accessKeyId, result) in results where result.status != 0 {
            #expect(result.status == 1)
            Self.expectNamesHolder(result.stderr)
            #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty, "refused before any AWS call")
        }
        try await Self.expectOnePoolWithOneClient(context)
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
    }

    /// With `--lock-timeout 30` an apply started while a controller holds the lock waits until the controller
    /// stops (SIGTERM after 3 s), then finds nothing to change and makes no AWS write.
    @Test func lockTimeoutWaitsForTheHolder() async throws {
        let (context, space) = try await Self.demo(region: "eu-west-3")
        defer { space.remove() }
        let controller = try ControllerProcess(["manifests", "--status-dir", space.statusDirectory.path,
                                                "--listen", "127.0.0.1:0"],
                                               environment: context.environment, directory: space.root)
        defer { controller.stop() }
        #expect(try await controller.waitFor(message: "full sync done", timeout: .seconds(240)) != nil, "\(controller.log)")
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { controller.send(SIGTERM) }
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let started = ContinuousClock.now
        let waited = try await space.reconcile(["--lock-timeout", "30"], environment: environment)
        #expect(ContinuousClock.now - started >= .seconds(2), "it waited for the controller")
        #expect(waited.status == 0, "\(waited.stdout)\(waited.stderr)")
        #expect(waited.stdout.hasPrefix("No changes. 4 unchanged.\n"), "\(waited.stdout)")
        #expect(try await context.writeCalls(accessKeyId: accessKeyId).isEmpty)
        #expect(try await controller.exitStatus() == 0, "\(controller.log)")
        try await Self.expectOnePoolWithOneClient(context)
    }

    /// An apply while a controller holds the status folder exits 1 naming the controller's pid, without an AWS
    /// call; a dry run takes no lock and still works.
    @Test func applyRefusedWhileAControllerHoldsTheLock() async throws {
        let (context, space) = try await Self.demo(region: "ap-southeast-1")
        defer { space.remove() }
        let controller = try ControllerProcess(["manifests", "--status-dir", space.statusDirectory.path,
                                                "--listen", "127.0.0.1:0"],
                                               environment: context.environment, directory: space.root)
        defer { controller.stop() }
        #expect(try await controller.httpPort() != nil, "\(controller.log)")
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let refused = try await space.reconcile(environment: environment)
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        Self.expectNamesHolder(refused.stderr, pid: controller.process.processIdentifier)
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty)
        let preview = try await space.reconcile(["--dry-run"], environment: environment)
        #expect(preview.status == 0, "\(preview.stdout)\(preview.stderr)")
        #expect(controller.process.isRunning)
    }
}
