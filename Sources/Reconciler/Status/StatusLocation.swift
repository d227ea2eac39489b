import Foundation
import Manifests

#if canImport(Glibc)
    import Glibc
#endif

/// The checks a command makes on its status folder before any AWS read, so a folder it cannot use stops it before it
/// changes anything (not after every AWS write, when the status files cannot be written).
public enum StatusLocation {
    /// For a run that writes (apply, controller): the folder exists or is created, is a folder, and a file can be
    /// created and removed in it (a real write, so a read-only mount or permissions are caught whoever runs it).
    /// - Throws: `StatusLocationError` naming the folder.
    public static func checkWritable(_ directory: URL) throws(StatusLocationError) {
        let path = directory.path
        try checkIsFolderIfPresent(path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: path, reason: reason(of: error, at: path))
        }
        let probe = directory.appendingPathComponent(".write-check-\(getpid())").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .notWritable(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        guard unlink(probe) == 0 else { throw .notWritable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// For a dry run: a missing folder is an empty one; otherwise it must be a folder whose listing (and that of
    /// each kind folder in it) can be read.
    /// - Throws: `StatusLocationError` naming the folder.
    public static func checkReadable(_ directory: URL) throws(StatusLocationError) {
        let path = directory.path
        guard try checkIsFolderIfPresent(path) else { return }
        try checkListable(path)
        for kind in ResourceKind.allCases {
            let folder = directory.appendingPathComponent(kind.rawValue).path
            if try checkIsFolderIfPresent(folder) { try checkListable(folder) }
        }
    }

    /// Whether `path` exists (then it must be a folder); false when it does not.
    @discardableResult
    private static func checkIsFolderIfPresent(_ path: String) throws(StatusLocationError) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let failure = errno
            if failure == ENOENT { return false }
            throw .unusable(path: path, reason: String(cString: strerror(failure)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: path) }
        return true
    }

    /// Opens and reads the listing of the folder at `path`.
    private static func checkListable(_ path: String) throws(StatusLocationError) {
        guard let folder = opendir(path) else { throw .notReadable(path: path, reason: String(cString: strerror(errno))) }
        defer { closedir(folder) }
        errno = 0
        while readdir(folder) != nil {}
        if errno != 0 { throw .notReadable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The system's reason behind a Foundation file error (e.g. "Not a directory" for a path under a regular file).
    private static func reason(of error: Error, at path: String) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
