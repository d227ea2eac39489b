import AWSServices
import Foundation
import Manifests
import Reconciler
import Testing
import TestSupport

/// The state on S3 with the real binary: a plan from a fresh work folder equals the plan of the folder that applied;
/// concurrent applies on one S3 state, one wins and the other exits 1 naming the holder. The sets hold SMS roles only
/// (IAM is global and the role names are the test's own, so no other suite sees them), with an owner of the test's own;
/// the bucket is in ca-west-1.
@Suite("S3 state end to end", .timeLimit(.minutes(8)))
struct S3StateEndToEndTests {
    static let region = "ca-west-1"

    /// A context, a fresh bucket, and a work folder with two SMS roles (`first`, `second`) of unique names.
    static func demo() async throws -> (EndToEndContext, Workspace, S3StateURL, unique: String) {
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let bucket = Emulator.uniqueBucketName("smsauth-state")
        try await context.emulator.createBucket(bucket, region: region, as: context.principal)
        return (context, try folder(unique), S3StateURL(bucket: bucket, prefix: "team/auth"), String(unique))
    }

    /// A work folder holding the settings (owner `s3-UNIQUE`) and the SMS roles `first` and `second`, deleted when
    /// their manifest is removed.
    static func folder(_ unique: String) throws -> Workspace {
        let space = try Workspace(copying: [])
        try space.write("smsauth.yaml", "apiVersion: smsauth/v1\nkind: Settings\nspec:\n  owner: s3-\(unique)\n")
        for name in ["first", "second"] {
            try space.write("\(name).yaml", """
                apiVersion: smsauth/v1
                kind: SmsRole
                metadata: {name: \(name)}
                spec: {roleName: s3-\(unique)-\(name), externalId: 5893f8da-377e-43b2-a8d4-60ce673e8f8f}
                policy: {onDelete: Delete}

                """)
        }
        return space
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
        let (context, a, state, unique) = try await Self.demo()
        defer { a.remove() }
        let applied = try await Self.reconcile(a, ["--state", state.description], environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Self.defaultStatusFolder(a).path), "no local status")
        #expect(try await context.iam.getRole(name: "s3-\(unique)-second") != nil)

        try a.delete("second.yaml")
        let planA = try await Self.reconcile(a, ["--state", state.description, "--dry-run", "--detailed-exitcode"],
                                             environment: context.environment)
        #expect(planA.status == 2, "\(planA.stdout)\(planA.stderr)")
        #expect(planA.stdout.contains("- SmsRole/second"), "\(planA.stdout)")

        // Work folder B: the same manifests, no local files; the state from SMSAUTH_STATE. A dry run costs one S3 call.
        let b = try Self.folder(unique)
        defer { b.remove() }
        try b.delete("second.yaml")
        let fresh = try await context.freshEnvironment()
        var environment = fresh.environment
        environment["SMSAUTH_STATE"] = state.description
        let planB = try await Self.reconcile(b, ["--dry-run", "--detailed-exitcode"], environment: environment)
        #expect(planB.status == 2, "\(planB.stdout)\(planB.stderr)")
        #expect(planB.stdout == planA.stdout)
        let s3Calls = try await context.emulator.calls(accessKeyId: fresh.accessKeyId).filter { $0.service == "s3" }
        #expect(s3Calls.map(\.operation) == ["GetObject"])

        // Work folder C: the state named by its settings document; `smsauth status` reads the same records.
        let c = try Self.folder(unique)
        defer { c.remove() }
        let settings = try c.read("smsauth.yaml")
        try c.write("smsauth.yaml", settings + "  state: \(state.description)\n")
        let status = try await CLIRunner.run(["status", c.manifests.path, "--output", "json"],
                                             environment: context.environment)
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let names = (rows["resources"] as? [[String: Any]])?.compactMap { "\($0["kind"] ?? "")/\($0["name"] ?? "")" }
        #expect(names == ["SmsRole/first", "SmsRole/second"])
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
    /// naming the holder (its folder, host, pid) after only the lock's S3 calls; the state records each role once.
    @Test func concurrentAppliesOnOneStateOneWins() async throws {
        let (context, a, state, unique) = try await Self.demo()
        defer { a.remove() }
        let b = try Self.folder(unique)
        defer { b.remove() }
        let first = try await context.freshEnvironment()
        let second = try await context.freshEnvironment()
        // Whichever takes the lock holds it at least 3 s (its first CreateRole waits), so the other, started at the
        // same time, meets it instead of finding the first one already done.
        try await context.emulator.injectFaults([first.accessKeyId, second.accessKeyId].map { key in
            .init(service: "iam", operation: "CreateRole", kind: "latency", accessKeyId: key, count: 1, latencyMs: 3000)
        })
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
        let stored = try await S3(client: context.reader, region: Self.region)
            .getObject(bucket: state.bucket, key: state.objectKey("state.json"))
        let data = try #require(stored).data
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let names = (document["statuses"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["first", "second"], "each resource recorded once")
    }

    /// Lost state on S3: after an apply, `state.json` is deleted and a manifest removed; a dry run finds the role by
    /// its owner tags (an absent state counts as lost) and shows it, planned by the kind's default delete policy
    /// (an SmsRole's is Retain: the manifest that said Delete is gone with the state).
    @Test func aLostStateStillShowsTheOrphan() async throws {
        let (context, space, state, _) = try await Self.demo()
        defer { space.remove() }
        let applied = try await Self.reconcile(space, ["--state", state.description], environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let s3 = S3(client: context.reader, region: Self.region)
        try await s3.deleteObject(bucket: state.bucket, key: state.objectKey("state.json"))
        try space.delete("second.yaml")
        let plan = try await Self.reconcile(space, ["--state", state.description, "--dry-run"],
                                            environment: context.environment)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("= SmsRole/second: no manifest or status file names it; found by its smsauth:owner tag "
            + "(lost-state rediscovery); its manifest is gone and policy.onDelete is Retain: left in AWS"), "\(plan.stdout)")
        #expect(plan.stdout.contains("1 retained, 1 unchanged."), "\(plan.stdout)")
        #expect(try await s3.getObject(bucket: state.bucket, key: state.objectKey("state.json")) == nil,
                "a dry run writes nothing")
    }

    /// A controller starting on a lost S3 state finds the role no manifest names by its owner tags and records it,
    /// so its first full sync plans the removal by the kind's default delete policy (Retain: released, left in IAM).
    @Test func aControllerOnALostStateRediscoversTheOrphan() async throws {
        let (context, space, state, unique) = try await Self.demo()
        defer { space.remove() }
        let applied = try await Self.reconcile(space, ["--state", state.description], environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let s3 = S3(client: context.reader, region: Self.region)
        try await s3.deleteObject(bucket: state.bucket, key: state.objectKey("state.json"))
        try space.delete("second.yaml")
        let controller = try ControllerProcess([space.manifests.path, "--state", state.description,
                                                "--listen", "127.0.0.1:0", "--prune-delay", "0"],
                                               environment: context.environment, directory: space.root)
        defer { controller.stop() }
        #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
        #expect(controller.log.contains("the state is empty: found resources of this owner by their tags"),
                "\(controller.log)")
        #expect(controller.log.contains("SmsRole/second"), "\(controller.log)")
        // The removal is confirmed by a second read of the folder and reconciled on its own, possibly after the full
        // sync is done: the orphan is released eventually.
        let released = try await Poll.until(timeout: .seconds(60)) { () async throws -> Bool? in
            guard let stored = try await s3.getObject(bucket: state.bucket, key: state.objectKey("state.json")),
                  let document = try JSONSerialization.jsonObject(with: stored.data) as? [String: Any] else { return nil }
            let names = (document["statuses"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            return names == ["first"] ? true : nil
        }
        #expect(released == true, "the orphan was released: \(controller.log)")
        #expect(try await context.iam.getRole(name: "s3-\(unique)-second") != nil, "Retain leaves the role")
    }

    /// A missing bucket stops the run before any other AWS call, naming the bucket.
    @Test func aMissingBucketIsNamed() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let space = try Self.folder(UUID().uuidString.prefix(8).lowercased())
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
        let space = try Self.folder(UUID().uuidString.prefix(8).lowercased())
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

    /// A folder without status files is a wrong `--from`: migrating it used to write an empty state.json, which then
    /// refused the migration of the right folder and switched off rediscovery there. Nothing is written now.
    @Test func migrateRefusesAFolderWithoutStatusFiles() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let space = try Self.folder(UUID().uuidString.prefix(8).lowercased())
        defer { space.remove() }
        let bucket = Emulator.uniqueBucketName("smsauth-migrate-empty")
        try await context.emulator.createBucket(bucket, region: Self.region, as: context.principal)
        let migrated = try await CLIRunner.run(["state", "migrate", "--from", space.manifests.path,
                                                "--to", "s3://\(bucket)/m"], environment: context.environment)
        #expect(migrated.status == 1)
        #expect(migrated.stderr.contains("holds no status file; nothing to migrate"), "\(migrated.stderr)")
        let s3 = S3(client: context.reader, region: Self.region)
        #expect(try await s3.getObject(bucket: bucket, key: "m/state.json") == nil)
    }

    /// What a reconcile would pass over in the folder (a folder named after no kind, another file) would be left
    /// behind by a copy: it is refused, naming the entries, and nothing is written.
    @Test func migrateRefusesAFolderHoldingWhatIsNotAStatusRecord() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let space = try Self.folder(UUID().uuidString.prefix(8).lowercased())
        defer { space.remove() }
        let bucket = Emulator.uniqueBucketName("smsauth-migrate-stray")
        try await context.emulator.createBucket(bucket, region: Self.region, as: context.principal)
        try StatusStore(directory: space.statusDirectory)
            .write(ResourceStatus(kind: .userPool, name: "demo", specHash: "sha256:1", phase: .ready))
        let stray = space.statusDirectory.appendingPathComponent("Bogus")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: stray.appendingPathComponent("x.json"))
        let migrated = try await CLIRunner.run(["state", "migrate", "--from", space.statusDirectory.path,
                                                "--to", "s3://\(bucket)/m"], environment: context.environment)
        #expect(migrated.status == 1)
        #expect(migrated.stderr.contains("holds what is not a status record: Bogus;"), "\(migrated.stderr)")
        let s3 = S3(client: context.reader, region: Self.region)
        #expect(try await s3.getObject(bucket: bucket, key: "m/state.json") == nil)
        #expect(try await s3.getObject(bucket: bucket, key: "m/lock.json") == nil)
    }

    /// `--from` must be a folder, and the global state options, which `--from`/`--to` replace, are refused.
    @Test(arguments: [["--from", "s3://some-bucket/x"], ["--from", "S3://some-bucket/x"],
                      ["--from", "/tmp", "--state", "s3://some-bucket/y"], ["--from", "/tmp", "--status-dir", "/tmp/s"]])
    func migrateRefusesSourcesThatAreNotFolders(_ arguments: [String]) async throws {
        let result = try await CLIRunner.run(["state", "migrate", "--to", "s3://some-bucket/z"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
    }
}
