import AWSCore

extension AWSError: ReconcileError {
    /// Retryable when the standard retry mode would retry it for an idempotent call (throttling, 5xx, timeouts):
    /// the client already retried it, so a later reconcile may succeed. Anything else waits for a change.
    public var isRetryable: Bool { RetryClassifier.isRetryable(self, idempotency: .idempotent) }

    /// The AWS error code.
    public var awsErrorCode: String? { code }
}

extension CredentialsError: ReconcileError {
    /// Only an unreachable credentials endpoint may answer later; configuration errors need a fix.
    public var isRetryable: Bool {
        if case .unreachable = self { return true }
        return false
    }
}

extension TransportError: ReconcileError {
    /// Which URL could not be reached and why.
    public var message: String { description }
    /// The network may come back; a certificate or an answer that trying again cannot mend does not.
    public var isRetryable: Bool { !isPermanent }
}

extension AWSClientError: ReconcileError {
    /// What failed (service, operation, coding path; never a body).
    public var message: String { description }
    /// A request that cannot be encoded or an answer that cannot be decoded does not fix itself.
    public var isRetryable: Bool { false }
}

extension EndpointError: ReconcileError {
    /// Why no endpoint could be resolved.
    public var message: String { description }
    /// Endpoint configuration needs a fix.
    public var isRetryable: Bool { false }
}
