import AWSCore
import Foundation
import Logging
import Testing

@testable import Controller

/// Answers every request with a fixed response and counts them.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    /// Guards `count`.
    private let lock = NSLock()
    /// Requests sent so far.
    private var sent = 0
    /// The answer.
    let response: HTTPResponse

    /// Answers `response`.
    init(response: HTTPResponse) {
        self.response = response
    }

    /// Requests sent so far.
    var count: Int { lock.withLock { sent } }

    /// Counts and answers.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        lock.withLock { sent += 1 }
        return response
    }
}

/// Requests wait for their category's token, and every answer is counted by service, operation and code.
@Suite("RateLimitedTransport")
struct RateLimitedTransportTests {
    /// With a burst of 2, the third call of a category waits for the clock; another category does not.
    @Test func limitsPerCategory() async throws {
        let clock = ManualClock()
        let limit = try RateLimit(perSecond: 1, burst: 2)
        let limiters = RateLimiterSet(configuration: RateLimiterConfiguration(defaultLimit: limit), clock: clock)
        let base = CountingTransport(response: HTTPResponse(status: 200))
        let transport = RateLimitedTransport(base: base, limiters: limiters, metrics: ControllerMetrics(),
                                             logger: Logger(label: "test"))
        let describe = AWSCallInfoTests.request(service: "cognito-idp",
                                                target: "AWSCognitoIdentityProviderService.DescribeUserPool")
        for _ in 0..<2 { _ = try await transport.send(describe, timeout: .seconds(1)) }
        let third = Task { try await transport.send(describe, timeout: .seconds(1)) }
        #expect(await eventually { clock.sleeperCount == 1 })
        #expect(base.count == 2)
        _ = try await transport.send(AWSCallInfoTests.request(service: "iam", body: "Action=GetRole"), timeout: .seconds(1))
        #expect(base.count == 3)
        clock.advance(by: .seconds(1))
        _ = try await third.value
        #expect(base.count == 4)
    }

    /// Answers are counted in `smsauth_aws_calls_total` with their error code.
    @Test func countsCallsByCode() async throws {
        let metrics = ControllerMetrics()
        let throttled = HTTPResponse(status: 400, headers: [HTTPHeader("x-amzn-ErrorType", "TooManyRequestsException")])
        let transport = RateLimitedTransport(base: CountingTransport(response: throttled), limiters: RateLimiterSet(),
                                             metrics: metrics, logger: Logger(label: "test"))
        let request = AWSCallInfoTests.request(service: "cognito-idp",
                                               target: "AWSCognitoIdentityProviderService.UpdateUserPool")
        _ = try await transport.send(request, timeout: .seconds(1))
        _ = try await transport.send(request, timeout: .seconds(1))
        let text = metrics.exposition()
        #expect(text.contains(
            #"smsauth_aws_calls_total{service="cognito-idp",operation="UpdateUserPool",code="TooManyRequestsException"} 2"#),
            "\(text)")
    }
}
