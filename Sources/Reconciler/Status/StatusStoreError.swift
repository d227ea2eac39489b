/// Why the status folder or the state object could not be read or written.
public enum StatusStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A resource name that cannot be a file name (empty, too long, or not `[a-z0-9-]`).
    case invalidName(String)
    /// A file operation failed (`operation` e.g. `open`, `fsync`, `rename`; `detail` the system's reason).
    case ioFailed(path: String, operation: String, detail: String)
    /// A status file that is not valid status JSON, or whose kind/name differs from its path.
    case corrupt(path: String, detail: String)
    /// The state object's store failed (`ObjectStoreError`); `location` is the state's location.
    case state(location: String, ObjectStoreError)
    /// The write was refused by the lease fence: this controller no longer leads (`LeaseFence`).
    case fenced(LeaseFenceError)
    /// The state was claimed by a higher lease generation than the writer's: a deposed leader's write, refused.
    case superseded(location: String, stored: Int, own: Int)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidName: "status.invalidName"
        case .ioFailed: "status.ioFailed"
        case .corrupt: "status.corrupt"
        case .state(_, let error): error.code
        case .fenced: "status.fenced"
        case .superseded: "status.superseded"
        }
    }

    /// Human-readable explanation.
    public var message: String {
        switch self {
        case .invalidName(let name):
            // Escaped (`debugDescription`): a name read from a hand-edited state can hold control characters.
            "\(name.debugDescription) is not a valid resource name for a status file"
        case .ioFailed(let path, let operation, let detail):
            "\(operation) failed for \(path): \(detail)"
        case .corrupt(let path, let detail):
            "status file \(path) is unreadable: \(detail)"
        case .state(let location, .preconditionFailed):
            "the state \(location) was changed by another writer since this run read it (another smsauth writing "
                + "without the lock?); this run's records were not written; run again to plan against the new state"
        case .state(let location, .conflict):
            "another write to the state \(location) was in progress; this run's records were not written"
        case .state(_, .unavailable(let location, let detail)):
            "the state \(location) cannot be used: \(detail)"
        case .fenced(let error):
            "status not written: \(error)"
        case .superseded(let location, let stored, let own):
            "the state \(location) was taken over by lease generation \(stored); this controller's generation \(own) "
                + "was deposed and its records were not written"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
