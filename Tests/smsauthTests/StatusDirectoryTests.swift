import Foundation
import Testing

@testable import smsauth

/// The default status folder, `<parent>/.smsauth/<name>/status` of the manifest folder's real path, and the refusal
/// to guess when status files sit at the shared default of earlier versions (`<DIR>/../.smsauth/status`).
@Suite struct StatusDirectoryTests {
    /// A fresh folder with `examples/a` and `examples/b` (each holding one valid manifest) and a symlink
    /// `link -> examples/a`; removed by the caller.
    static func siblings() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-statusdir-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        for name in ["a", "b"] {
            let folder = root.appendingPathComponent("examples/\(name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("""
                apiVersion: smsauth/v1
                kind: SmsRole
                metadata: {name: role-\(name)}
                spec: {roleName: role-\(name), externalId: 5893f8da-377e-43b2-a8d4-60ce673e8f8f}

                """.utf8).write(to: folder.appendingPathComponent("role.yaml"))
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path,
                                                   withDestinationPath: "examples/a")
        return root
    }

    /// An environment that can reach no AWS endpoint but a closed loopback port, so a command that got past the
    /// status folder by mistake fails instead of calling anything.
    static let offline = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
                          "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "us-east-1"]

    /// Sibling folders get different folders; `.`, a trailing slash, `..` and a symlink name the real folder's.
    @Test func defaultIsPerFolderAndFollowsTheRealPath() throws {
        let root = try Self.siblings()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("examples/.smsauth/a/status").path
        let b = root.appendingPathComponent("examples/.smsauth/b/status").path
        for spelling in ["examples/a", "examples/a/", "examples/b/../a", "link", "link/"] {
            #expect(StatusDirectory.defaultLocation(manifests: root.path + "/" + spelling).path == a, "\(spelling)")
        }
        #expect(StatusDirectory.defaultLocation(manifests: root.path + "/examples/b").path == b)
        #expect(StatusDirectory.defaultLocation(manifests: root.path + "/missing").path
            == root.appendingPathComponent(".smsauth/missing/status").path)
    }

    /// `smsauth status` (no AWS) shows which folder each sibling uses; `.` run inside a folder is that folder.
    @Test func siblingsUseDifferentFolders() async throws {
        let root = try Self.siblings()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a", "b"] {
            let expected = "No status files in \(root.path)/examples/.smsauth/\(name)/status.\n"
            let result = try await CLIRunner.run(["status", "examples/\(name)"], directory: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expected)
            for dot in [".", "./"] {
                let inside = try await CLIRunner.run(["status", dot],
                                                     directory: root.appendingPathComponent("examples/\(name)"))
                #expect(inside.stdout == expected, "\(dot)")
            }
        }
    }

    /// Status files at the old shared default and no new folder: every command that resolves the status folder
    /// exits 1 with the exact `mv` and `--status-dir` fixes, before any AWS call; `--status-dir` or an existing new
    /// folder makes the old one irrelevant.
    @Test func legacyStatusFilesStopEveryCommand() async throws {
        let root = try Self.siblings()
        defer { try? FileManager.default.removeItem(at: root) }
        let legacy = root.appendingPathComponent("examples/.smsauth/status")
        try FileManager.default.createDirectory(at: legacy.appendingPathComponent("SmsRole"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: legacy.appendingPathComponent("SmsRole/role-a.json"))
        let current = root.appendingPathComponent("examples/.smsauth/a/status")
        let commands: [[String]] = [["status", "examples/a"], ["reconcile", "examples/a"],
                                    ["reconcile", "examples/a", "--dry-run"], ["doctor", "examples/a"],
                                    ["verify", "x", "--code", "123456", "examples/a"],
                                    ["controller", "examples/a", "--listen", "127.0.0.1:0"]]
        for command in commands {
            let result = try await CLIRunner.run(command, environment: Self.offline, directory: root)
            #expect(result.status == 1, "\(command): \(result.stdout)\(result.stderr)")
            let fix = "mkdir -p '\(current.deletingLastPathComponent().path)' && mv '\(legacy.path)' '\(current.path)'"
            #expect(result.stderr.contains(fix), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("pass --status-dir '\(legacy.path)'"), "\(command)")
            #expect(!FileManager.default.fileExists(atPath: current.path), "\(command)")
        }
        let explicit = try await CLIRunner.run(["status", "examples/a", "--status-dir", legacy.path], directory: root)
        #expect(explicit.status == 1, "the hand-written legacy file is not a valid status file")
        #expect(explicit.stderr.contains("status.corrupt"), "\(explicit.stderr)")
        try FileManager.default.createDirectory(at: current, withIntermediateDirectories: true)
        let moved = try await CLIRunner.run(["status", "examples/a"], directory: root)
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "No status files in \(current.path).\n")
    }
}
