import Foundation

/// The retry settings of the environment and the active profile, read as the AWS CLI reads them:
/// `AWS_MAX_ATTEMPTS` (else the profile's `max_attempts`), the attempts in total, the first included, and
/// `AWS_RETRY_MODE` (else the profile's `retry_mode`), which sets the default number of attempts: `standard` (the
/// default) and `adaptive` 3, `legacy` 5. Every mode backs off as the standard mode does (`RetryPolicy`); adaptive
/// mode's client-side rate limiting is what smsauth's per-category token buckets always do.
public enum RetrySettings {
    /// The most attempts accepted: with the 20 s cap on each backoff, more would let one call retry for over an hour.
    public static let maximumAttempts = 200

    /// The retry modes and their default number of attempts.
    static let modes: [String: Int] = ["standard": 3, "adaptive": 3, "legacy": 5]

    /// The policy of `environment` and `profile` (the active profile's settings; nil for none).
    /// - Throws: `RetrySettingsError` naming the setting whose value is not valid.
    public static func policy(environment: [String: String], profile: SharedConfig.Profile?)
        throws(RetrySettingsError) -> RetryPolicy {
        let mode = ConfiguredSetting.first([("AWS_RETRY_MODE", environment["AWS_RETRY_MODE"]),
                                            ("the profile's retry_mode", profile?["retry_mode"])])
        var policy = RetryPolicy.standard
        if let mode {
            guard let attempts = modes[mode.value] else {  // as botocore: lower case only
                throw .invalidMode(setting: mode.source, value: mode.value)
            }
            policy.maxAttempts = attempts
        }
        if let attempts = ConfiguredSetting.first([("AWS_MAX_ATTEMPTS", environment["AWS_MAX_ATTEMPTS"]),
                                                   ("the profile's max_attempts", profile?["max_attempts"])]) {
            guard let count = Int(attempts.value), (1...maximumAttempts).contains(count) else {
                throw .invalidAttempts(setting: attempts.source, value: attempts.value)
            }
            policy.maxAttempts = count
        }
        return policy
    }
}

/// A retry setting whose value is not valid.
public enum RetrySettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `AWS_MAX_ATTEMPTS` or `max_attempts` is not a whole number from 1 to `RetrySettings.maximumAttempts`.
    case invalidAttempts(setting: String, value: String)
    /// `AWS_RETRY_MODE` or `retry_mode` is none of `standard`, `adaptive`, `legacy`.
    case invalidMode(setting: String, value: String)

    /// Stable error code.
    public var code: String {
        switch self {
        case .invalidAttempts: "config.maxAttemptsInvalid"
        case .invalidMode: "config.retryModeInvalid"
        }
    }

    /// What is wrong and what is accepted.
    public var description: String {
        switch self {
        case let .invalidAttempts(setting, value):
            "\(code): \(setting) is '\(PrintableText.of(value))'; it must be a whole number of attempts from 1 to \(RetrySettings.maximumAttempts)"
        case let .invalidMode(setting, value):
            "\(code): \(setting) is '\(PrintableText.of(value))'; it must be standard, adaptive or legacy"
        }
    }
}
