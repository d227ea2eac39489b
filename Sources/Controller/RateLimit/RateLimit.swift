/// A token-bucket setting: a steady rate and how many calls may go at once after a quiet spell.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Tokens added per second (calls per second in the long run); within `rates`.
    public let perSecond: Double
    /// Bucket capacity (calls allowed back to back); at least one.
    public let burst: Int

    /// The rates a limit may have: from one call per 1,000 s (a slower rate would hold a command for hours) to a
    /// billion calls per second (in effect no limit; its default burst still fits in an `Int`).
    public static let rates: ClosedRange<Double> = 0.001...1_000_000_000

    /// Creates a limit after checking it.
    /// - Throws: `RateLimitError.invalidRate` or `.invalidBurst`.
    public init(perSecond: Double, burst: Int) throws(RateLimitError) {
        guard Self.rates.contains(perSecond) else { throw .invalidRate(perSecond) }
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
    /// The rate is outside `RateLimit.rates` (zero, negative and not-a-number included).
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
        case .invalidRate(let rate):
            "rate limit must be between \(RateLimit.rates.lowerBound) and \(Int(RateLimit.rates.upperBound)) calls per "
                + "second, got \(rate)"
        case .invalidBurst(let burst): "rate limit burst must be at least 1, got \(burst)"
        }
    }
}
