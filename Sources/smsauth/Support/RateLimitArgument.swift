import AWSCore
import AWSServices
import Controller

/// `--rate-limit CATEGORY=RATE[/BURST]`, e.g. `cognito-idp:UserPoolRead=5/5`; `default=RATE[/BURST]` sets the
/// limit of every category without its own entry: every `<service>:default` one (AWS's defaults give Cognito's
/// named categories their own).
struct RateLimitArgument {
    /// The category (`default` for the default).
    let category: String
    /// The limit.
    let limit: RateLimit

    /// What `default=` sets instead of one category.
    static let defaultKeyword = "default"

    /// Every category a call of smsauth can fall into (`AWSOperation.rateLimitCategories`).
    static let categories = AWSOperation.rateLimitCategories(services: ServiceDescriptor.all.map(\.signingName))

    /// Parses `CATEGORY=RATE[/BURST]`; the burst defaults to the rate rounded up.
    /// - Throws: `RateLimitArgumentError` naming what is wrong.
    init(parsing argument: String) throws(RateLimitArgumentError) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { throw .malformed(argument) }
        let category = String(parts[0])
        guard category == Self.defaultKeyword || Self.categories.contains(category) else {
            throw .unknownCategory(category, suggestion: Self.suggestion(for: category))
        }
        let numbers = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        guard numbers.count <= 2 else { throw .malformed(argument) }
        guard let rate = DecimalNumber.parse(numbers[0]) else { throw .notARate(String(numbers[0])) }
        let burst: Int
        if numbers.count == 2 {
            guard let given = Int(numbers[1]) else { throw .notABurst(String(numbers[1])) }
            burst = given
        } else {
            guard RateLimit.rates.contains(rate) else { throw .limit(.invalidRate(rate)) }
            burst = Int(rate.rounded(.up))
        }
        do {
            limit = try RateLimit(perSecond: rate, burst: burst)
        } catch {
            throw .limit(error)
        }
        self.category = category
    }

    /// The known category `category` differs from only in letter case, if any.
    private static func suggestion(for category: String) -> String? {
        let lowered = category.lowercased()
        return ([defaultKeyword] + categories.sorted()).first { $0.lowercased() == lowered }
    }

    /// The AWS defaults with `overrides` applied, in order (a category given twice gets its last limit).
    static func configuration(_ overrides: [RateLimitArgument]) -> RateLimiterConfiguration {
        var configuration = RateLimiterConfiguration.awsDefaults
        for override in overrides {
            if override.category == Self.defaultKeyword {
                configuration.defaultLimit = override.limit
            } else {
                configuration.categories[override.category] = override.limit
            }
        }
        return configuration
    }
}

/// A `--rate-limit` value that cannot be used; argument parsing prints its description after the value.
enum RateLimitArgumentError: Error, Equatable, CustomStringConvertible {
    /// Not `CATEGORY=RATE[/BURST]`.
    case malformed(String)
    /// A category no call of smsauth falls into; `suggestion` is a known one spelled in another letter case.
    case unknownCategory(String, suggestion: String?)
    /// RATE is not a decimal number.
    case notARate(String)
    /// BURST is not a whole number.
    case notABurst(String)
    /// The rate or burst is out of range.
    case limit(RateLimitError)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .malformed: "rateLimit.malformed"
        case .unknownCategory: "rateLimit.unknownCategory"
        case .notARate: "rateLimit.notARate"
        case .notABurst: "rateLimit.notABurst"
        case .limit(let error): error.code
        }
    }

    /// Human-readable explanation.
    var description: String {
        switch self {
        case .malformed:
            "expected CATEGORY=RATE[/BURST], e.g. cognito-idp:UserPoolRead=5/5 or default=10"
        case .unknownCategory(let category, let suggestion?):
            "unknown category '\(category)'; did you mean '\(suggestion)'?"
        case .unknownCategory(let category, nil):
            "unknown category '\(category)'; the categories are \(RateLimitArgument.defaultKeyword), "
                + RateLimitArgument.categories.sorted().joined(separator: ", ")
        case .notARate(let text):
            "RATE '\(text)' is not a decimal number of calls per second"
        case .notABurst(let text):
            "BURST '\(text)' is not a whole number"
        case .limit(let error):
            error.description
        }
    }
}
