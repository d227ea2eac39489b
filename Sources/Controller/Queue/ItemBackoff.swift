/// Per-key exponential failure backoff, as client-go's `ItemExponentialFailureRateLimiter`.
///
/// The n-th consecutive failure of a key (counting from zero) waits `baseDelay * 2^n`, capped at `maxDelay`.
/// A success calls `forget(_:)`, which resets the key to `baseDelay`.
public struct ItemBackoff<Key: Hashable & Sendable>: Sendable {
    /// Delay after the first failure.
    public let baseDelay: Duration
    /// Upper bound of any delay.
    public let maxDelay: Duration
    /// Consecutive failures recorded per key since its last `forget(_:)`.
    private var failureCounts: [Key: Int] = [:]

    /// Creates a backoff; the defaults are the controller's (5 ms doubling to a 5-minute cap).
    public init(baseDelay: Duration = .milliseconds(5), maxDelay: Duration = .seconds(300)) {
        self.baseDelay = baseDelay
        self.maxDelay = max(baseDelay, maxDelay)
    }

    /// Records one more failure of `key` and returns how long to wait before retrying it.
    public mutating func nextDelay(for key: Key) -> Duration {
        let previous = failureCounts[key, default: 0]
        failureCounts[key] = previous + 1
        return delay(afterFailures: previous)
    }

    /// Clears the failure history of `key` (call after it succeeded or was removed).
    public mutating func forget(_ key: Key) {
        failureCounts.removeValue(forKey: key)
    }

    /// Consecutive failures recorded for `key` since its last `forget(_:)`.
    public func failures(_ key: Key) -> Int {
        failureCounts[key, default: 0]
    }

    /// The delay for a key that had already failed `count` times before this failure: `baseDelay * 2^count`, capped.
    public func delay(afterFailures count: Int) -> Duration {
        var delay = baseDelay
        var remaining = count
        while remaining > 0 {
            delay *= 2
            if delay >= maxDelay { return maxDelay }
            remaining -= 1
        }
        return min(delay, maxDelay)
    }
}
