import AWSCore

extension AWSError: ReconcileError {
    /// Retryable when the standard retry mode would retry it for an idempotent call (throttling, 5xx, timeouts):
    /// the client already retried it, so a later reconcile may succeed. Anything else waits for a change.
    public var isRetryable: Bool { RetryClassifier.isRetryable(self, idempotency: .idempotent) }

    /// The AWS error code.
    public var awsErrorCode: String? { code }
}
