import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Device and inode of a directory: what tells a swapped root from the same one.
struct FileIdentity: Sendable, Hashable {
    /// `st_dev`.
    let device: UInt64
    /// `st_ino`.
    let inode: UInt64
}

/// Small synchronous file-system queries used by the watcher.
enum FileProbe {
    /// Kind of a directory entry, not following symlinks.
    enum EntryKind: Sendable, Equatable {
        /// A real directory.
        case directory
        /// A symbolic link (to anything).
        case symlink
        /// Anything else that exists.
        case other
        /// Nothing at the path.
        case missing
    }

    /// The kind of the entry at `path`, without following a final symlink.
    static func kind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Identity of the directory `path` leads to (following symlinks), or nil if it is missing or not a directory.
    static func directoryIdentity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `path` with every symlink resolved, or nil when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Names in the directory `path` (empty when unreadable).
    static func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// `path` made absolute against the working directory, without a trailing slash, `.` or `..` components.
    /// Lexical only: symlinks are kept (`NSString.standardizingPath` resolves them, which pinned the watcher to the
    /// target a symlink had at start, e.g. `current/manifests` with `current` later flipped by git-sync).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in full.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether a name is hidden (starts with a dot): such entries are not manifests and are not watched.
    static func isHidden(_ name: String) -> Bool {
        name.hasPrefix(".")
    }
}
