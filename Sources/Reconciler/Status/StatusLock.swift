import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one-writer lock of a status folder: an exclusive `flock` on `<status-dir>.lock`, the file beside the folder.
///
/// `smsauth reconcile` (apply) and `smsauth controller` take it before any AWS read; dry runs do not. The file lives
/// beside the status folder, not in it, so deleting the folder (by hand, or by a clean-up job) leaves the lock in
/// place and a second writer still finds it taken. The holder writes a `key=value` record (pid, host, since) so a
/// refused writer can name it. The kernel releases the lock when the holder exits, even on a crash, and the file is
/// never removed (removing a lock file under a waiter is what lets two writers in). Locks taken through separate
/// `acquire` calls conflict even within one process. It protects one machine's status folder only: two machines with
/// their own local status folders never see each other's lock.
public final class StatusLock: Sendable {
    /// Path of the lock file.
    public let lockFile: String
    /// Who holds it (this process).
    public let holder: StatusLockHolder
    /// The locked file descriptor; -1 once released.
    private let descriptor: Mutex<Int32>

    /// Wraps an already locked descriptor.
    private init(lockFile: String, holder: StatusLockHolder, descriptor: Int32) {
        self.lockFile = lockFile
        self.holder = holder
        self.descriptor = Mutex(descriptor)
    }

    /// The lock file of `statusDirectory`: the folder's own path with `.lock` appended (`st/` → `st.lock`).
    public static func lockFile(forStatusDirectory statusDirectory: String) -> String {
        let path = URL(fileURLWithPath: statusDirectory).standardizedFileURL.path
        return (path == "/" ? "" : path) + ".lock"
    }

    /// How long a refused acquirer keeps trying to read the holder's record when it finds the file still empty (the
    /// holder locks, then writes).
    static let recordGrace: Duration = .seconds(1)

    /// Takes the lock of `statusDirectory`, creating the folder that holds the lock file when missing. While another
    /// process holds it, tries again every 100 ms until `timeout` has passed (and, to name the holder, for up to
    /// `recordGrace` while its record is still empty).
    /// - Throws: `StatusLockError.alreadyHeld` (with the holder's record when it wrote one) if it is still taken
    ///   after `timeout`, or another `StatusLockError` when the folder or file cannot be used.
    public static func acquire(statusDirectory: String, timeout: Duration = .zero,
                               holder: StatusLockHolder = .current()) throws(StatusLockError) -> StatusLock {
        let lockFile = lockFile(forStatusDirectory: statusDirectory)
        let parent = URL(fileURLWithPath: lockFile).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: parent, reason: error.localizedDescription)
        }
        let started = ContinuousClock.now
        let deadline = started + timeout
        while true {
            let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .cannotOpen(lockFile: lockFile, errno: errno) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                // The file may have been removed and made anew between open and flock; lock the one at the path.
                guard namesSameFile(lockFile, descriptor) else {
                    close(descriptor)
                    continue
                }
                writeRecord(holder.record, to: descriptor)
                return StatusLock(lockFile: lockFile, holder: holder, descriptor: descriptor)
            }
            let failure = errno
            let current = StatusLockHolder(record: readRecord(descriptor))
            close(descriptor)
            guard failure == EWOULDBLOCK else { throw .lockFailed(lockFile: lockFile, errno: failure) }
            let awaitingRecord = current == nil && ContinuousClock.now < started + recordGrace
            guard ContinuousClock.now < deadline || awaitingRecord else {
                throw .alreadyHeld(lockFile: lockFile, holder: current, waitedSeconds: Int(timeout.components.seconds))
            }
            usleep(100_000)
        }
    }

    /// Whether this value still holds the lock.
    public var isHeld: Bool {
        descriptor.withLock { $0 >= 0 }
    }

    /// Checks that the lock file path still names the file this value locked (the lock of a removed or replaced file
    /// no longer keeps other writers out).
    /// - Throws: `StatusLockError.lost` when it does not, or when the lock was released.
    public func verify() throws(StatusLockError) {
        let intact = descriptor.withLock { $0 >= 0 && Self.namesSameFile(lockFile, $0) }
        guard intact else { throw .lost(lockFile: lockFile) }
    }

    /// Clears the holder record and releases the lock; later calls do nothing.
    public func release() {
        let released: Int32 = descriptor.withLock {
            let current = $0
            $0 = -1
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

    /// Whether `path` is the file open as `descriptor` (same device and inode).
    private static func namesSameFile(_ path: String, _ descriptor: Int32) -> Bool {
        var opened = stat(), named = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// Replaces the file's content with `text`: one write from the start, then the rest cut off, so a reader sees
    /// the whole record or none.
    private static func writeRecord(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(descriptor, off_t(bytes.count))
    }

    /// The file's content (at most 1 KiB).
    private static func readRecord(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: bytes.prefix(count), as: UTF8.self) : ""
    }
}
