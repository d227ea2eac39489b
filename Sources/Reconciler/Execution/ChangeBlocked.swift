/// Thrown by a change applier when a change cannot be carried out yet because of something outside it (a resource
/// it depends on is still pending). The executor records it as `blocked`, not as a failure, and blocks the
/// changes that depend on it in turn.
public struct ChangeBlocked: Error, Equatable, Sendable {
    /// Why, e.g. `waiting for OriginationIdentity/us-tollfree: pending: number is being provisioned (PENDING)`.
    public let reason: String
    /// The resource it waits for.
    public let cause: ResourceAddress?

    /// Creates the error.
    public init(reason: String, cause: ResourceAddress?) {
        self.reason = reason
        self.cause = cause
    }

    /// Stable error code.
    public var code: String { "reconcile.blocked" }
}
