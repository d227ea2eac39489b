import Glibc

/// The file system side of loading: finding the manifest files below a directory and reading one, with the C library
/// directly (readdir's entry types spare a `stat` per file, and a plain `read` spares Foundation's wrappers, which
/// showed in the profile of validating a large directory).
enum ManifestFiles {
    /// One file found: its path relative to the directory (for display and order) and the path to open.
    struct Found {
        /// Relative path, `/`-separated.
        let relative: String
        /// Path to open.
        let path: String
    }

    /// What reading a file gave.
    enum Contents {
        /// The bytes.
        case bytes([UInt8])
        /// Larger than the limit (only one byte more than the limit was read).
        case tooLarge
        /// It could not be opened or read.
        case unreadable
    }

    /// Every regular `.yaml`/`.yml` file below `directory`, skipping names that start with `.`, following symbolic
    /// links to directories once each (by real path, so a link loop ends), sorted by relative path.
    static func yamlFiles(below directory: String) -> [Found] {
        var found: [Found] = []
        var visited: Set<String> = []
        walk(directory, relative: "", into: &found, visited: &visited)
        return found.sorted { $0.relative < $1.relative }
    }

    /// Adds the files below `directory` to `found`.
    private static func walk(_ directory: String, relative: String, into found: inout [Found],
                             visited: inout Set<String>) {
        guard let real = realpath(directory, nil) else { return }
        let inserted = visited.insert(String(cString: real)).inserted
        free(real)
        guard inserted, let stream = opendir(directory) else { return }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if !name.hasPrefix(".") { entries.append((name, Int32(entry.pointee.d_type))) }
        }
        closedir(stream)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for (name, type) in entries {
            let path = prefix + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: path, type: type) {
            case .directory: walk(path, relative: shown, into: &found, visited: &visited)
            case .file where name.hasSuffix(".yaml") || name.hasSuffix(".yml"):
                found.append(Found(relative: shown, path: path))
            default: break
            }
        }
    }

    /// What an entry is.
    private enum EntryKind { case directory, file, other }

    /// The kind of entry `path`, from readdir's type, or from `stat` (following links) when that is a link or unknown.
    private static func kind(of path: String, type: Int32) -> EntryKind {
        switch type {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            var info = stat()
            guard stat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    /// Reads `path`, refusing it when larger than `limit` bytes (at most one byte more than the limit is read).
    static func read(_ path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 4096
        var bytes = [UInt8](repeating: 0, count: min(max(size, 0), limit) + 1)
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
            guard got >= 0 else { return .unreadable }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }
}
