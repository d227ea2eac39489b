import Foundation
import Glibc
import Testing

/// What cannot be read is an error, never an absence, with the real binary: after the default set is applied, an
/// app client's manifest that becomes a dangling link, a FIFO, or sits in a sub-folder (or a manifest folder) the
/// user cannot read makes `validate`, `reconcile --dry-run` and `reconcile` exit 1 naming the path, with no AWS call
/// at all (the emulator's call log of a fresh principal stays empty) and the client and its status file still there.
@Suite("Unreadable manifest folders end to end", .timeLimit(.minutes(8)))
struct UnreadableFolderEndToEndTests {
    /// `setpriv` to run the binary as `nobody` when the tests run as root (for whom permission bits do not apply);
    /// nothing otherwise, since the test's own user is then subject to them.
    static let unprivileged: [String] = geteuid() == 0
        ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []

    /// Runs `validate`, `reconcile --dry-run` and `reconcile` on the workspace as a fresh principal; each must exit 1
    /// and print `expected`. Then checks that the principal made no AWS call and that the app client and its status
    /// file are still there.
    static func expectRefused(_ space: Workspace, _ context: EndToEndContext, poolId: String, printing expected: String,
                              launcher: [String] = []) async throws {
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let runs: [[String]] = [
            ["validate", space.manifests.path],
            ["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path, "--no-color", "--dry-run"],
            ["reconcile", space.manifests.path, "--status-dir", space.statusDirectory.path, "--no-color"],
        ]
        for arguments in runs {
            let result = try await CLIRunner.run(arguments, environment: environment, launcher: launcher)
            #expect(result.status == 1, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(expected), "\(arguments): \(result.stdout)\(result.stderr)")
        }
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty, "no AWS call at all")
        #expect(try await context.cognito.listUserPoolClients(poolId: poolId).map(\.clientName) == ["demo-web"],
                "the client is still there")
        #expect(RemovalEndToEndTests.hasStatus(space, "AppClient/web"))
    }

    @Test func aDanglingLinkInsteadOfAManifest() async throws {
        let (context, space, _) = try await RemovalEndToEndTests.demo(region: "mx-central-1", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        let target = space.root.appendingPathComponent("app-client.yaml")
        try FileManager.default.moveItem(at: space.manifests.appendingPathComponent("app-client.yaml"), to: target)
        try FileManager.default.createSymbolicLink(atPath: space.manifests.appendingPathComponent("app-client.yaml").path,
                                                   withDestinationPath: target.path)
        let linked = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(linked.status == 0, "through the link the folder is unchanged: \(linked.stdout)\(linked.stderr)")

        try FileManager.default.removeItem(at: target)
        try await Self.expectRefused(space, context, poolId: pool.id, printing: "\(space.manifests.path)/app-client.yaml:1:1: "
                                     + "error: symbolic link points to '\(target.path)', which does not exist")
    }

    @Test func aFIFOInsteadOfAManifest() async throws {
        let (context, space, _) = try await RemovalEndToEndTests.demo(region: "us-west-1", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        try space.delete("app-client.yaml")
        #expect(mkfifo(space.manifests.appendingPathComponent("app-client.yaml").path, 0o644) == 0)
        try await Self.expectRefused(space, context, poolId: pool.id, printing: "\(space.manifests.path)/app-client.yaml:1:1: "
                                     + "error: a FIFO named like a manifest: a manifest must be a regular file")
    }

    @Test func aSubFolderOrTheFolderTheUserCannotRead() async throws {
        let (context, space, _) = try await RemovalEndToEndTests.demo(region: "eu-west-2", poolOnDelete: nil)
        defer { space.remove() }
        let pool = try await context.ownedPool(named: "demo")
        let clients = space.manifests.appendingPathComponent("clients")
        try FileManager.default.createDirectory(at: clients, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: space.manifests.appendingPathComponent("app-client.yaml"),
                                         to: clients.appendingPathComponent("app-client.yaml"))
        let moved = try await CLIRunner.run(["validate", space.manifests.path], launcher: Self.unprivileged)
        #expect(moved.status == 0, "readable as the unprivileged user: \(moved.stdout)\(moved.stderr)")
        #expect(moved.stdout.hasSuffix("4 resources in 5 files: 0 errors, 0 warnings\n"), "\(moved.stdout)")

        #expect(chmod(clients.path, 0) == 0)
        try await Self.expectRefused(space, context, poolId: pool.id, printing: "\(clients.path):1:1: error: directory "
                                     + "cannot be read: Permission denied", launcher: Self.unprivileged)
        #expect(chmod(clients.path, 0o755) == 0)

        #expect(chmod(space.manifests.path, 0) == 0)
        defer { _ = chmod(space.manifests.path, 0o755) }
        try await Self.expectRefused(space, context, poolId: pool.id, printing: "\(space.manifests.path):1:1: error: "
                                     + "directory cannot be read: Permission denied", launcher: Self.unprivileged)
    }
}
