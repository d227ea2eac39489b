import Testing

@testable import Controller

/// Category lookup and bucket sharing in `RateLimiterSet`.
@Suite("RateLimiterSet")
struct RateLimiterSetTests {
    /// Listed categories get their own limit; others the default.
    @Test func categoryOrDefault() throws {
        let config = RateLimiterConfiguration(
            defaultLimit: try RateLimit(perSecond: 10, burst: 10),
            categories: ["cognito-idp:UserPoolRead": try RateLimit(perSecond: 15, burst: 5)])
        #expect(config.limit(for: "cognito-idp:UserPoolRead").perSecond == 15)
        #expect(config.limit(for: "iam:Read").perSecond == 10)
    }

    /// The defaults are AWS's documented quotas: 15/s for every Cognito category smsauth's calls fall into, 20/s for
    /// the other services' default categories.
    @Test func awsDefaultsAreTheDocumentedQuotas() {
        let config = RateLimiterConfiguration.awsDefaults
        for category in ["UserPoolRead", "UserPoolUpdate", "UserPoolCreate", "UserPoolDelete", "UserPoolClientRead",
                         "UserPoolClientUpdate", "UserPoolClientCreate", "UserPoolClientDelete"] {
            #expect(config.limit(for: "cognito-idp:\(category)") == RateLimit(constantPerSecond: 15, burst: 15))
        }
        #expect(config.limit(for: "iam:default") == RateLimit(constantPerSecond: 20, burst: 20))
        #expect(config.limit(for: "sms-voice:default") == RateLimit(constantPerSecond: 20, burst: 20))
    }

    /// Each category has one shared bucket; exhausting one category does not slow another.
    @Test func bucketsAreIndependentAndShared() async throws {
        let config = RateLimiterConfiguration(defaultLimit: try RateLimit(perSecond: 1, burst: 1))
        let set = RateLimiterSet(configuration: config, clock: ManualClock())
        try await set.acquire("a")
        #expect(!set.bucket(for: "a").tryAcquire())
        #expect(set.bucket(for: "b").tryAcquire())
        #expect(set.bucket(for: "a") === set.bucket(for: "a"))
    }
}
