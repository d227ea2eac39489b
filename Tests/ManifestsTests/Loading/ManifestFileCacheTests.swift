import Foundation
import Testing
@testable import Manifests

/// Loading through a `ManifestFileCache`: only files whose bytes changed are parsed again, and the result is
/// always the one a fresh load gives.
@Suite struct ManifestFileCacheTests {
    static func role(_ name: String, _ roleName: String) -> String {
        TestSupport.doc("SmsRole", name, ["roleName: \(roleName)", "externalId: e"])
    }

    @Test func parsesOnlyChangedFilesAndMatchesAFreshLoad() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role("one", "r1"), to: "one.yaml", in: dir)
        try TestSupport.write(Self.role("two", "r2"), to: "two.yaml", in: dir)
        try TestSupport.write(Self.role("three", "r3"), to: "sub/three.yaml", in: dir)
        let cache = ManifestFileCache()
        let loader = ManifestLoader()

        #expect(loader.load(directory: dir.path, cache: cache) == loader.load(directory: dir.path))
        #expect(cache.parsedFiles == 3)
        #expect(loader.load(directory: dir.path, cache: cache) == loader.load(directory: dir.path))
        #expect(cache.parsedFiles == 3)

        try TestSupport.write(Self.role("two", "r2-renamed"), to: "two.yaml", in: dir)
        try TestSupport.write("not: [valid", to: "broken.yaml", in: dir)
        let changed = loader.load(directory: dir.path, cache: cache)
        #expect(changed == loader.load(directory: dir.path))
        #expect(changed.hasErrors)
        #expect(cache.parsedFiles == 5)
    }

    /// A removed file is forgotten: put back with the same bytes, it is parsed again, and a duplicate it causes
    /// across files is still reported.
    @Test func removedFilesAreForgotten() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestSupport.write(Self.role("one", "r1"), to: "one.yaml", in: dir)
        let cache = ManifestFileCache()
        _ = ManifestLoader().load(directory: dir.path, cache: cache)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("one.yaml"))
        #expect(ManifestLoader().load(directory: dir.path, cache: cache).manifests.isEmpty)
        try TestSupport.write(Self.role("one", "r1"), to: "one.yaml", in: dir)
        try TestSupport.write(Self.role("one", "r1"), to: "copy.yaml", in: dir)
        let again = ManifestLoader().load(directory: dir.path, cache: cache)
        #expect(cache.parsedFiles == 3)
        #expect(again.diagnostics.map(\.code) == ["duplicate-resource"])
    }
}
