/// A token-bucket setting: a steady rate and how many calls may go at once after a quiet spell.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Tokens added per second (calls per second in the long run); greater than zero.
    public let perSecond: Double
    /// Bucket capacity (calls allowed back to back); at least one.
    public let burst: Int

    /// Creates a limit after checking it.
    /// - Throws: `RateLimitError.invalidRate` or `.invalidBurst`.
    public init(perSecond: Double, burst: Int) throws(RateLimitError) {
        guard perSecond.isFinite, perSecond > 0 else { throw .invalidRate(perSecond) }
        guard burst >= 1 else { throw .invalidBurst(burst) }
        self.perSecond = perSecond
        self.burst = burst
    }

    /// A limit from compile-time constants the caller guarantees valid (rate > 0, burst >= 1).
    init(constantPerSecond perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// For instance `15/s burst 15`.
    public var description: String { "\(perSecond)/s burst \(burst)" }
}

/// A rate-limit setting that cannot work.
public enum RateLimitError: Error, Equatable, CustomStringConvertible {
    /// The rate is zero, negative or not finite.
    case invalidRate(Double)
    /// The burst is below one.
    case invalidBurst(Int)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidRate: "rateLimit.invalidRate"
        case .invalidBurst: "rateLimit.invalidBurst"
        }
    }

    /// Human-readable explanation.
    public var description: String {
        switch self {
        case .invalidRate(let rate): "rate limit must be a positive number of calls per second, got \(rate)"
        case .invalidBurst(let burst): "rate limit burst must be at least 1, got \(burst)"
        }
    }
}
