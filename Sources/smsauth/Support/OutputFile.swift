import Foundation

/// A file a command writes in place of standard output (`outputs --out`), replaced atomically by a rename.
enum OutputFile {
    /// Refuses a `path` that exists and is not a regular file (the rename would put a file in place of a folder's
    /// entry, a symbolic link, a device, a pipe or a socket, destroying it) or whose folder does not exist.
    static func check(_ path: String) throws(OutputFileError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG else { throw .notARegularFile(path: path, kind: kind(of: type)) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFolder(folder: folder, path: path)
        }
    }

    /// Writes `text` to `path` (checked again first), replacing a regular file atomically.
    static func write(_ text: String, to path: String) throws(OutputFileError) {
        try check(path)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
    }

    /// Words for a file type of `stat`'s `st_mode`.
    private static func kind(of type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a pipe"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}

/// Why an output file cannot be written.
enum OutputFileError: Error, Equatable, CustomStringConvertible {
    /// Something other than a regular file is at the path (`kind` says what).
    case notARegularFile(path: String, kind: String)
    /// The folder the file would be in does not exist.
    case missingFolder(folder: String, path: String)
    /// The write itself failed.
    case writeFailed(path: String, reason: String)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .notARegularFile: "output.notARegularFile"
        case .missingFolder: "output.missingFolder"
        case .writeFailed: "output.writeFailed"
        }
    }

    /// Human-readable explanation.
    var description: String {
        switch self {
        case let .notARegularFile(path, kind):
            "\(path) exists and is \(kind), not a regular file; give the path of a file to create or replace"
        case let .missingFolder(folder, path): "the folder \(folder) of \(path) does not exist"
        case let .writeFailed(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
