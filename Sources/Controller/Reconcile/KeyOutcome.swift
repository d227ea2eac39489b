import Foundation

/// How reconciling one key ended, in controller-runtime terms: what the work queue does with the key next.
public enum KeyOutcome: Sendable, Equatable {
    /// Done: the failure backoff is reset. A `pending` resource (waiting for an OTP, number provisioning) is
    /// looked at again after the pending-poll interval.
    case succeeded(pending: Bool)
    /// Failed in a way that may pass later (throttling, 5xx, network, a dependency that failed): requeued with the
    /// per-key exponential backoff.
    case retry(code: String)
    /// Waits on a dependency that is pending or blocked: looked at again after the pending-poll interval.
    case waiting(reason: String)
    /// Failed in a way only a manifest change can fix (refused immutable change, invalid request): not retried
    /// until the manifest changes. With `retryAt` (AWS said when the change becomes possible, e.g. the sandbox's
    /// 24-hour rule): looked at again at that time or at the next resync, whichever comes first, never sooner.
    case terminal(code: String, retryAt: Date? = nil)

    /// Whether the key was not reconciled successfully (a retry or a terminal failure).
    public var isFailure: Bool {
        switch self {
        case .succeeded, .waiting: false
        case .retry, .terminal: true
        }
    }

    /// The `result` label of the reconcile metrics.
    public var metricLabel: String {
        switch self {
        case .succeeded(let pending): pending ? "pending" : "success"
        case .retry: "retry"
        case .waiting: "waiting"
        case .terminal: "terminal"
        }
    }
}

/// Out-of-band changes seen in one reconcile.
public struct DriftCount: Sendable, Equatable {
    /// Resources found changed out of band.
    public var found = 0
    /// Of those, the ones changed back (`policy.onDrift: Correct`).
    public var corrected = 0

    /// No drift.
    public init(found: Int = 0, corrected: Int = 0) {
        self.found = found
        self.corrected = corrected
    }
}
