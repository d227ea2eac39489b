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

    /// Defaults below the AWS quotas: Cognito allows about 15 requests/s per category (shared by the whole account),
    /// app-client categories 5 requests/s; everything else gets 10/s with a burst of 10.
    public static let awsDefaults: RateLimiterConfiguration = {
        let general = RateLimit(constantPerSecond: 10, burst: 10)
        let cognitoCategory = RateLimit(constantPerSecond: 10, burst: 10)
        let cognitoClient = RateLimit(constantPerSecond: 4, burst: 4)
        return RateLimiterConfiguration(
            defaultLimit: general,
            categories: [
                "cognito-idp:UserPoolRead": cognitoCategory,
                "cognito-idp:UserPoolUpdate": cognitoCategory,
                "cognito-idp:UserPoolCreate": cognitoCategory,
                "cognito-idp:UserPoolClientRead": cognitoClient,
                "cognito-idp:UserPoolClientUpdate": cognitoClient,
                "cognito-idp:UserPoolClientCreate": cognitoClient,
            ])
    }()
}

/// One `TokenBucket` per category, created on first use from a `RateLimiterConfiguration`.
public actor RateLimiterSet {
    /// The limits.
    public let configuration: RateLimiterConfiguration
    /// The clock every bucket uses.
    private let clock: any ControllerClock
    /// Buckets created so far, by category.
    private var buckets: [String: TokenBucket] = [:]

    /// Creates an empty set; buckets are made as categories are first used.
    public init(configuration: RateLimiterConfiguration = .awsDefaults, clock: any ControllerClock = SystemControllerClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    /// The bucket of `category` (the same bucket on every call).
    public func bucket(for category: String) -> TokenBucket {
        if let bucket = buckets[category] { return bucket }
        let bucket = TokenBucket(limit: configuration.limit(for: category), clock: clock)
        buckets[category] = bucket
        return bucket
    }

    /// Waits for a token of `category`'s bucket.
    /// - Throws: `CancellationError` if the calling task is cancelled while waiting.
    public func acquire(_ category: String) async throws {
        try await bucket(for: category).acquire()
    }
}
