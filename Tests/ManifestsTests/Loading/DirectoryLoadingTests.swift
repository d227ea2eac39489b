import Foundation
import Testing
@testable import Manifests

/// Loading a directory: recursion, dot-files, order, duplicates across files and size limits.
@Suite struct DirectoryLoadingTests {
    static let role = TestSupport.doc("SmsRole", "role", ["roleName: r", "externalId: e"])

    @Test func readsYamlFilesRecursivelyInPathOrderSkippingDotNames() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(TestSupport.docs(TestSupport.doc("SandboxNumber", "b", ["phoneNumber: \"+14155550100\""]),
                                               TestSupport.doc("SandboxNumber", "a", ["phoneNumber: \"+14155550101\""])),
                              to: "z/numbers.yml", in: dir)
        try TestSupport.write(Self.role, to: "a.yaml", in: dir)
        try TestSupport.write("not: [valid", to: ".hidden/broken.yaml", in: dir)
        try TestSupport.write("not: [valid", to: ".broken.yaml", in: dir)
        try TestSupport.write("not: [valid", to: "notes.txt", in: dir)
        try TestSupport.write("", to: "empty.yaml", in: dir)
        let result = ManifestLoader().load(directory: dir.path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifests.map(\.id.description) == ["SmsRole/role", "SandboxNumber/b", "SandboxNumber/a"])
        #expect(result.manifests.map(\.documentIndex) == [0, 0, 1])
        #expect(result.files == ["\(dir.path)/a.yaml", "\(dir.path)/empty.yaml", "\(dir.path)/z/numbers.yml"])
    }

    @Test func duplicateKindAndNameNamesBothPlaces() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role, to: "one.yaml", in: dir)
        try TestSupport.write(Self.role, to: "two.yaml", in: dir)
        let result = ManifestLoader().load(directory: dir.path + "/")
        #expect(result.diagnostics.map(\.description) == [
            "\(dir.path)/two.yaml:3:18: error: duplicate SmsRole 'role': already defined at \(dir.path)/one.yaml:3:18",
        ])
        #expect(result.manifests.count == 1)
    }

    @Test func refusesFilesOverOneMebibyte() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write("# " + String(repeating: "x", count: ManifestLoader.maxFileSize), to: "big.yaml", in: dir)
        let result = ManifestLoader().load(directory: dir.path)
        #expect(result.diagnostics.map(\.code) == ["file-too-large"])
        #expect(result.diagnostics.first?.location?.line == 1)
    }

    @Test func missingDirectoryIsADiagnostic() {
        let result = ManifestLoader().load(directory: "/nonexistent/smsauth-manifests")
        #expect(result.diagnostics.map(\.description) == [
            "error: manifest directory '/nonexistent/smsauth-manifests' does not exist or is not a directory",
        ])
    }

    @Test(arguments: [("./manifests", "manifests"), ("manifests/", "manifests"), (".", ""), ("/a/b//", "/a/b")])
    func displayPrefixIsTheDirectoryAsGiven(_ given: String, _ shown: String) {
        #expect(ManifestLoader.displayPrefix(given) == shown)
    }

    @Test func symlinkLoopsTerminate() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role, to: "sub/a.yaml", in: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path,
                                                   withDestinationPath: dir.path)
        let result = ManifestLoader().load(directory: dir.path)
        #expect(result.manifests.count == 1)
        #expect(result.diagnostics.isEmpty, "a link to a directory already read is read once, not an error")
    }

    @Test func linkedFilesAreRead() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role, to: "elsewhere/role.yml", in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("m"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("m/role.yaml").path,
                                                   withDestinationPath: dir.appendingPathComponent("elsewhere/role.yml").path)
        let result = ManifestLoader().load(directory: dir.appendingPathComponent("m").path)
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["role.yaml"])
        #expect(result.manifests.count == 1)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aFileOfExactlyTheLimitIsReadAndOneByteMoreRefused() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let padded = Self.role + "#" + String(repeating: "x", count: ManifestLoader.maxFileSize - Self.role.utf8.count - 1)
        try TestSupport.write(padded, to: "a.yaml", in: dir)
        try TestSupport.write(padded + "x", to: "b.yaml", in: dir)
        let result = ManifestLoader().load(directory: dir.path)
        #expect(result.manifests.count == 1)
        #expect(result.diagnostics.map(\.code) == ["file-too-large"])
        #expect(result.diagnostics.first?.location?.file.hasSuffix("b.yaml") == true)
    }
}
