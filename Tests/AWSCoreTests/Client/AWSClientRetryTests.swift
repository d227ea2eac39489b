import Foundation
import Testing
@testable import AWSCore

/// One row of the retry behaviour table.
struct RetryCase: Sendable, CustomTestStringConvertible {
    /// What the row shows.
    var name: String
    /// The transport's answers in order (the last repeats).
    var answers: [RecordingTransport.Answer]
    /// The operation's idempotency.
    var idempotency: Idempotency = .idempotent
    /// The retry policy.
    var policy: RetryPolicy = .standard
    /// The injected jitter.
    var random: Double = 1.0
    /// Requests expected on the wire.
    var attempts: Int
    /// Sleeps expected between attempts.
    var sleeps: [Duration]
    /// The expected final error code, nil for success.
    var failsWith: String?

    /// The row's name, shown by the test runner.
    var testDescription: String { name }
}

/// A successful GetCallerIdentity.
private let ok = respond(200, AWSSamples.stsGetCallerIdentity)
/// An SNS-style throttling error.
private let throttled = respond(400, AWSSamples.snsThrottling)
/// A proxy's HTML 500 page.
private let serverError = respond(500, AWSSamples.htmlServerError)
/// No connection.
private let refused = RecordingTransport.Answer.failure(TransportError(url: "https://sts", reason: "connection refused"))

/// Tests of AWSClientRetry.
@Suite struct AWSClientRetryTests {
    /// The retry behaviour table.
    static let cases: [RetryCase] = [
        RetryCase(name: "throttle then success", answers: [throttled, ok], attempts: 2, sleeps: [.seconds(1)]),
        RetryCase(name: "at most 3 attempts", answers: [serverError], attempts: 3,
                  sleeps: [.seconds(1), .seconds(2)], failsWith: "HTTP500"),
        RetryCase(name: "non-idempotent not retried on 500", answers: [serverError, ok], idempotency: .nonIdempotent,
                  attempts: 1, sleeps: [], failsWith: "HTTP500"),
        RetryCase(name: "non-idempotent retried on throttling", answers: [throttled, ok],
                  idempotency: .nonIdempotent, attempts: 2, sleeps: [.seconds(1)]),
        RetryCase(name: "Retry-After honoured", answers: [
            respond(503, "", headers: [HTTPHeader("Retry-After", "7")]), ok,
        ], attempts: 2, sleeps: [.seconds(7)]),
        RetryCase(name: "Retry-After capped at maxBackoff", answers: [
            respond(429, "", headers: [HTTPHeader("retry-after", "3600")]), ok,
        ], idempotency: .nonIdempotent, attempts: 2, sleeps: [.seconds(20)]),
        RetryCase(name: "jittered backoff bounded by maxBackoff",
                  answers: [serverError], policy: RetryPolicy(maxAttempts: 4, baseDelay: .seconds(4),
                                                              maxBackoff: .seconds(5)),
                  random: 0.5, attempts: 4, sleeps: [.seconds(2), .milliseconds(2500), .milliseconds(2500)],
                  failsWith: "HTTP500"),
        RetryCase(name: "transport error retried when idempotent", answers: [refused, ok], attempts: 2,
                  sleeps: [.seconds(1)]),
        RetryCase(name: "a permanent transport error (an untrusted certificate) not retried",
                  answers: [.failure(TransportError(url: "https://sts", reason: "TLS failure", failure: .tlsRejected)), ok],
                  attempts: 1, sleeps: [], failsWith: "transport.tlsRejected"),
        RetryCase(name: "transport error not retried when non-idempotent", answers: [refused, ok],
                  idempotency: .nonIdempotent, attempts: 1, sleeps: [], failsWith: "transport.unreachable"),
        RetryCase(name: "client errors not retried", answers: [respond(404, AWSSamples.iamNoSuchEntity), ok],
                  attempts: 1, sleeps: [], failsWith: "NoSuchEntity"),
        RetryCase(name: "single attempt policy", answers: [throttled, ok], policy: RetryPolicy(maxAttempts: 1),
                  attempts: 1, sleeps: [], failsWith: "Throttling"),
    ]

    /// Retry table: attempts made, sleeps requested and the final error for each row.
    @Test(arguments: cases)
    func retryBehaviour(_ row: RetryCase) async throws {
        let harness = ClientHarness(row.answers, retry: row.policy, random: row.random)
        var failure: String?
        do {
            let result = try await harness.client.query(.sts, region: "eu-west-1", action: "GetCallerIdentity",
                                                        parameters: QueryParameters(), idempotency: row.idempotency)
            #expect(result.value("Account") == "123456789012")
        } catch let error as AWSError {
            failure = error.code
        } catch let error as TransportError {
            failure = error.code
        }
        #expect(failure == row.failsWith)
        #expect(harness.transport.requests.count == row.attempts)
        #expect(harness.time.sleeps == row.sleeps)
        #expect(harness.credentials.count == row.attempts)
    }

    /// Every attempt is signed again with fresh credentials and time.
    @Test func everyAttemptIsSignedAgainWithFreshCredentialsAndTime() async throws {
        let harness = ClientHarness([throttled, throttled, ok])
        _ = try await harness.client.query(.sts, region: "eu-west-1", action: "GetCallerIdentity",
                                           parameters: QueryParameters())
        let stamps = harness.transport.requests.compactMap { $0.header("X-Test-Signed") }
        #expect(stamps == ["AKIDTEST1 eu-west-1 sts 1700000000", "AKIDTEST2 eu-west-1 sts 1700000001",
                           "AKIDTEST3 eu-west-1 sts 1700000003"])
        #expect(Set(harness.transport.requests.map(\.body)).count == 1)
    }

    /// Logs each attempt and each retry without secrets.
    @Test func logsEachAttemptAndEachRetryWithoutSecrets() async throws {
        let harness = ClientHarness([
            respond(400, AWSSamples.snsThrottling, headers: [HTTPHeader("x-amzn-RequestId", "req-1")]),
            respond(200, AWSSamples.stsGetCallerIdentity, headers: [HTTPHeader("x-amzn-RequestId", "req-2")]),
        ])
        var parameters = QueryParameters()
        parameters.set("Secretish", "do-not-log-me")
        _ = try await harness.client.query(.sts, region: "eu-west-1", action: "GetCallerIdentity",
                                           parameters: parameters)
        let records = harness.logs.records
        let attempts = records.filter { $0.level == .debug }
        #expect(attempts.map { $0.metadata["attempt"] } == ["1", "2"])
        #expect(attempts.map { $0.metadata["http.status"] } == ["400", "200"])
        #expect(attempts.map { $0.metadata["aws.request_id"] } == ["req-1", "req-2"])
        #expect(attempts.allSatisfy { $0.metadata["aws.service"] == "sts" && $0.metadata["duration_ms"] != nil })
        let retries = records.filter { $0.level == .notice }
        #expect(retries.count == 1)
        #expect(retries.first?.metadata["aws.error_code"] == "Throttling")
        #expect(retries.first?.metadata["delay_ms"] == "1000")
        #expect(retries.first?.metadata["aws.operation"] == "GetCallerIdentity")
        let logged = records.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!logged.contains("do-not-log-me"))
        #expect(!logged.contains("test-secret-never-logged"))
    }

    /// An error a transport raises on purpose before sending (a closed lease fence) reaches the caller as it is: not
    /// retried, and not turned into a `TransportError` ("cannot reach …: LeaseFenceError", retried as unreachable).
    @Test func aRequestNotSentIsPassedOnAsItIs() async throws {
        struct Fenced: RequestNotSent, Equatable {}
        let harness = ClientHarness([.notSent(Fenced()), respond(200, "<ok/>")])
        await #expect(throws: Fenced.self) {
            _ = try await harness.client.query(.sts, region: "eu-west-1", action: "GetCallerIdentity",
                                               parameters: QueryParameters(), idempotency: .idempotent)
        }
        #expect(harness.transport.requests.count == 1)
        #expect(harness.time.sleeps.isEmpty)
    }
}
