import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The watches of one inotify instance over a root folder tree, and the translation of raw events into changes.
///
/// Watches every non-hidden folder under the root (adding watches for new folders as they appear) and the root's
/// parent, so a root reached through a symlink that is swapped atomically (git-sync) is followed: when the root's
/// identity changes, all folder watches are rebuilt on the new target.
///
/// Not thread-safe: after `init` it is used only from the watcher's serial dispatch queue.
final class WatchedTree: @unchecked Sendable {
    /// The inotify instance (owned by the watcher, which closes it).
    let descriptor: Int32
    /// Absolute root path as given (may be or pass through a symlink).
    let rootPath: String
    /// Logger for watches that cannot be added.
    private let logger: Logger
    /// Watch on the root's parent folder.
    private var parentWatch: Int32 = -1
    /// Base name of the root in its parent.
    private let rootName: String
    /// The root's parent folder (as given, may pass through symlinks).
    private let parentPath: String
    /// Identity of the directory the root currently leads to.
    private(set) var rootIdentity: FileIdentity?
    /// Real path of the current root directory.
    private var resolvedRoot: String?
    /// Real path of the folder the parent watch is on.
    private var resolvedParent: String?
    /// Folder path (relative to the root, "" for the root) of each tree watch.
    private var directories: [Int32: String] = [:]
    /// Tree watch of each relative folder path.
    private var watchByPath: [String: Int32] = [:]
    /// Read buffer for events.
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Watches the root's parent and the whole tree under the root (the root itself may be missing for now).
    /// - Throws: `DirectoryWatcherError.cannotWatchParent` when the parent folder cannot be watched.
    init(descriptor: Int32, rootPath: String, logger: Logger) throws(DirectoryWatcherError) {
        self.descriptor = descriptor
        self.rootPath = FileProbe.absolute(rootPath)
        self.logger = logger
        parentPath = (self.rootPath as NSString).deletingLastPathComponent
        rootName = (self.rootPath as NSString).lastPathComponent
        parentWatch = inotify_add_watch(descriptor, parentPath, InotifyMask.parent)
        guard parentWatch >= 0 else { throw .cannotWatchParent(path: parentPath, errno: errno) }
        resolvedParent = FileProbe.resolve(parentPath)
        rebuild()
    }

    /// Relative paths of every watched folder, sorted ("" is the root).
    var watchedDirectories: [String] { watchByPath.keys.sorted() }

    /// Reads every pending event from the descriptor and returns the resulting changes.
    func readAvailable() -> [DirectoryChange] {
        var changes: [DirectoryChange] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                let events = buffer.withUnsafeBytes { InotifyEvent.decode(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                for event in events { changes += handle(event) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return changes
            }
        }
    }

    /// Applies one event to the watches and returns the changes it means.
    func handle(_ event: InotifyEvent) -> [DirectoryChange] {
        if event.has(InotifyMask.queueOverflow) {
            rebuild()
            return [.rescanRequired(.overflow)]
        }
        if event.watchDescriptor == parentWatch {
            return event.name == rootName ? checkRoot() : []
        }
        if event.has(InotifyMask.ignored) {
            forgetWatch(event.watchDescriptor)
            return []
        }
        guard let folder = directories[event.watchDescriptor] else { return [] }
        if event.has(InotifyMask.deleteSelf | InotifyMask.moveSelf) {
            return folder.isEmpty ? checkRoot() : []
        }
        guard !event.name.isEmpty else { return [] }
        let path = folder.isEmpty ? event.name : folder + "/" + event.name
        if FileProbe.isHidden(event.name) {
            return isLinkSwap(event, path: path) ? [.rescanRequired(.linkSwapped)] : []
        }
        guard event.has(InotifyMask.isDirectory) else { return [.changed(path: path)] }
        if event.has(InotifyMask.create | InotifyMask.movedTo) {
            var found: [String] = []
            watchFolder(path, collecting: &found)
            return [.changed(path: path)] + found.map { .changed(path: $0) }
        }
        if event.has(InotifyMask.delete | InotifyMask.movedFrom) {
            removeWatches(under: path)
            return [.changed(path: path)]
        }
        return []
    }

    /// Drops every tree watch and watches the tree the root now leads to.
    func rebuild() {
        for watch in directories.keys { inotify_rm_watch(descriptor, watch) }
        directories.removeAll()
        watchByPath.removeAll()
        rootIdentity = FileProbe.directoryIdentity(rootPath)
        resolvedRoot = rootIdentity == nil ? nil : FileProbe.resolve(rootPath)
        guard resolvedRoot != nil else { return }
        var ignored: [String] = []
        watchFolder("", collecting: &ignored)
    }

    /// Rebuilds and reports a rescan when the root's path now leads elsewhere, through any of its symlinks: the
    /// parent watch moves to the parent's new target too (a symlink higher up than the root's parent was flipped).
    func recheckRoot() -> [DirectoryChange] {
        let parent = FileProbe.resolve(parentPath)
        if parent != resolvedParent {
            let watch = inotify_add_watch(descriptor, parentPath, InotifyMask.parent)
            if watch >= 0 {
                if watch != parentWatch { inotify_rm_watch(descriptor, parentWatch) }
                parentWatch = watch
                resolvedParent = parent
            }
        }
        guard FileProbe.directoryIdentity(rootPath) != rootIdentity || FileProbe.resolve(rootPath) != resolvedRoot
        else { return [] }
        rebuild()
        return [.rescanRequired(.rootReplaced)]
    }

    /// Rebuilds and reports a rescan when the root now leads to another directory (or none).
    private func checkRoot() -> [DirectoryChange] {
        guard FileProbe.directoryIdentity(rootPath) != rootIdentity else { return [] }
        rebuild()
        return [.rescanRequired(.rootReplaced)]
    }

    /// Whether a hidden entry event is a symlink being put in place (`..data` swapped by rename).
    private func isLinkSwap(_ event: InotifyEvent, path: String) -> Bool {
        event.has(InotifyMask.movedTo | InotifyMask.create) && FileProbe.kind(absolute(path)) == .symlink
    }

    /// Watches the folder at relative `path` and every non-hidden folder below it; appends the files found.
    private func watchFolder(_ path: String, collecting found: inout [String]) {
        let location = absolute(path)
        let flags = path.isEmpty ? InotifyMask.tree : InotifyMask.tree | InotifyMask.dontFollow
        let watch = inotify_add_watch(descriptor, location, flags)
        guard watch >= 0 else {
            logger.warning(
                "cannot watch folder",
                metadata: ["path": "\(location)", "errno": "\(errno)"])
            return
        }
        directories[watch] = path
        watchByPath[path] = watch
        for name in FileProbe.entries(location) where !FileProbe.isHidden(name) {
            let child = path.isEmpty ? name : path + "/" + name
            found.append(child)
            if FileProbe.kind(absolute(child)) == .directory {
                watchFolder(child, collecting: &found)
            }
        }
    }

    /// Removes the watches of the folder at relative `path` and of everything below it.
    private func removeWatches(under path: String) {
        let prefix = path + "/"
        for (folder, watch) in watchByPath where folder == path || folder.hasPrefix(prefix) {
            inotify_rm_watch(descriptor, watch)
            watchByPath.removeValue(forKey: folder)
            directories.removeValue(forKey: watch)
        }
    }

    /// Forgets a watch the kernel removed.
    private func forgetWatch(_ watch: Int32) {
        guard let folder = directories.removeValue(forKey: watch) else { return }
        if watchByPath[folder] == watch { watchByPath.removeValue(forKey: folder) }
    }

    /// Absolute path of a relative path under the current root.
    private func absolute(_ path: String) -> String {
        let root = resolvedRoot ?? rootPath
        return path.isEmpty ? root : root + "/" + path
    }
}
