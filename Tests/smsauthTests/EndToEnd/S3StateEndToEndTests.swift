import AWSServices
import Foundation
import Manifests
import Reconciler
import Testing
import TestSupport

/// The state on S3 with the real binary: a plan from a fresh work folder equals the plan of the folder that applied;
/// concurrent applies on one S3 state, one wins and the other exits 1 naming the holder. The default `manifests/` set
/// with names of the test's own (pool `s3-…`, its own role and owner), in ca-west-1.
@Suite("S3 state end to end", .timeLimit(.minutes(3)))
struct S3StateEndToEndTests {
    static let region = "ca-west-1"

    /// A context, a fresh bucket, and a copy of `manifests/` with unique role, pool and owner names.
    static func demo() async throws -> (EndToEndContext, Workspace, S3StateURL, [(String, String)], pool: String) {
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let bucket = Emulator.uniqueBucketName("smsauth-state")
        try await context.emulator.createBucket(bucket, region: region, as: context.principal)
        let substitutions = [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: e2e-s3-\(unique)\n"),
            ("  name: demo\n", "  name: s3-\(unique)\n"), ("userPool: demo\n", "userPool: s3-\(unique)\n"),
            ("owner: smsauth-demo\n", "owner: s3-\(unique)\n"),
        ]
        let space = try Workspace(copying: ["manifests"], substitutions: substitutions)
        return (context, space, S3StateURL(bucket: bucket, prefix: "team/auth"), substitutions, "s3-\(unique)")
    }

    /// `smsauth reconcile DIR --no-color ARGS` with no --status-dir (the state comes from the arguments or environment).
    static func reconcile(_ space: Workspace, _ arguments: [String], environment: [String: String]) async throws
        -> CLIRunner.Result {
        try await CLIRunner.run(["reconcile", space.manifests.path, "--no-color"] + arguments, environment: environment)
    }

    /// The default status folder of a work folder, which an S3 state never creates.
    static func defaultStatusFolder(_ space: Workspace) -> URL {
        space.root.appendingPathComponent(".smsauth")
    }

    @Test func aFreshFolderPlansWhatTheApplyingFolderPlans() async throws {
        let (context, a, state, substitutions, pool) = try await Self.demo()
        defer { a.remove() }
        let applied = try await Self.reconcile(a, ["--state", state.description], environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Self.defaultStatusFolder(a).path), "no local status")
        #expect(try await context.ownedPools(named: pool).count == 1)

        try a.delete("app-client.yaml")
        let planA = try await Self.reconcile(a, ["--state", state.description, "--dry-run", "--detailed-exitcode"],
                                             environment: context.environment)
        #expect(planA.status == 2, "\(planA.stdout)\(planA.stderr)")
        #expect(planA.stdout.contains("- AppClient/web"), "\(planA.stdout)")

        // Work folder B: the same manifests, no local files; the state from SMSAUTH_STATE.
        let b = try Workspace(copying: ["manifests"], substitutions: substitutions)
        defer { b.remove() }
        try b.delete("app-client.yaml")
        var environment = context.environment
        environment["SMSAUTH_STATE"] = state.description
        let planB = try await Self.reconcile(b, ["--dry-run", "--detailed-exitcode"], environment: environment)
        #expect(planB.status == 2, "\(planB.stdout)\(planB.stderr)")
        #expect(planB.stdout == planA.stdout)

        // Work folder C: the state named by its settings document; `smsauth status` reads the same records.
        let c = try Workspace(copying: ["manifests"], substitutions: substitutions)
        defer { c.remove() }
        let settings = try c.read("smsauth.yaml")
        try c.write("smsauth.yaml", settings + "  state: \(state.description)\n")
        let status = try await CLIRunner.run(["status", c.manifests.path, "--output", "json"],
                                             environment: context.environment)
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let names = (rows["resources"] as? [[String: Any]])?.compactMap { "\($0["kind"] ?? "")/\($0["name"] ?? "")" }
        #expect(Set(names ?? []) == ["UserPool/\(pool)", "AppClient/web", "SmsRole/cognito-sms", "MfaPolicy/demo-mfa"])
        #expect(!FileManager.default.fileExists(atPath: Self.defaultStatusFolder(b).path))
        #expect(!FileManager.default.fileExists(atPath: Self.defaultStatusFolder(c).path))

        // The delete applied from B; A then has nothing to do, and no lock is left behind.
        let deleted = try await Self.reconcile(b, [], environment: environment)
        #expect(deleted.status == 0, "\(deleted.stdout)\(deleted.stderr)")
        let after = try await Self.reconcile(a, ["--state", state.description, "--dry-run", "--detailed-exitcode"],
                                             environment: context.environment)
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        let s3 = S3(client: context.reader, region: Self.region)
        #expect(try await s3.getObject(bucket: state.bucket, key: state.objectKey("lock.json")) == nil)
        #expect(try await s3.getObject(bucket: state.bucket, key: state.objectKey("state.json")) != nil)
    }

    /// Two work folders apply to one S3 state at once, each as its own principal: one applies, the other exits 1
    /// naming the holder (its folder, host, pid) after only the lock's S3 calls; one pool exists.
    @Test func concurrentAppliesOnOneStateOneWins() async throws {
        let (context, a, state, substitutions, pool) = try await Self.demo()
        defer { a.remove() }
        let b = try Workspace(copying: ["manifests"], substitutions: substitutions)
        defer { b.remove() }
        let first = try await context.freshEnvironment()
        let second = try await context.freshEnvironment()
        let results = try await CLIRunner.runTogether([
            (["reconcile", a.manifests.path, "--no-color", "--state", state.description], first.environment),
            (["reconcile", b.manifests.path, "--no-color", "--state", state.description], second.environment),
        ])
        let keys = [first.accessKeyId, second.accessKeyId]
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map { "\($0.status): \($0.stdout)\($0.stderr)" })")
        for (index, result) in results.enumerated() where result.status != 0 {
            #expect(result.status == 1)
            #expect(result.stderr.contains("holds the lock \(state.description)/lock.json"), "\(result.stderr)")
            let winner = index == 0 ? b : a
            #expect(result.stderr.contains("smsauth reconcile \(winner.manifests.path)"), "\(result.stderr)")
            #expect(result.stderr.range(of: "pid [0-9]+ on host .+ since [0-9]{4}-", options: .regularExpression) != nil)
            let calls = try await context.emulator.calls(accessKeyId: keys[index])
            #expect(calls.allSatisfy { $0.service == "s3" }, "only the lock's calls: \(calls.map(\.operation))")
        }
        #expect(try await context.ownedPools(named: pool).count == 1)
    }

    /// A missing bucket stops the run before any other AWS call, naming the bucket.
    @Test func aMissingBucketIsNamed() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let space = try Workspace(copying: ["manifests"])
        defer { space.remove() }
        let bucket = Emulator.uniqueBucketName("no-such")
        let result = try await Self.reconcile(space, ["--state", "s3://\(bucket)/x", "--dry-run"],
                                              environment: context.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the S3 bucket \(bucket) does not exist"), "\(result.stderr)")
        let calls = try await context.emulator.calls(accessKeyId: context.principal.accessKeyId)
        #expect(calls.map(\.operation) == ["GetObject"])
    }

    /// `smsauth state migrate` copies a local status folder into an empty S3 state, which `status` then reads; a
    /// second migration to the same (now non-empty) target is refused and changes nothing.
    @Test func migrateCopiesALocalFolderOnce() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let space = try Workspace(copying: ["manifests"])
        defer { space.remove() }
        let bucket = Emulator.uniqueBucketName("smsauth-migrate")
        try await context.emulator.createBucket(bucket, region: Self.region, as: context.principal)
        let local = StatusStore(directory: space.statusDirectory)
        for (kind, name) in [(ResourceKind.userPool, "demo"), (.appClient, "web")] {
            try local.write(ResourceStatus(kind: kind, name: name, specHash: "sha256:1", phase: .ready))
        }
        let target = "s3://\(bucket)/migrated"
        let migrated = try await CLIRunner.run(["state", "migrate", "--from", space.statusDirectory.path, "--to", target],
                                               environment: context.environment)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.contains("Migrated 2 status record(s)"), "\(migrated.stdout)")
        let status = try await CLIRunner.run(["status", space.manifests.path, "--state", target, "--output", "json"],
                                             environment: context.environment)
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((rows["resources"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["demo", "web"])
        let s3 = S3(client: context.reader, region: Self.region)
        let before = try await s3.getObject(bucket: bucket, key: "migrated/state.json")
        #expect(try await s3.getObject(bucket: bucket, key: "migrated/lock.json") == nil)

        let again = try await CLIRunner.run(["state", "migrate", "--from", space.statusDirectory.path, "--to", target],
                                            environment: context.environment)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(target) is not empty (state.json)"), "\(again.stderr)")
        #expect(try await s3.getObject(bucket: bucket, key: "migrated/state.json") == before)
    }
}
