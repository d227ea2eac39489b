import Foundation
import Testing
import TestSupport

/// `AWS_MAX_ATTEMPTS` sets how many times a call is tried: a call throttled three times succeeds on a fourth attempt
/// it allows, and fails after the two attempts it allows; a value that is not valid stops the command before any call.
@Suite("Retry settings end to end", .timeLimit(.minutes(8)))
struct RetrySettingsEndToEndTests {
    @Test func awsMaxAttemptsSetsTheAttemptsOfEveryCall() async throws {
        let (context, space) = try await StatusLockEndToEndTests.demo(region: "eu-south-2")
        defer { space.remove() }
        let (environment, accessKeyId) = try await context.freshEnvironment()
        func identityCalls() async throws -> Int {
            try await context.emulator.calls(accessKeyId: accessKeyId).filter { $0.operation == "GetCallerIdentity" }.count
        }
        try await context.emulator.injectFaults([.init(service: "sts", operation: "GetCallerIdentity", kind: "throttle",
                                                       accessKeyId: accessKeyId, count: 3)])
        let four = try await space.reconcile(["--dry-run"], environment: environment.merging(["AWS_MAX_ATTEMPTS": "4"]) { $1 })
        #expect(four.status == 0, "\(four.stdout)\(four.stderr)")
        #expect(try await identityCalls() == 4)

        try await context.emulator.injectFaults([.init(service: "sts", operation: "GetCallerIdentity", kind: "throttle",
                                                       accessKeyId: accessKeyId, count: 3)])
        let two = try await space.reconcile(["--dry-run"], environment: environment.merging(["AWS_MAX_ATTEMPTS": "2"]) { $1 })
        #expect(two.status == 1, "\(two.stdout)\(two.stderr)")
        #expect(try await identityCalls() == 6)

        let before = try await context.emulator.calls(accessKeyId: accessKeyId).count
        let invalid = try await space.reconcile(["--dry-run"], environment: environment.merging(["AWS_RETRY_MODE": "fast"]) { $1 })
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("config.retryModeInvalid: AWS_RETRY_MODE is 'fast'; it must be standard, adaptive or legacy"),
                "\(invalid.stderr)")
        #expect(try await context.emulator.calls(accessKeyId: accessKeyId).count == before)
    }
}
