import Glibc

extension ManifestFiles {
    /// What an entry is.
    enum EntryKind {
        /// A directory, or a link to one.
        case directory
        /// A regular file, or a link to one.
        case file
        /// A FIFO, socket or device (or a link to one), described ("a FIFO").
        case special(String)
        /// Its type cannot be determined: the problem's code and message.
        case unresolved(code: String, message: String)

        /// The kind of entry `path`, from readdir's type, or from `stat` (following links) when that is a link or
        /// unknown.
        static func of(_ path: String, type: Int32) -> EntryKind {
            switch type {
            case Int32(DT_DIR): return .directory
            case Int32(DT_REG): return .file
            case Int32(DT_LNK), Int32(DT_UNKNOWN): return statting(path)
            default: return .special(describe(type: type))
            }
        }

        /// The kind of `path` by `stat`, following links.
        private static func statting(_ path: String) -> EntryKind {
            var info = stat()
            guard stat(path, &info) == 0 else { return unresolved(path, error: errno) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .special(describe(mode: info.st_mode))
            }
        }

        /// Why `stat` of `path` failed with `error`, told apart by `lstat`: a dangling link, a loop of links, an
        /// entry that vanished, or another reason.
        private static func unresolved(_ path: String, error: Int32) -> EntryKind {
            var link = stat()
            let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
            switch error {
            case ELOOP:
                return .unresolved(code: "link-loop", message: "symbolic link cannot be resolved: it leads to a "
                                   + "loop of links")
            case ENOENT where isLink:
                return .unresolved(code: "dangling-link", message: "symbolic link points to '\(target(path))', "
                                   + "which does not exist")
            case ENOENT:
                return .unresolved(code: "unreadable-entry", message: "entry vanished while the directory was read")
            default:
                return .unresolved(code: "unreadable-entry", message: "entry cannot be examined: \(reason(error))")
            }
        }

        /// The target of the link `path`, as written.
        private static func target(_ path: String) -> String {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count >= 0 else { return "?" }
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        /// "a FIFO", "a socket", "a directory" or "a device" for the file type of a mode that is not a regular file.
        static func describe(mode: mode_t) -> String {
            switch mode & S_IFMT {
            case S_IFIFO: "a FIFO"
            case S_IFSOCK: "a socket"
            case S_IFDIR: "a directory"
            default: "a device"
            }
        }

        /// "a FIFO", "a socket" or "a device" for a readdir type.
        private static func describe(type: Int32) -> String {
            switch type {
            case Int32(DT_FIFO): "a FIFO"
            case Int32(DT_SOCK): "a socket"
            default: "a device"
            }
        }
    }
}
