import Foundation
import Logging

/// Calls AWS operations: builds the request for the service's wire protocol, resolves the endpoint, signs with
/// fresh credentials on every attempt, sends, retries per the standard retry mode, and parses answers and errors.
///
/// A call fails with `AWSError` (the service said no), `TransportError` (no response), `AWSClientError`,
/// `EndpointError`, whatever the credential provider throws, or `CancellationError`.
public struct AWSClient: Sendable {
    /// Source of credentials, asked once per attempt.
    let credentials: any CredentialProvider
    /// Endpoint resolution (overrides for emulators).
    let endpoints: EndpointResolver
    /// Sends the HTTP requests.
    let transport: any HTTPTransport
    /// Signs each attempt.
    let signer: any RequestSigner
    /// Retry policy.
    let retry: RetryPolicy
    /// Per-attempt timeout handed to the transport.
    let timeout: Duration
    /// Wall clock used for signing.
    let now: @Sendable () -> Date
    /// Waits between attempts.
    let sleep: @Sendable (Duration) async throws -> Void
    /// Jitter source in 0...1.
    let random: @Sendable () -> Double
    /// Request log (metadata only: no bodies, no credentials).
    let logger: Logger

    /// Creates a client. `now`, `sleep` and `random` exist so tests can drive time and jitter.
    public init(credentials: any CredentialProvider, endpoints: EndpointResolver, transport: any HTTPTransport,
                signer: any RequestSigner, retry: RetryPolicy = .standard, timeout: Duration = .seconds(30),
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
                logger: Logger) {
        self.credentials = credentials
        self.endpoints = endpoints
        self.transport = transport
        self.signer = signer
        self.retry = retry
        self.timeout = timeout
        self.now = now
        self.sleep = sleep
        self.random = random
        self.logger = logger
    }

    /// The `User-Agent` sent with every request.
    static let userAgent = "smsauth/\(SmsAuthVersion.current)"
}
