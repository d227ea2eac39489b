import Glibc

/// The file system side of loading: finding the manifest files below a directory and reading one, with the C library
/// directly (readdir's entry types spare a `stat` per file, and a plain `read` spares Foundation's wrappers, which
/// showed in the profile of validating a large directory).
///
/// What cannot be read is reported, never skipped: a directory that cannot be opened, a link that cannot be resolved,
/// an entry that cannot be classified, or a special file named like a manifest is a `Problem` (see `list(below:)`).
enum ManifestFiles {
    /// One file found: its path relative to the directory (for display and order) and the path to open.
    struct Found: Equatable {
        /// Relative path, `/`-separated.
        let relative: String
        /// Path to open.
        let path: String
    }

    /// Something under the directory that cannot be read or resolved, so the set of manifests is not known.
    struct Problem: Equatable {
        /// Relative path, `/`-separated; empty for the directory itself.
        let relative: String
        /// Diagnostic code: `unreadable-directory`, `dangling-link`, `link-loop`, `unreadable-entry` or
        /// `not-a-regular-file`.
        let code: String
        /// What is wrong, without the path.
        let message: String
    }

    /// What walking a directory found.
    struct Listing: Equatable {
        /// Manifest files, sorted by relative path.
        var files: [Found] = []
        /// Entries that could not be read, sorted by relative path.
        var problems: [Problem] = []
    }

    /// What reading a file gave.
    enum Contents: Equatable {
        /// The bytes.
        case bytes([UInt8])
        /// Larger than the limit (only one byte more than the limit was read).
        case tooLarge
        /// It could not be opened or read; the C library's reason.
        case unreadable(String)
        /// It is not a regular file (a FIFO, socket or device put there after the walk); never read from.
        case notRegular(String)
    }

    /// Opens a directory stream; `opendir` except in tests, which simulate a directory that cannot be opened.
    typealias DirectoryOpener = (String) -> OpaquePointer?

    /// Whether `name` is a manifest file name: ends in `.yaml` or `.yml`, in any case.
    static func isManifestName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// Every regular manifest file below `directory` (see `isManifestName`), skipping names that start with `.`,
    /// following symbolic links (a directory reached twice, by its real path, is read once, so a link to an ancestor
    /// ends), sorted by relative path; and every entry that stops the set of manifests from being known:
    /// - a directory that cannot be opened or read (`unreadable-directory`), including one that vanished after it
    ///   was listed;
    /// - a symbolic link whose target does not exist (`dangling-link`) or that resolves through a loop of links
    ///   (`link-loop`), whatever its name;
    /// - any other entry whose type cannot be determined (`unreadable-entry`), whatever its name;
    /// - a FIFO, socket or device whose name is a manifest name (`not-a-regular-file`). Special files with other
    ///   names are not manifests and are ignored.
    static func list(below directory: String, opening: @escaping DirectoryOpener = { opendir($0) }) -> Listing {
        var walker = Walker(opening: opening)
        walker.walk(directory, relative: "")
        walker.listing.files.sort { $0.relative < $1.relative }
        walker.listing.problems.sort { $0.relative < $1.relative }
        return walker.listing
    }

    /// One walk's state.
    private struct Walker {
        /// How directories are opened.
        let opening: DirectoryOpener
        /// What was found so far.
        var listing = Listing()
        /// Real paths of the directories read so far.
        var visited: Set<String> = []

        init(opening: @escaping DirectoryOpener) {
            self.opening = opening
        }

        /// Adds the files and problems below `directory` (shown as `relative`).
        mutating func walk(_ directory: String, relative: String) {
            guard let real = realpath(directory, nil) else {
                return problem(relative, "unreadable-directory", "directory cannot be resolved: \(reason(errno))")
            }
            let inserted = visited.insert(String(cString: real)).inserted
            free(real)
            guard inserted else { return }
            guard let stream = opening(directory) else {
                return problem(relative, "unreadable-directory", "directory cannot be read: \(reason(errno))")
            }
            var entries: [(name: String, type: Int32)] = []
            while true {
                errno = 0
                guard let entry = readdir(stream) else { break }
                let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                    tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                        String(cString: $0)
                    }
                }
                if !name.hasPrefix(".") { entries.append((name, Int32(entry.pointee.d_type))) }
            }
            let readError = errno
            closedir(stream)
            if readError != 0 {
                return problem(relative, "unreadable-directory", "directory cannot be read: \(reason(readError))")
            }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for (name, type) in entries {
                let path = prefix + name
                let shown = relative.isEmpty ? name : relative + "/" + name
                switch EntryKind.of(path, type: type) {
                case .directory:
                    walk(path, relative: shown)
                case .file where isManifestName(name):
                    listing.files.append(Found(relative: shown, path: path))
                case .file:
                    break
                case .special(let what) where isManifestName(name):
                    problem(shown, "not-a-regular-file", "\(what) named like a manifest: a manifest must be a "
                            + "regular file (or a link to one)")
                case .special:
                    break
                case .unresolved(let code, let message):
                    problem(shown, code, message)
                }
            }
        }

        /// Records a problem.
        private mutating func problem(_ relative: String, _ code: String, _ message: String) {
            listing.problems.append(Problem(relative: relative, code: code, message: message))
        }
    }

    /// The C library's text for `error`, e.g. "Permission denied".
    static func reason(_ error: Int32) -> String { String(cString: strerror(error)) }

    /// Reads `path`, refusing it when larger than `limit` bytes (at most one byte more than the limit is read) or
    /// when it is not a regular file (opened without blocking, so a FIFO swapped in after the walk cannot hang it).
    static func read(_ path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable(reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular(EntryKind.describe(mode: info.st_mode)) }
        var bytes = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else { return .tooLarge }
                bytes += repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count))
            }
            let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.read(descriptor, base + count, buffer.count - count)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return .unreadable(reason(errno)) }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }
}
