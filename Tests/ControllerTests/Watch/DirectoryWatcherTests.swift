import Foundation
import Testing

@testable import Controller

/// `DirectoryWatcher` on real temporary folders: each test waits (bounded) for the real inotify events.
@Suite("DirectoryWatcher")
struct DirectoryWatcherTests {
    /// A watcher on a fresh folder, with its recorder.
    struct Fixture {
        /// The watched folder.
        let folder: TemporaryFolder
        /// The watcher.
        let watcher: DirectoryWatcher
        /// Its recorded changes.
        let recorder: ChangeRecorder

        /// Watches a new temporary folder.
        init() throws {
            folder = try TemporaryFolder()
            watcher = try DirectoryWatcher(root: folder.path)
            recorder = ChangeRecorder(watcher.changes)
        }
    }

    /// Creating, modifying and deleting a file each report its path.
    @Test func createModifyDelete() async throws {
        let fixture = try Fixture()
        try fixture.folder.write("pool.yaml")
        #expect(await fixture.recorder.waitForPaths(["pool.yaml"]))
        var mark = await fixture.recorder.mark
        let handle = try FileHandle(forWritingTo: fixture.folder.url("pool.yaml"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("name: x\n".utf8))
        try handle.close()
        #expect(await fixture.recorder.waitForPaths(after: mark, ["pool.yaml"]))
        mark = await fixture.recorder.mark
        try fixture.folder.remove("pool.yaml")
        #expect(await fixture.recorder.waitForPaths(after: mark, ["pool.yaml"]))
    }

    /// An editor's save (write a hidden temp file, rename over the target) reports only the target.
    @Test func editorStyleSave() async throws {
        let fixture = try Fixture()
        try fixture.folder.write(".pool.yaml.swp", "partial")
        try fixture.folder.rename(".pool.yaml.swp", "pool.yaml")
        #expect(await fixture.recorder.waitForPaths(["pool.yaml"]))
        let paths = await fixture.recorder.changes.compactMap(\.changedPath)
        #expect(paths.allSatisfy { !$0.hasPrefix(".") })
    }

    /// A new folder is watched: a file created in it later is reported with its relative path, and so are
    /// files that already existed in a folder moved in.
    @Test func newSubfolders() async throws {
        let fixture = try Fixture()
        try fixture.folder.makeFolder("pools")
        #expect(await fixture.recorder.waitForPaths(["pools"]))
        try fixture.folder.write("pools/a.yaml")
        #expect(await fixture.recorder.waitForPaths(["pools/a.yaml"]))
        let outside = try TemporaryFolder()
        try outside.makeFolder("deep/er")
        try outside.write("deep/er/b.yaml")
        guard rename(outside.url("deep").path, fixture.folder.url("moved").path) == 0 else {
            Issue.record("rename failed, errno \(errno)")
            return
        }
        #expect(await fixture.recorder.waitForPaths(["moved", "moved/er", "moved/er/b.yaml"]))
        try fixture.folder.write("moved/er/c.yaml")
        #expect(await fixture.recorder.waitForPaths(["moved/er/c.yaml"]))
    }

    /// A deleted folder is reported; recreating it and writing into it works again.
    @Test func deletedFolderRecreated() async throws {
        let fixture = try Fixture()
        try fixture.folder.makeFolder("roles")
        try fixture.folder.write("roles/r.yaml")
        #expect(await fixture.recorder.waitForPaths(["roles/r.yaml"]))
        var mark = await fixture.recorder.mark
        try fixture.folder.remove("roles")
        #expect(await fixture.recorder.waitForPaths(after: mark, ["roles/r.yaml", "roles"]))
        mark = await fixture.recorder.mark
        try fixture.folder.makeFolder("roles")
        try fixture.folder.write("roles/s.yaml")
        #expect(await fixture.recorder.waitForPaths(after: mark, ["roles/s.yaml"]))
    }

    /// Many files written at once (a `git checkout`) are all reported.
    @Test func manyFilesAtOnce() async throws {
        let fixture = try Fixture()
        let names = Set((0..<200).map { "bulk-\($0).yaml" })
        for name in names { try fixture.folder.write(name) }
        #expect(await fixture.recorder.waitForPaths(names))
    }

    /// Hidden files and anything inside hidden folders are never reported.
    @Test func hiddenEntriesIgnored() async throws {
        let fixture = try Fixture()
        try fixture.folder.write(".hidden")
        try fixture.folder.makeFolder(".git/objects")
        try fixture.folder.write(".git/objects/x")
        try fixture.folder.write("sentinel.yaml")
        #expect(await fixture.recorder.waitForPaths(["sentinel.yaml"]))
        let changes = await fixture.recorder.changes
        #expect(changes == changes.filter { $0.changedPath.map { !$0.hasPrefix(".") } ?? false })
    }

    /// A missing parent folder is a typed error naming the folder.
    @Test func missingParentFails() {
        let path = "/nonexistent-\(UUID().uuidString)/manifests"
        #expect(throws: DirectoryWatcherError.self) { try DirectoryWatcher(root: path) }
        do {
            _ = try DirectoryWatcher(root: path)
        } catch {
            #expect(error.code == "watch.cannotWatchParent")
            #expect(error.description.contains("/nonexistent-"))
        }
    }

    /// `stop` ends the change stream.
    @Test func stopEndsStream() async throws {
        let folder = try TemporaryFolder()
        let watcher = try DirectoryWatcher(root: folder.path)
        watcher.stop()
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }
}
