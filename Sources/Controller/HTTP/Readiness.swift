import Foundation
import Synchronization

/// What `/readyz` reports: ready once the first full pass is complete and the AWS credentials worked, while the
/// status folder and the manifest folder can be read; otherwise the reasons, each naming the real problem.
public final class Readiness: Sendable {
    /// The flags, behind a lock (read by HTTP handlers, written by the controller).
    private let state = Mutex(State())

    /// The outcome of the last AWS account lookup (STS GetCallerIdentity).
    public enum CredentialsCheck: Sendable, Equatable {
        /// No lookup finished yet.
        case notChecked
        /// The lookup succeeded.
        case valid
        /// AWS throttled the lookup (the error code): the credentials may be fine.
        case throttled(code: String)
        /// The lookup failed otherwise (`code: message`).
        case failed(String)
    }

    /// The readiness flags.
    public struct State: Sendable, Equatable {
        /// Every key of the first full sync was reconciled at least once.
        public var initialSyncDone = false
        /// Keys of the first full sync reconciled so far, and how many it has (nil before it starts).
        public var initialSyncProgress: (done: Int, total: Int)?
        /// The last AWS account lookup.
        public var credentials = CredentialsCheck.notChecked
        /// Why the status folder cannot be read (nil when it can).
        public var statusProblem: String?
        /// Why the last apply could not write its status records (nil when it could).
        public var statusWriteProblem: String?
        /// While a new leader waits for an apply (or a migration) holding the state's lock: what it waits for.
        public var waitingForLock: String?
        /// Why the manifest folder is invalid (nil when valid).
        public var manifestProblem: String?
        /// While this controller waits as a standby (it does not hold the lease): who does (nil: leading, or no lease).
        public var standby: String?

        /// Compares the flags (tuples are not `Equatable`).
        public static func == (lhs: State, rhs: State) -> Bool {
            lhs.initialSyncDone == rhs.initialSyncDone && lhs.initialSyncProgress?.done == rhs.initialSyncProgress?.done
                && lhs.initialSyncProgress?.total == rhs.initialSyncProgress?.total && lhs.credentials == rhs.credentials
                && lhs.statusProblem == rhs.statusProblem && lhs.manifestProblem == rhs.manifestProblem
                && lhs.standby == rhs.standby && lhs.statusWriteProblem == rhs.statusWriteProblem
                && lhs.waitingForLock == rhs.waitingForLock
        }

        /// Why `/readyz` answers 503, in order of importance; empty when ready.
        public var reasons: [String] {
            if let standby { return ["standby: \(standby)"] }
            if let waitingForLock { return ["leading; waiting for \(waitingForLock)"] }
            var reasons: [String] = []
            if let manifestProblem { reasons.append("manifest folder invalid: \(manifestProblem)") }
            if let statusProblem { reasons.append("status folder unreadable: \(statusProblem)") }
            if let statusWriteProblem { reasons.append("status records not written: \(statusWriteProblem)") }
            switch credentials {
            case .valid: break
            case .notChecked: reasons.append("AWS credentials not verified yet")
            case .throttled(let code): reasons.append("AWS throttling (\(code)) while verifying credentials")
            case .failed(let error): reasons.append("AWS credentials not verified: \(error)")
            }
            if !initialSyncDone {
                if let progress = initialSyncProgress {
                    reasons.append("initial sync in progress: \(progress.done) of \(progress.total)")
                } else {
                    reasons.append("initial sync not started")
                }
            }
            return reasons
        }
    }

    /// Not ready.
    public init() {}

    /// The current flags.
    public var current: State { state.withLock { $0 } }

    /// Whether `/readyz` answers 200.
    public var isReady: Bool { current.reasons.isEmpty }

    /// Records that the first full sync is done.
    public func markInitialSyncDone() {
        state.withLock { $0.initialSyncDone = true }
    }

    /// Records how far the first full sync got (ignored once it is done).
    public func setInitialSyncProgress(done: Int, total: Int) {
        state.withLock { $0.initialSyncProgress = (done, total) }
    }

    /// Records the outcome of the last account lookup.
    public func setCredentials(_ check: CredentialsCheck) {
        state.withLock { $0.credentials = check }
    }

    /// Records why the status folder cannot be read (nil: it can).
    public func setStatusProblem(_ problem: String?) {
        state.withLock { $0.statusProblem = problem }
    }

    /// Records that this controller waits as a standby (`holder`: who leads), forgetting what its last term as
    /// leader had reached: the next term starts not ready, with its own first full sync.
    public func setStandby(_ holder: String) {
        state.withLock { $0 = State(standby: holder) }
    }

    /// Records that this controller leads: ready once its first full sync is done, as at start.
    public func setLeading() {
        state.withLock { $0.standby = nil }
    }

    /// Records why the last apply could not write its status records (nil: it could).
    public func setStatusWriteProblem(_ problem: String?) {
        state.withLock { $0.statusWriteProblem = problem }
    }

    /// Records what a new leader waits for before its term starts (nil: nothing any more).
    public func setWaitingForLock(_ holder: String?) {
        state.withLock { $0.waitingForLock = holder }
    }

    /// Records why the manifest folder is invalid (nil: it is valid).
    public func setManifestProblem(_ problem: String?) {
        state.withLock { $0.manifestProblem = problem }
    }
}
