import Foundation

/// A file a command writes in place of standard output (`outputs --out`), replaced atomically by a rename.
enum OutputFile {
    /// Why `path` cannot be written as a file, else nil: it exists and is not a regular file (the rename would put a
    /// file in place of a folder's entry, a symbolic link, a device, a pipe or a socket, destroying it), or the folder
    /// it would be in does not exist.
    static func problem(_ path: String) -> String? {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG else {
                return "\(path) exists and is \(kind(of: type)), not a regular file; give the path of a file to create "
                    + "or replace"
            }
            return nil
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(folder) of \(path) does not exist"
        }
        return nil
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
