import Dispatch
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Watches a manifest folder tree with Linux inotify and streams what changed.
///
/// - Recursive: folders created or moved in later are watched too, and the files already in them are reported.
/// - Hidden entries (dot-files, dot-folders such as `.git`) are ignored, except that a hidden symlink swapped in
///   (Kubernetes `..data`) reports `rescanRequired(.linkSwapped)`.
/// - A root that is (or passes through) a symlink swapped atomically, as git-sync does, is followed: the root's
///   parent is watched and the tree is re-watched on the new target, reporting `rescanRequired(.rootReplaced)`.
/// - A kernel queue overflow re-watches the tree and reports `rescanRequired(.overflow)`.
///
/// Events are read on a background dispatch queue, so an idle watcher uses no CPU. Changes are raw (one edit may
/// produce several); debounce them before acting.
public final class DirectoryWatcher: Sendable {
    /// Changes in arrival order; finishes after `stop()`.
    public let changes: AsyncStream<DirectoryChange>
    /// Read source on the inotify descriptor; its cancel handler closes the descriptor.
    private let source: ReadSourceHandle
    /// Re-checks where the root leads, on the watcher's queue (see `refresh()`).
    private let recheck: @Sendable () -> Void

    /// Starts watching `root` (a folder, or a symlink to one; it may not exist yet, but its parent must).
    /// - Throws: `DirectoryWatcherError` when inotify is unavailable or the root's parent cannot be watched.
    public init(root: String, logger: Logger = Logger(label: "smsauth.controller.watch")) throws(DirectoryWatcherError) {
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { throw .inotifyUnavailable(errno: errno) }
        let tree: WatchedTree
        do {
            tree = try WatchedTree(descriptor: descriptor, rootPath: root, logger: logger)
        } catch {
            close(descriptor)
            throw error
        }
        let (stream, continuation) = AsyncStream.makeStream(of: DirectoryChange.self)
        let queue = DispatchQueue(label: "smsauth.controller.watch")
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {
            for change in tree.readAvailable() { continuation.yield(change) }
        }
        source.setCancelHandler {
            close(descriptor)
            continuation.finish()
        }
        let handle = ReadSourceHandle(source)
        continuation.onTermination = { _ in handle.cancel() }
        changes = stream
        self.source = handle
        recheck = {
            queue.async {
                for change in tree.recheckRoot() { continuation.yield(change) }
            }
        }
        source.activate()
        logger.debug("watching folder", metadata: ["path": "\(tree.rootPath)"])
    }

    /// Resolves the root's path again (every symlink in it, wherever it is: `current/manifests` with `current`
    /// flipped by git-sync changes no watched folder) and, when it leads elsewhere now, watches the new target and
    /// reports `rescanRequired(.rootReplaced)`. The controller calls it at every full sync.
    public func refresh() {
        recheck()
    }

    /// Stops watching, releases the inotify instance and ends `changes`. Safe to call more than once.
    public func stop() {
        source.cancel()
    }

    /// Stops watching when the last reference goes away.
    deinit {
        source.cancel()
    }
}

/// A dispatch read source shared with the stream's termination handler; `DispatchSource.cancel()` is thread-safe.
private final class ReadSourceHandle: @unchecked Sendable {
    /// The wrapped source.
    private let source: any DispatchSourceRead

    /// Wraps `source`.
    init(_ source: any DispatchSourceRead) {
        self.source = source
    }

    /// Cancels the source (idempotent).
    func cancel() {
        source.cancel()
    }
}
