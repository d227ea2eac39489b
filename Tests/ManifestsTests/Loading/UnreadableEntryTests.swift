import Foundation
import Glibc
import Testing
@testable import Manifests

/// What cannot be read is an error, never an absence: directories that cannot be opened, links that cannot be
/// resolved and special files named like manifests are diagnostics with their path, and everything else is still read.
@Suite struct UnreadableEntryTests {
    static let role = TestSupport.doc("SmsRole", "role", ["roleName: r", "externalId: e"])

    /// A directory holding `role.yaml`, removed by the caller.
    static func directoryWithRole() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(role, to: "role.yaml", in: dir)
        return dir
    }

    /// `code @ path-below-dir: message` of each diagnostic, for readable comparisons.
    static func described(_ result: LoadResult, below dir: URL) -> [String] {
        result.diagnostics.map { diagnostic in
            let file = diagnostic.location?.file ?? "-"
            let relative = file.hasPrefix(dir.path + "/") ? String(file.dropFirst(dir.path.count + 1)) : file
            return "\(diagnostic.code) @ \(relative):\(diagnostic.location?.line ?? 0): \(diagnostic.message)"
        }
    }

    @Test func aDanglingLinkIsAnErrorWhateverItsName() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/extra.yaml", withDestinationPath: "gone.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/NOTES", withDestinationPath: "/nonexistent/x")
        let result = ManifestLoader().load(directory: dir.path)
        #expect(Self.described(result, below: dir) == [
            "dangling-link @ NOTES:1: symbolic link points to '/nonexistent/x', which does not exist",
            "dangling-link @ extra.yaml:1: symbolic link points to 'gone.yaml', which does not exist",
        ])
        #expect(result.manifests.map(\.id.description) == ["SmsRole/role"], "the readable file is still read")
        #expect(result.hasErrors)
    }

    @Test func aLoopOfLinksIsAnError() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/b.yaml", withDestinationPath: "a.yaml")
        let result = ManifestLoader().load(directory: dir.path)
        #expect(Self.described(result, below: dir) == [
            "link-loop @ a.yaml:1: symbolic link cannot be resolved: it leads to a loop of links",
            "link-loop @ b.yaml:1: symbolic link cannot be resolved: it leads to a loop of links",
        ])
    }

    @Test func specialFilesNamedLikeManifestsAreErrorsAndOthersIgnored() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/sub", withIntermediateDirectories: true)
        #expect(mkfifo(dir.path + "/sub/x.yaml", 0o600) == 0)
        #expect(mkfifo(dir.path + "/LOUD.YML", 0o600) == 0)
        #expect(mkfifo(dir.path + "/pipe", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/null.yaml", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/null", withDestinationPath: "/dev/null")
        let result = ManifestLoader().load(directory: dir.path)
        #expect(Self.described(result, below: dir) == [
            "not-a-regular-file @ LOUD.YML:1: a FIFO named like a manifest: a manifest must be a regular file (or a "
                + "link to one)",
            "not-a-regular-file @ null.yaml:1: a device named like a manifest: a manifest must be a regular file (or "
                + "a link to one)",
            "not-a-regular-file @ sub/x.yaml:1: a FIFO named like a manifest: a manifest must be a regular file (or "
                + "a link to one)",
        ])
        #expect(result.manifests.count == 1)
    }

    @Test func aFileReplacedByAFIFOAfterTheWalkIsRefusedWithoutBlocking() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.path + "/x.yaml", 0o600) == 0)
        guard case .notRegular(let what) = ManifestFiles.read(dir.path + "/x.yaml", limit: 10) else {
            Issue.record("a FIFO must not be read")
            return
        }
        #expect(what == "a FIFO")
    }

    @Test func aSubdirectoryThatCannotBeOpenedIsAnError() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role.replacingOccurrences(of: "name: role", with: "name: hidden"),
                              to: "private/hidden.yaml", in: dir)
        let listing = ManifestFiles.list(below: dir.path) { path in
            guard !path.hasSuffix("/private") else {
                errno = EACCES
                return nil
            }
            return opendir(path)
        }
        let result = ManifestLoader().load(listing, directory: dir.path, cache: nil)
        #expect(Self.described(result, below: dir) == [
            "unreadable-directory @ private:1: directory cannot be read: Permission denied",
        ])
        #expect(result.manifests.map(\.id.description) == ["SmsRole/role"])
    }

    @Test func theManifestDirectoryItselfThatCannotBeOpenedIsAnError() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        let listing = ManifestFiles.list(below: dir.path) { _ in
            errno = EACCES
            return nil
        }
        let result = ManifestLoader().load(listing, directory: dir.path, cache: nil)
        #expect(result.diagnostics.map(\.description) == [
            "\(dir.path):1:1: error: directory cannot be read: Permission denied",
        ])
        #expect(result.files.isEmpty && result.manifests.isEmpty)
    }

    @Test func aDirectoryThatVanishesBetweenListingAndOpeningIsAnError() throws {
        let dir = try Self.directoryWithRole()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role.replacingOccurrences(of: "name: role", with: "name: other"),
                              to: "envs/qa/role.yaml", in: dir)
        let listing = ManifestFiles.list(below: dir.path) { path in
            if path.hasSuffix("/qa") { try? FileManager.default.removeItem(atPath: path) }
            return opendir(path)
        }
        let result = ManifestLoader().load(listing, directory: dir.path, cache: nil)
        #expect(Self.described(result, below: dir) == [
            "unreadable-directory @ envs/qa:1: directory cannot be read: No such file or directory",
        ])
    }

    @Test func upperCaseExtensionsAreManifests() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role, to: "ROLE.YAML", in: dir)
        try TestSupport.write(TestSupport.doc("SandboxNumber", "n", ["phoneNumber: \"+14155550100\""]),
                              to: "sub/number.Yml", in: dir)
        let result = ManifestLoader().load(directory: dir.path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifests.map(\.id.description) == ["SmsRole/role", "SandboxNumber/n"])
        #expect(result.files == ["\(dir.path)/ROLE.YAML", "\(dir.path)/sub/number.Yml"])
    }

    @Test func anUnreadableFileNamesTheReason() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(ManifestFiles.read(dir.path + "/missing.yaml", limit: 10) == .unreadable("No such file or directory"))
    }
}
