import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive, non-blocking `flock` on `<status-dir>/.lock`, so only one controller works on a status directory.
///
/// The holder writes its PID into the file so a second acquirer can name it. The lock is released by `release()`,
/// when the value is deinitialised, or by the kernel when the process exits (even on a crash). Locks taken through
/// separate `acquire` calls conflict even within one process.
public final class SingleInstanceLock: @unchecked Sendable {
    /// Path of the lock file.
    public let lockFile: String
    /// Guards `descriptor`.
    private let guardLock = NSLock()
    /// The locked file descriptor; -1 once released.
    private var descriptor: Int32

    /// Wraps an already locked descriptor.
    private init(lockFile: String, descriptor: Int32) {
        self.lockFile = lockFile
        self.descriptor = descriptor
    }

    /// Takes the lock on `<statusDirectory>/.lock`, creating the directory and file when missing; never waits.
    /// - Throws: `SingleInstanceLockError.alreadyHeld` (with the holder's PID when known) if it is taken, or another
    ///   `SingleInstanceLockError` when the directory or file cannot be used.
    public static func acquire(statusDirectory: String) throws(SingleInstanceLockError) -> SingleInstanceLock {
        do {
            try FileManager.default.createDirectory(atPath: statusDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: statusDirectory, reason: error.localizedDescription)
        }
        let lockFile = statusDirectory.hasSuffix("/") ? statusDirectory + ".lock" : statusDirectory + "/.lock"
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(lockFile: lockFile, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = readPID(descriptor)
            close(descriptor)
            if failure == EWOULDBLOCK { throw .alreadyHeld(lockFile: lockFile, holderPID: holder) }
            throw .lockFailed(lockFile: lockFile, errno: failure)
        }
        writePID(descriptor)
        return SingleInstanceLock(lockFile: lockFile, descriptor: descriptor)
    }

    /// Whether this value still holds the lock.
    public var isHeld: Bool {
        guardLock.withLock { descriptor >= 0 }
    }

    /// Clears the PID and releases the lock; later calls do nothing.
    public func release() {
        let released: Int32 = guardLock.withLock {
            let current = descriptor
            descriptor = -1
            return current
        }
        guard released >= 0 else { return }
        _ = ftruncate(released, 0)
        close(released)
    }

    /// Releases the lock if still held.
    deinit {
        release()
    }

    /// Replaces the file's content with this process's PID.
    private static func writePID(_ descriptor: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The PID written in the file, if any.
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes.prefix(count), as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
