import ArgumentParser
import Controller

/// `--rate-limit CATEGORY=RATE[/BURST]`, e.g. `cognito-idp:UserPoolRead=5/5`; `default=RATE[/BURST]` sets the
/// limit of every category without its own.
struct RateLimitArgument: ExpressibleByArgument {
    /// The category (`default` for the default).
    let category: String
    /// The limit.
    let limit: RateLimit

    /// Parses `CATEGORY=RATE[/BURST]`; the burst defaults to the rate rounded up.
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let numbers = parts[1].split(separator: "/")
        guard let rate = numbers.first.flatMap({ Double($0) }) else { return nil }
        let burst = numbers.count > 1 ? Int(numbers[1]) : Int(rate.rounded(.up))
        guard numbers.count <= 2, let burst, let limit = try? RateLimit(perSecond: rate, burst: burst) else {
            return nil
        }
        category = String(parts[0])
        self.limit = limit
    }

    /// The AWS defaults with `overrides` applied.
    static func configuration(_ overrides: [RateLimitArgument]) -> RateLimiterConfiguration {
        var configuration = RateLimiterConfiguration.awsDefaults
        for override in overrides {
            if override.category == "default" {
                configuration.defaultLimit = override.limit
            } else {
                configuration.categories[override.category] = override.limit
            }
        }
        return configuration
    }
}
