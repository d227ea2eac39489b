/// The arithmetic of a token bucket, without any waiting: reservations against a clock reading.
///
/// Reservations may drive the token count below zero; the returned wait is how long until the bucket would have
/// refilled that deficit, so concurrent callers are served in order of their reservations.
struct TokenBucketState: Sendable {
    /// The rate and burst.
    let limit: RateLimit
    /// Tokens in the bucket at `updatedAt`; negative when callers are waiting for reserved tokens.
    private(set) var tokens: Double
    /// Clock reading of the last refill.
    private var updatedAt: Duration

    /// A full bucket at clock reading `now`.
    init(limit: RateLimit, now: Duration) {
        self.limit = limit
        tokens = Double(limit.burst)
        updatedAt = now
    }

    /// Takes one token at `now` and returns how long the caller must wait before using it (zero when available).
    mutating func reserve(now: Duration) -> Duration {
        refill(now: now)
        tokens -= 1
        guard tokens < 0 else { return .zero }
        return .seconds(-tokens / limit.perSecond)
    }

    /// Takes one token at `now` only if one is available without waiting.
    mutating func take(now: Duration) -> Bool {
        refill(now: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Returns a reserved token that will not be used (its caller was cancelled).
    mutating func release(now: Duration) {
        refill(now: now)
        tokens = min(Double(limit.burst), tokens + 1)
    }

    /// Adds the tokens earned since the last refill, up to the burst.
    private mutating func refill(now: Duration) {
        guard now > updatedAt else { return }
        let elapsed = now - updatedAt
        tokens = min(Double(limit.burst), tokens + elapsed.inSeconds * limit.perSecond)
        updatedAt = now
    }
}
