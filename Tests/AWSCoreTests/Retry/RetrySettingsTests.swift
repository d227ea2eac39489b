import Testing
@testable import AWSCore

/// `AWS_MAX_ATTEMPTS` / `max_attempts` and `AWS_RETRY_MODE` / `retry_mode`, read as the AWS CLI reads them.
@Suite struct RetrySettingsTests {
    static func profile(_ values: [String: String]) -> SharedConfig.Profile {
        SharedConfig.Profile(name: "default", values: values, files: [])
    }

    @Test(arguments: [
        ([:], [:], 3),
        (["AWS_MAX_ATTEMPTS": "7"], [:], 7),
        ([:], ["max_attempts": "4"], 4),
        (["AWS_MAX_ATTEMPTS": "2"], ["max_attempts": "9"], 2),
        (["AWS_MAX_ATTEMPTS": ""], ["max_attempts": "9"], 9),
        (["AWS_RETRY_MODE": "legacy"], [:], 5),
        (["AWS_RETRY_MODE": "adaptive"], [:], 3),
        ([:], ["retry_mode": "legacy"], 5),
        (["AWS_RETRY_MODE": "legacy", "AWS_MAX_ATTEMPTS": "1"], [:], 1),
        (["AWS_MAX_ATTEMPTS": " 200 "], [:], 200),
        (["AWS_MAX_ATTEMPTS": "3\n"], [:], 3),
    ] as [([String: String], [String: String], Int)])
    func attempts(_ environment: [String: String], _ profile: [String: String], _ expected: Int) throws {
        #expect(try RetrySettings.policy(environment: environment, profile: Self.profile(profile)).maxAttempts == expected)
    }

    @Test(arguments: [
        (["AWS_MAX_ATTEMPTS": "0"], [:], "config.maxAttemptsInvalid: AWS_MAX_ATTEMPTS is '0'; it must be a whole number of attempts from 1 to 200"),
        (["AWS_MAX_ATTEMPTS": "201"], [:], "config.maxAttemptsInvalid: AWS_MAX_ATTEMPTS is '201'; it must be a whole number of attempts from 1 to 200"),
        (["AWS_MAX_ATTEMPTS": "3.5"], [:], "config.maxAttemptsInvalid: AWS_MAX_ATTEMPTS is '3.5'; it must be a whole number of attempts from 1 to 200"),
        ([:], ["max_attempts": "many"], "config.maxAttemptsInvalid: the profile's max_attempts is 'many'; it must be a whole number of attempts from 1 to 200"),
        (["AWS_RETRY_MODE": "fast"], [:], "config.retryModeInvalid: AWS_RETRY_MODE is 'fast'; it must be standard, adaptive or legacy"),
        (["AWS_RETRY_MODE": "Adaptive"], [:], "config.retryModeInvalid: AWS_RETRY_MODE is 'Adaptive'; it must be standard, adaptive or legacy"),
        (["AWS_RETRY_MODE": "x\u{1B}]0;pwn\u{7}"], [:], "config.retryModeInvalid: AWS_RETRY_MODE is 'x]0;pwn'; it must be standard, adaptive or legacy"),
    ] as [([String: String], [String: String], String)])
    func refused(_ environment: [String: String], _ profile: [String: String], _ message: String) {
        #expect {
            try RetrySettings.policy(environment: environment, profile: Self.profile(profile))
        } throws: { ($0 as? RetrySettingsError)?.description == message }
    }
}
