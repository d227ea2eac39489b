/// A change seen under a watched directory.
public enum DirectoryChange: Sendable, Hashable {
    /// The entry at this path, relative to the watched root (e.g. `pools/qnatime.yaml`), was created, written,
    /// moved in or out, or deleted. Folders appear too (a new folder, then each file found in it).
    case changed(path: String)
    /// Individual changes may be missing: reread the whole directory.
    case rescanRequired(RescanReason)
}

/// Why a `DirectoryChange.rescanRequired` was emitted.
public enum RescanReason: String, Sendable, Hashable {
    /// The kernel's event queue overflowed and events were lost.
    case overflow
    /// The root (or the symlink it is reached through) now points at a different directory, or disappeared.
    case rootReplaced
    /// A dot-named symlink inside the tree was swapped (Kubernetes `..data` style): files behind it changed.
    case linkSwapped
}

/// Why a `DirectoryWatcher` could not start.
public enum DirectoryWatcherError: Error, Equatable, CustomStringConvertible {
    /// `inotify_init1` failed (errno given), e.g. the per-user instance limit is reached.
    case inotifyUnavailable(errno: Int32)
    /// The folder containing the root cannot be watched (errno given).
    case cannotWatchParent(path: String, errno: Int32)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .inotifyUnavailable: "watch.inotifyUnavailable"
        case .cannotWatchParent: "watch.cannotWatchParent"
        }
    }

    /// Human-readable explanation.
    public var description: String {
        switch self {
        case .inotifyUnavailable(let code):
            "cannot create an inotify instance (errno \(code)); check fs.inotify.max_user_instances"
        case .cannotWatchParent(let path, let code):
            "cannot watch \(path) (errno \(code)); the folder holding the manifest directory must exist and be readable"
        }
    }
}
