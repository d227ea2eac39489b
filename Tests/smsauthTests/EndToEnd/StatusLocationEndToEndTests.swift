import Foundation
import Testing

/// The status folder is checked before any AWS read, with the real binary: a location that cannot be written stops
/// an apply and the controller, one that cannot be read stops a dry run, each with exit 1 naming it and an empty call
/// log; a read-only folder still serves a dry run. Read-only and unreadable folders are produced by running the
/// binary as `nobody` (the tests run as root). Sibling manifest folders with the default location never share it.
@Suite("Status location end to end", .timeLimit(.minutes(8)))
struct StatusLocationEndToEndTests {
    /// Runs `command` (`reconcile` arguments, or `controller`) on `space` with `statusDirectory` as a fresh principal
    /// and expects exit 1 with `text` on standard error and no AWS call at all.
    static func expectRefusedBeforeAnyCall(_ arguments: [String], in space: Workspace, statusDirectory: URL,
                                           context: EndToEndContext, unprivileged: Bool = false,
                                           naming text: String) async throws {
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let result = try await CLIRunner.run([arguments[0], space.manifests.path, "--status-dir", statusDirectory.path]
                                                 + arguments.dropFirst(),
                                             environment: environment, unprivileged: unprivileged)
        #expect(result.status == 1, "\(arguments): \(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).isEmpty, "\(arguments): no AWS call")
    }

    /// A regular file, or a path under one, as the status location: apply, dry run and controller exit 1 naming it
    /// before any AWS call.
    @Test func regularFileRefusedBeforeAnyCall() async throws {
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "us-west-2")
        defer { space.remove() }
        try FileManager.default.removeItem(at: space.statusDirectory)
        try Data("not a folder\n".utf8).write(to: space.statusDirectory)
        let under = space.statusDirectory.appendingPathComponent("status")
        for (location, text) in [(space.statusDirectory, "status folder \(space.statusDirectory.path) is not a folder"),
                                 (under, "status folder \(under.path) cannot be used: Not a directory")] {
            for arguments in [["reconcile"], ["reconcile", "--dry-run"], ["controller", "--listen", "127.0.0.1:0"]] {
                try await Self.expectRefusedBeforeAnyCall(arguments, in: space, statusDirectory: location,
                                                          context: context, naming: text)
            }
        }
        #expect(try await context.ownedPools(named: "demo").isEmpty)
    }

    /// After an apply, a status folder made read-only for `nobody`: a dry run as `nobody` still reads it and finds
    /// nothing to change; an apply or a controller as `nobody` exits 1 naming it, before any AWS call. A folder
    /// `nobody` cannot list stops the dry run too.
    @Test func readOnlyAndUnreadableFoldersAsAnUnprivilegedUser() async throws {
        let setpriv = FileManager.default.isExecutableFile(atPath: CLIRunner.setpriv.path)
        try #require(setpriv && getuid() == 0, "needs root and \(CLIRunner.setpriv.path) to run the binary as nobody")
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "ap-southeast-6")
        defer { space.remove() }
        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let status = space.statusDirectory
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: status.path)

        let preview = try await CLIRunner.run(["reconcile", space.manifests.path, "--status-dir", status.path,
                                               "--dry-run", "--detailed-exitcode"],
                                              environment: context.environment, unprivileged: true)
        #expect(preview.status == 0, "\(preview.stdout)\(preview.stderr)")
        #expect(preview.stdout == "No changes. 4 unchanged.\n")
        let notWritable = "status folder \(status.path) is not writable: Permission denied"
        for arguments in [["reconcile"], ["controller", "--listen", "127.0.0.1:0"]] {
            try await Self.expectRefusedBeforeAnyCall(arguments, in: space, statusDirectory: status, context: context,
                                                      unprivileged: true, naming: notWritable)
        }

        try FileManager.default.setAttributes([.posixPermissions: 0o311], ofItemAtPath: status.path)
        try await Self.expectRefusedBeforeAnyCall(["reconcile", "--dry-run"], in: space, statusDirectory: status,
                                                  context: context, unprivileged: true,
                                                  naming: "status folder \(status.path) cannot be read: Permission denied")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: status.path)
        try await StatusLockEndToEndTests.expectOnePoolWithOneClient(context)
    }

    /// `examples/a` style siblings with the default status location: the second folder's apply changes nothing of
    /// the first's, each has its own status folder, and the first still plans no change.
    @Test func siblingFoldersUseTheirOwnStatusFolders() async throws {
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "eu-central-1")
        defer { space.remove() }
        let example = CognitoExample.verificationOnly
        let other = try Workspace(copying: [example.folder],
                                  substitutions: example.substitutions(role: "e2e-sib-\(UUID().uuidString.prefix(8).lowercased())")
                                      .map { ($0.0, $0.1.replacingOccurrences(of: example.region, with: context.region)) })
        defer { other.remove() }
        try FileManager.default.copyItem(at: other.manifests, to: space.root.appendingPathComponent("other"))

        let first = try await CLIRunner.run(["reconcile", "manifests", "--no-color"],
                                            environment: context.environment, directory: space.root)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let pool = try await context.ownedPool(named: "demo")
        let client = try await context.client(named: "demo-web", in: pool.id)
        let second = try await CLIRunner.run(["reconcile", "other", "--no-color"],
                                             environment: context.environment, directory: space.root)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        for address in ["AppClient/web", "UserPool/demo", "MfaPolicy/demo-mfa", "SmsRole/cognito-sms"] {
            #expect(!second.stdout.contains(address), "\(address): \(second.stdout)")
        }
        #expect(try await context.client(named: "demo-web", in: pool.id).clientId == client.clientId)
        _ = try await context.ownedPool(named: "fieldnotes")

        let statusRoot = space.root.appendingPathComponent(".smsauth")
        #expect(try FileManager.default.contentsOfDirectory(atPath: statusRoot.path).sorted()
            == ["manifests", "other"])
        for (folder, pool) in [("manifests", "demo"), ("other", "fieldnotes")] {
            let file = statusRoot.appendingPathComponent("\(folder)/status/UserPool/\(pool).json")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.path)")
        }
        let again = try await CLIRunner.run(["reconcile", "manifests", "--dry-run", "--detailed-exitcode"],
                                            environment: context.environment, directory: space.root)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
    }
}
