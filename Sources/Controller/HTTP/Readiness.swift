import Foundation

/// What `/readyz` reports: ready once the first full sync succeeded and the AWS credentials worked.
public final class Readiness: Sendable {
    /// The flags, behind a lock (read by HTTP handlers, written by the controller).
    private let state = NSLockedValue(State())

    /// The readiness flags.
    public struct State: Sendable, Equatable {
        /// Every key of the first full sync was reconciled without a retryable failure.
        public var initialSyncDone = false
        /// The last AWS account lookup (STS GetCallerIdentity) succeeded.
        public var credentialsValid = false
    }

    /// Not ready.
    public init() {}

    /// The current flags.
    public var current: State { state.get() }

    /// Whether `/readyz` answers 200.
    public var isReady: Bool {
        let now = current
        return now.initialSyncDone && now.credentialsValid
    }

    /// Records that the first full sync is done.
    public func markInitialSyncDone() {
        state.update { $0.initialSyncDone = true }
    }

    /// Records whether the credentials worked on the last account lookup.
    public func setCredentialsValid(_ valid: Bool) {
        state.update { $0.credentialsValid = valid }
    }
}

/// A value guarded by an `NSLock`.
final class NSLockedValue<Value: Sendable>: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// The value.
    private var value: Value

    /// Wraps `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// A copy of the value.
    func get() -> Value {
        lock.withLock { value }
    }

    /// Changes the value under the lock.
    func update(_ body: (inout Value) -> Void) {
        lock.withLock { body(&value) }
    }
}
