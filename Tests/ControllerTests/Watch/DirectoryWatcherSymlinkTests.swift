import Foundation
import Testing

@testable import Controller

/// Roots replaced under the watcher: git-sync symlink swaps, Kubernetes `..data` swaps, delete and recreate.
@Suite("DirectoryWatcher symlinks")
struct DirectoryWatcherSymlinkTests {
    /// git-sync layout: `base/current -> wt1`, swapped atomically to `wt2`; the watcher follows the new target and
    /// stops reporting the old one.
    @Test func gitSyncSwap() async throws {
        let base = try TemporaryFolder()
        try base.makeFolder("wt1")
        try base.makeFolder("wt2/pools")
        try base.symlink("current", to: "wt1")
        let watcher = try DirectoryWatcher(root: base.url("current").path)
        let recorder = ChangeRecorder(watcher.changes)
        try base.write("wt1/a.yaml")
        #expect(await recorder.waitForPaths(["a.yaml"]))
        try base.symlink(".tmp-link", to: "wt2")
        try base.rename(".tmp-link", "current")
        #expect(await recorder.waitFor { $0.contains(.rescanRequired(.rootReplaced)) })
        let mark = await recorder.mark
        try base.write("wt1/stale.yaml")
        try base.write("wt2/pools/b.yaml")
        #expect(await recorder.waitForPaths(after: mark, ["pools/b.yaml"]))
        let later = await recorder.changes.dropFirst(mark).compactMap(\.changedPath)
        #expect(!later.contains("stale.yaml"))
    }

    /// git-sync with the symlink in the middle of the root (`current/manifests`, `current -> wt1` swapped to `wt2`):
    /// no watched folder changes, so no event; `refresh()` (every full sync) finds the new target, reports a rescan
    /// and watches it from then on.
    @Test func midPathSwapIsFollowedOnRefresh() async throws {
        let base = try TemporaryFolder()
        try base.makeFolder("wt1/manifests")
        try base.makeFolder("wt2/manifests")
        try base.symlink("current", to: "wt1")
        let watcher = try DirectoryWatcher(root: base.url("current/manifests").path)
        let recorder = ChangeRecorder(watcher.changes)
        try base.symlink(".tmp-link", to: "wt2")
        try base.rename(".tmp-link", "current")
        watcher.refresh()
        #expect(await recorder.waitFor { $0.contains(.rescanRequired(.rootReplaced)) })
        let mark = await recorder.mark
        try base.write("wt2/manifests/b.yaml")
        #expect(await recorder.waitForPaths(after: mark, ["b.yaml"]))
        watcher.refresh()
        try base.write("wt2/manifests/c.yaml")
        #expect(await recorder.waitForPaths(after: mark, ["c.yaml"]))
        #expect(!(await recorder.changes.dropFirst(mark).contains(.rescanRequired(.rootReplaced))),
                "a refresh with nothing moved reports nothing")
    }

    /// The root's path is made absolute lexically: its symlinks stay, so the watcher can see them move.
    @Test func absolutePathKeepsSymlinks() throws {
        let base = try TemporaryFolder()
        try base.makeFolder("wt1/manifests")
        try base.symlink("current", to: "wt1")
        let path = base.url("current/manifests").path
        #expect(FileProbe.absolute(path + "/./x/..") == FileProbe.absolute(path))
        #expect(FileProbe.absolute(path).hasSuffix("/current/manifests"))
    }

    /// Kubernetes volume layout: a hidden `..data` symlink replaced by rename inside the root reports a rescan.
    @Test func hiddenLinkSwap() async throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("..v1")
        try folder.makeFolder("..v2")
        try folder.symlink("..data", to: "..v1")
        let watcher = try DirectoryWatcher(root: folder.path)
        let recorder = ChangeRecorder(watcher.changes)
        try folder.symlink("..data_tmp", to: "..v2")
        try folder.rename("..data_tmp", "..data")
        #expect(await recorder.waitFor { $0.contains(.rescanRequired(.linkSwapped)) })
    }

    /// A root folder deleted and created again reports rescans, and files in the new folder are reported.
    @Test func rootDeletedAndRecreated() async throws {
        let base = try TemporaryFolder()
        try base.makeFolder("manifests")
        let watcher = try DirectoryWatcher(root: base.url("manifests").path)
        let recorder = ChangeRecorder(watcher.changes)
        try base.remove("manifests")
        #expect(await recorder.waitFor { $0.contains(.rescanRequired(.rootReplaced)) })
        let mark = await recorder.mark
        try base.makeFolder("manifests")
        #expect(await recorder.waitFor(after: mark) { $0.contains(.rescanRequired(.rootReplaced)) })
        try base.write("manifests/new.yaml")
        #expect(await recorder.waitForPaths(["new.yaml"]))
    }

    /// Watching a root that does not exist yet works once it appears.
    @Test func rootCreatedLater() async throws {
        let base = try TemporaryFolder()
        let watcher = try DirectoryWatcher(root: base.url("later").path)
        let recorder = ChangeRecorder(watcher.changes)
        try base.makeFolder("later")
        #expect(await recorder.waitFor { $0.contains(.rescanRequired(.rootReplaced)) })
        try base.write("later/x.yaml")
        #expect(await recorder.waitForPaths(["x.yaml"]))
    }
}
