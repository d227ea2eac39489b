import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe whole-file replacement: a reader sees either the old content or the new, never a mix.
enum AtomicFile {
    /// Prefix of temporary files (hidden), which `isTemporary` recognises; readers skip and remove them.
    static let temporaryPrefix = "."
    /// Marker between the final file name and the random suffix of a temporary file.
    static let temporaryInfix = ".tmp-"

    /// Whether `fileName` is a temporary file left by `save` (e.g. after a crash).
    static func isTemporary(_ fileName: String) -> Bool {
        fileName.hasPrefix(temporaryPrefix) && fileName.contains(temporaryInfix)
    }

    /// Writes `data` to `url`: temp file in the same folder, write, fsync, rename over `url`, fsync the folder.
    static func save(_ data: Data, to url: URL) throws(StatusStoreError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            temporaryPrefix + url.lastPathComponent + temporaryInfix + UUID().uuidString)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(temporary, "open") }
        do throws(StatusStoreError) {
            try writeAll(data, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure(temporary, "fsync") }
            guard close(descriptor) == 0 else { throw failure(temporary, "close") }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let error = failure(url, "rename")
            unlink(temporary.path)
            throw error
        }
        try syncFolder(folder)
    }

    /// fsyncs a folder so a rename or unlink in it survives a crash.
    static func syncFolder(_ folder: URL) throws(StatusStoreError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(folder, "open") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(folder, "fsync") }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: URL) throws(StatusStoreError) {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write")
            }
            offset += written
        }
    }

    /// The current `errno` as a store error.
    static func failure(_ url: URL, _ operation: String) -> StatusStoreError {
        StatusStoreError.ioFailed(path: url.path, operation: operation, detail: String(cString: strerror(errno)))
    }
}
