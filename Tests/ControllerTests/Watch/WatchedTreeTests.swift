import Foundation
import Logging
import Testing

@testable import Controller

#if canImport(Glibc)
    import Glibc
#endif

/// Event decoding and the watch bookkeeping of `WatchedTree`, fed synthetic events.
@Suite("WatchedTree")
struct WatchedTreeTests {
    /// Encodes one `struct inotify_event` with its name padded to 16 bytes.
    static func encode(_ descriptor: Int32, _ mask: UInt32, _ name: String) -> [UInt8] {
        var padded = Array(name.utf8)
        if !padded.isEmpty { padded += [UInt8](repeating: 0, count: 16 - padded.count % 16) }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: descriptor.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
        withUnsafeBytes(of: UInt32(padded.count).littleEndian) { bytes += $0 }
        return bytes + padded
    }

    /// Several packed events, with and without names, decode in order; a truncated tail is left out.
    @Test func decodesPackedEvents() {
        let bytes = Self.encode(3, InotifyMask.create, "pool.yaml") + Self.encode(-1, InotifyMask.queueOverflow, "")
            + Self.encode(4, InotifyMask.delete, "x").prefix(20)
        let events = bytes.withUnsafeBytes { InotifyEvent.decode($0) }
        #expect(events == [
            InotifyEvent(watchDescriptor: 3, mask: InotifyMask.create, name: "pool.yaml"),
            InotifyEvent(watchDescriptor: -1, mask: InotifyMask.queueOverflow, name: ""),
        ])
    }

    /// A tree over real folders: watches every non-hidden folder; an overflow re-watches and asks for a rescan;
    /// events for unknown watches are ignored.
    @Test func overflowRebuildsWatches() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("a/b")
        try folder.makeFolder(".git/refs")
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let tree = try WatchedTree(descriptor: descriptor, rootPath: folder.path, logger: Logger(label: "test"))
        #expect(tree.watchedDirectories == ["", "a", "a/b"])
        try folder.makeFolder("c")
        let overflow = InotifyEvent(watchDescriptor: -1, mask: InotifyMask.queueOverflow, name: "")
        #expect(tree.handle(overflow) == [.rescanRequired(.overflow)])
        #expect(tree.watchedDirectories == ["", "a", "a/b", "c"])
        #expect(tree.handle(InotifyEvent(watchDescriptor: 9999, mask: InotifyMask.create, name: "x")) == [])
    }

    /// A moved-out folder's watches are dropped with it.
    @Test func movedOutFolderUnwatched() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("a/b")
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let tree = try WatchedTree(descriptor: descriptor, rootPath: folder.path, logger: Logger(label: "test"))
        let outside = try TemporaryFolder()
        guard rename(folder.url("a").path, outside.url("moved").path) == 0 else {
            Issue.record("rename failed, errno \(errno)")
            return
        }
        let changes = tree.readAvailable()
        #expect(changes.contains(.changed(path: "a")))
        #expect(tree.watchedDirectories == [""])
    }
}
