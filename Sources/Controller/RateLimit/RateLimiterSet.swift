import Synchronization
import AWSCore

/// Per-category rate limits, e.g. `cognito-idp:UserPoolRead`, with a default for categories not listed.
public struct RateLimiterConfiguration: Sendable, Hashable {
    /// Limit of every category without its own entry.
    public var defaultLimit: RateLimit
    /// Limits by category name (`<service>:<category>`).
    public var categories: [String: RateLimit]

    /// Creates a configuration.
    public init(defaultLimit: RateLimit, categories: [String: RateLimit] = [:]) {
        self.defaultLimit = defaultLimit
        self.categories = categories
    }

    /// The limit that applies to `category`.
    public func limit(for category: String) -> RateLimit {
        categories[category] ?? defaultLimit
    }

    /// AWS's default request-rate quotas: Cognito's user-pool API categories allow 15 requests/s each, per account
    /// and region (a burst of the same size). IAM, STS, SNS and End User Messaging publish no per-operation default
    /// rate for the calls smsauth makes; their `<service>:default` category gets 20/s (burst 20).
    public static let awsDefaults: RateLimiterConfiguration = {
        let cognitoCategory = RateLimit(constantPerSecond: 15, burst: 15)
        return RateLimiterConfiguration(
            defaultLimit: RateLimit(constantPerSecond: 20, burst: 20),
            categories: Dictionary(uniqueKeysWithValues: AWSOperation.cognitoCategoryNames.map {
                ("cognito-idp:\($0)", cognitoCategory)
            }))
    }()
}

/// One `TokenBucket` per category, created on first use from a `RateLimiterConfiguration` (under a lock, like the
/// buckets themselves, so looking a bucket up never suspends).
public final class RateLimiterSet: Sendable {
    /// The limits.
    public let configuration: RateLimiterConfiguration
    /// The clock every bucket uses.
    private let clock: any ControllerClock
    /// Buckets created so far, by category.
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Creates an empty set; buckets are made as categories are first used.
    public init(configuration: RateLimiterConfiguration = .awsDefaults, clock: any ControllerClock = SystemControllerClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    /// The bucket of `category` (the same bucket on every call).
    public func bucket(for category: String) -> TokenBucket {
        buckets.withLock { buckets in
            if let bucket = buckets[category] { return bucket }
            let bucket = TokenBucket(limit: configuration.limit(for: category), clock: clock)
            buckets[category] = bucket
            return bucket
        }
    }

    /// Waits for a token of `category`'s bucket.
    /// - Throws: `CancellationError` if the calling task is cancelled while waiting.
    public func acquire(_ category: String) async throws {
        try await bucket(for: category).acquire()
    }
}
