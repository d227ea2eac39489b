import AWSCore
import Foundation
import Logging
import Synchronization
import Testing

@testable import Controller

/// Answers every request with a fixed response and counts them.
final class CountingTransport: HTTPTransport {
    /// Requests sent so far.
    private let sent = Mutex(0)
    /// The answer.
    let response: HTTPResponse

    /// Answers `response`.
    init(response: HTTPResponse) {
        self.response = response
    }

    /// Requests sent so far.
    var count: Int { sent.withLock { $0 } }

    /// Counts and answers.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        sent.withLock { $0 += 1 }
        return response
    }
}

/// Requests wait for the token of their operation's category, and every answer is counted by service, operation
/// and code; the operation is the one the client attached to the request (`HTTPRequest.operation`).
@Suite("RateLimitedTransport")
struct RateLimitedTransportTests {
    /// A request that calls `operation` and says nothing else about it (no headers, no body).
    static func request(_ service: String, _ name: String) -> HTTPRequest {
        HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:1/")!,
                    operation: AWSOperation(service: service, name: name))
    }

    /// With a burst of 2, the third call of a category waits for the clock; another category does not.
    @Test func limitsPerCategory() async throws {
        let clock = ManualClock()
        let limit = try RateLimit(perSecond: 1, burst: 2)
        let limiters = RateLimiterSet(configuration: RateLimiterConfiguration(defaultLimit: limit), clock: clock)
        let base = CountingTransport(response: HTTPResponse(status: 200))
        let transport = RateLimitedTransport(base: base, limiters: limiters, metrics: ControllerMetrics(),
                                             logger: Logger(label: "test"))
        _ = try await transport.send(Self.request("cognito-idp", "DescribeUserPool"), timeout: .seconds(1))
        _ = try await transport.send(Self.request("cognito-idp", "ListUserPools"), timeout: .seconds(1))
        let third = Task { try await transport.send(Self.request("cognito-idp", "DescribeUserPool"), timeout: .seconds(1)) }
        #expect(await eventually { clock.sleeperCount == 1 })
        #expect(base.count == 2)
        _ = try await transport.send(Self.request("cognito-idp", "DescribeUserPoolClient"), timeout: .seconds(1))
        _ = try await transport.send(Self.request("iam", "GetRole"), timeout: .seconds(1))
        #expect(base.count == 4)
        clock.advance(by: .seconds(1))
        _ = try await third.value
        #expect(base.count == 5)
    }

    /// Answers are counted in `smsauth_aws_calls_total` with their error code.
    @Test func countsCallsByCode() async throws {
        let metrics = ControllerMetrics()
        let throttled = HTTPResponse(status: 400, headers: [HTTPHeader("x-amzn-ErrorType", "TooManyRequestsException")])
        let transport = RateLimitedTransport(base: CountingTransport(response: throttled), limiters: RateLimiterSet(),
                                             metrics: metrics, logger: Logger(label: "test"))
        let request = Self.request("cognito-idp", "UpdateUserPool")
        _ = try await transport.send(request, timeout: .seconds(1))
        _ = try await transport.send(request, timeout: .seconds(1))
        let text = metrics.exposition()
        #expect(text.contains(
            #"smsauth_aws_calls_total{service="cognito-idp",operation="UpdateUserPool",code="TooManyRequestsException"} 2"#),
            "\(text)")
    }

    /// The attached operation decides, whatever the request's headers and body say; a request without one (the
    /// credential chain's metadata endpoints) counts as `unknown` in the `unknown:default` bucket.
    @Test func theAttachedOperationDecides() async throws {
        let metrics = ControllerMetrics()
        let transport = RateLimitedTransport(base: CountingTransport(response: HTTPResponse(status: 200)),
                                             limiters: RateLimiterSet(), metrics: metrics, logger: Logger(label: "test"))
        var misleading = Self.request("sms-voice", "DescribePhoneNumbers")
        misleading.headers = [HTTPHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.DescribeUserPool")]
        misleading.body = Data("Action=GetRole".utf8)
        _ = try await transport.send(misleading, timeout: .seconds(1))
        _ = try await transport.send(HTTPRequest(method: "PUT", url: URL(string: "http://127.0.0.1:1/latest/api/token")!),
                                     timeout: .seconds(1))
        let text = metrics.exposition()
        #expect(text.contains(#"smsauth_aws_calls_total{service="sms-voice",operation="DescribePhoneNumbers",code="OK"} 1"#),
                "\(text)")
        #expect(text.contains(#"smsauth_aws_calls_total{service="unknown",operation="unknown",code="OK"} 1"#), "\(text)")
        #expect(!text.contains("DescribeUserPool") && !text.contains("GetRole"), "\(text)")
    }

    /// Through a real client: each call is limited and counted as the operation the client called.
    @Test func aClientCallIsCountedAsItsOperation() async throws {
        let metrics = ControllerMetrics()
        let transport = RateLimitedTransport(base: CountingTransport(response: HTTPResponse(status: 200, body: Data("{}".utf8))),
                                             limiters: RateLimiterSet(), metrics: metrics, logger: Logger(label: "test"))
        let credentials = StaticCredentialProvider(sourceName: "test",
                                                   credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "s"))
        let client = AWSClient(credentials: credentials,
                               endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"]),
                               transport: transport, signer: SigV4Signer(), logger: Logger(label: "test"))
        let cognito = ServiceDescriptor(serviceId: "Cognito Identity Provider", endpointPrefix: "cognito-idp",
                                        signingName: "cognito-idp",
                                        wireProtocol: .json(version: "1.1", targetPrefix: "AWSCognitoIdentityProviderService"))
        _ = try await client.json(cognito, region: "eu-west-1", operation: "DescribeUserPoolClient",
                                  input: ["UserPoolId": "eu-west-1_abc"], as: EmptyOutput.self)
        let text = metrics.exposition()
        #expect(text.contains(
            #"smsauth_aws_calls_total{service="cognito-idp",operation="DescribeUserPoolClient",code="OK"} 1"#), "\(text)")
    }
}
