import Foundation

/// The AWS SDKs' "standard" retry mode: a bounded number of attempts with full-jitter exponential backoff.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first one included (values below 1 count as 1). Default 3.
    public var maxAttempts: Int
    /// Backoff base. Default 1 s.
    public var baseDelay: Duration
    /// Upper bound of any delay, including one asked for by `Retry-After`. Default 20 s.
    public var maxBackoff: Duration

    /// The standard mode defaults: 3 attempts, 1 s base, 20 s cap.
    public static let standard = RetryPolicy()

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxBackoff: Duration = .seconds(20)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
    }

    /// How many attempts are made at most (at least 1).
    public var attemptLimit: Int { max(1, maxAttempts) }

    /// The delay before the next attempt after attempt number `attempt` (1-based) failed:
    /// `random * min(baseDelay * 2^(attempt-1), maxBackoff)`, with `random` clamped to 0...1.
    public func backoff(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(baseDelay * (1 << exponent), maxBackoff)
        let fraction = random.isNaN ? 0 : min(max(random, 0), 1)
        return ceiling * fraction
    }

    /// The delay a `Retry-After` header asks for (seconds, integer or decimal), capped at `maxBackoff`;
    /// nil when absent, negative or not a number.
    public func retryAfterDelay(_ header: String?) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), let seconds = Double(text),
              seconds.isFinite, seconds >= 0 else { return nil }
        return min(Duration.milliseconds(Int64((seconds * 1000).rounded())), maxBackoff)
    }
}

/// Whether repeating an operation can do harm.
public enum Idempotency: Sendable, Equatable {
    /// Reads, updates to a given state, deletes, and creates carrying an idempotency token: any retryable failure
    /// may be retried.
    case idempotent
    /// A create without idempotency token: retried only after errors that prove the request was not processed
    /// (throttling). Never after 5xx, timeouts or transport errors, since the request may have taken effect.
    case nonIdempotent
}
