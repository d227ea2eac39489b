/// Why the single-instance lock could not be taken.
public enum SingleInstanceLockError: Error, Equatable, CustomStringConvertible {
    /// Another process (or another lock in this process) holds the lock; the holder's PID when it wrote one.
    case alreadyHeld(lockFile: String, holderPID: Int32?)
    /// The status directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The lock file could not be opened or created (errno given).
    case cannotOpen(lockFile: String, errno: Int32)
    /// `flock` failed for a reason other than contention (errno given).
    case lockFailed(lockFile: String, errno: Int32)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .alreadyHeld: "LockHeld"
        case .cannotCreateDirectory: "LockDirectoryUnavailable"
        case .cannotOpen: "LockOpenFailed"
        case .lockFailed: "LockFailed"
        }
    }

    /// Human-readable explanation.
    public var description: String {
        switch self {
        case .alreadyHeld(let lockFile, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "another smsauth controller (\(holder)) holds the lock \(lockFile); "
                + "only one controller may run per status directory"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create status directory \(path): \(reason)"
        case .cannotOpen(let lockFile, let code):
            return "cannot open lock file \(lockFile) (errno \(code))"
        case .lockFailed(let lockFile, let code):
            return "cannot lock \(lockFile) (errno \(code))"
        }
    }
}
