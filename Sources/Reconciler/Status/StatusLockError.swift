import Foundation

/// Why the lock of a status folder could not be taken or is no longer held.
public enum StatusLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process (or another lock in this process) holds the lock, still after `waitedSeconds`; its record
    /// when it wrote one.
    case alreadyHeld(lockFile: String, holder: StatusLockHolder?, waitedSeconds: Int)
    /// The folder that holds the lock file could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The lock file could not be opened or created (errno given).
    case cannotOpen(lockFile: String, errno: Int32)
    /// `flock` failed for a reason other than contention (errno given).
    case lockFailed(lockFile: String, errno: Int32)
    /// The lock file was removed or replaced while held: other writers are no longer kept out.
    case lost(lockFile: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .alreadyHeld: "lock.held"
        case .cannotCreateDirectory: "lock.directoryUnavailable"
        case .cannotOpen: "lock.openFailed"
        case .lockFailed: "lock.failed"
        case .lost: "lock.lost"
        }
    }

    /// Human-readable explanation.
    public var description: String {
        switch self {
        case .alreadyHeld(let lockFile, let holder, let waited):
            let who = holder.map { "another smsauth process (\($0.summary))" } ?? "another smsauth process"
            let wait = waited > 0 ? " after waiting \(waited)s" : ""
            return "\(who) holds the lock \(lockFile)\(wait); only one reconcile or controller may write a status "
                + "folder at a time (wait for it, or pass --lock-timeout SECONDS)"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create the folder of the lock file, \(path): \(reason)"
        case .cannotOpen(let lockFile, let code):
            return "cannot open lock file \(lockFile): \(String(cString: strerror(code)))"
        case .lockFailed(let lockFile, let code):
            return "cannot lock \(lockFile): \(String(cString: strerror(code)))"
        case .lost(let lockFile):
            return "the lock file \(lockFile) was removed or replaced while held; another writer could take it, "
                + "so no further AWS change is made"
        }
    }
}
