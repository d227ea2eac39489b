import AWSCore
import Synchronization

/// Whether this process may write, as the holder of a lease: open with the lease's generation until a deadline on
/// the local monotonic clock, closed otherwise. Every AWS request of a lease-holding controller and every status
/// write checks it just before it leaves the process, so a leader that lost its lease (or could not renew it in
/// time, e.g. because it was frozen) stops writing at once, not at the end of a pass.
public final class LeaseFence: Sendable {
    /// The local monotonic clock the deadline is on.
    private let now: @Sendable () -> Duration
    /// The generation held and the instant writing stops; nil while closed.
    private let term = Mutex<(generation: Int, deadline: Duration)?>(nil)

    /// A closed fence judged on `now`.
    public init(now: @escaping @Sendable () -> Duration) {
        self.now = now
    }

    /// Opens (or extends) the fence for `generation` until `deadline`.
    public func open(generation: Int, until deadline: Duration) {
        term.withLock { $0 = (generation, deadline) }
    }

    /// Closes the fence: nothing is written any more until it is opened again.
    public func close() {
        term.withLock { $0 = nil }
    }

    /// The generation held, if writing is allowed now.
    public var generation: Int? {
        try? check()
    }

    /// The generation to write with; throws when the fence is closed or its deadline has passed.
    public func check() throws(LeaseFenceError) -> Int {
        let current = term.withLock { $0 }
        guard let current else { throw .notLeader }
        guard now() < current.deadline else { throw .expired(generation: current.generation) }
        return current.generation
    }
}

/// Why the fence refused a write.
public enum LeaseFenceError: Error, Equatable, Sendable, CustomStringConvertible, RequestNotSent, ReconcileError {
    /// This process does not hold the lease (standby, or it stepped down).
    case notLeader
    /// The lease of `generation` was not renewed within its duration: another process may lead now.
    case expired(generation: Int)

    /// Stable machine-readable code.
    public var code: String { "lease.fenced" }

    /// What was refused, and why.
    public var message: String {
        switch self {
        case .notLeader: "this controller does not hold the lease; no write is made"
        case .expired(let generation):
            "the lease (generation \(generation)) was not renewed within its duration; no write is made"
        }
    }

    /// Another controller may lead now; this one stops and stands by (it retries nothing itself).
    public var isRetryable: Bool { true }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
