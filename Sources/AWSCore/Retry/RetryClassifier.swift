import Foundation

/// Decides which failures the standard retry mode repeats.
public enum RetryClassifier {
    /// Error codes that mean the request was rejected for rate and was not processed.
    /// `LimitExceededException` is deliberately absent: Cognito uses it for quotas that retrying cannot fix.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Error codes of transient service-side failures (the request may have been processed).
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    ]

    /// Error codes that mean the write was refused because another change to the same resource was in progress, so
    /// nothing was applied: Cognito `ConcurrentModificationException` (UpdateUserPool, SetUserPoolMfaConfig,
    /// UpdateUserPoolClient…), IAM `ConcurrentModification` (HTTP 409), SNS `ConcurrentAccess`. The standard retry
    /// mode has no generic rule for them; like throttling, they prove the request did nothing, so every operation
    /// (idempotent or not) is repeated within the same attempt budget, as Terraform's AWS provider does for IAM.
    /// S3's `ConditionalRequestConflict` (HTTP 409, a conditional write overlapping another) too: the repeated write
    /// carries the same condition, so it fails with 412 if the other write changed the object.
    public static let conflictCodes: Set<String> = [
        "ConcurrentModificationException", "ConcurrentModification", "ConcurrentAccess", "ConditionalRequestConflict",
    ]

    /// HTTP statuses of transient service-side failures.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Whether `error` proves the request was refused for rate (throttling code or HTTP 429).
    public static func isThrottling(_ error: AWSError) -> Bool {
        throttlingCodes.contains(error.code) || error.httpStatus == 429
    }

    /// Whether `error` is worth another attempt for an operation of the given idempotency.
    public static func isRetryable(_ error: AWSError, idempotency: Idempotency) -> Bool {
        if isThrottling(error) || conflictCodes.contains(error.code) { return true }
        guard idempotency == .idempotent else { return false }
        return transientCodes.contains(error.code) || transientStatuses.contains(error.httpStatus)
    }

    /// Whether a transport failure is retried: yes for idempotent operations, unless trying again cannot mend it
    /// (`TransportError.isPermanent`). A `TransportError` does not say whether the request left the machine, so a
    /// non-idempotent operation is never repeated after one.
    public static func isRetryable(_ error: TransportError, idempotency: Idempotency) -> Bool {
        idempotency == .idempotent && !error.isPermanent
    }
}
