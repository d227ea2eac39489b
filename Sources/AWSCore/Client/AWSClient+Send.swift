import Foundation
import Logging

extension AWSClient {
    /// One operation call, as the attempt loop needs it.
    struct Call: Sendable {
        /// The service called.
        var service: ServiceDescriptor
        /// The region asked for.
        var region: String
        /// Operation (JSON) or action (query) name.
        var operation: String
        /// Whether repeating the call is safe.
        var idempotency: Idempotency

        /// The operation as transports see it (`HTTPRequest.operation`): the signing name and the operation name.
        var identity: AWSOperation { AWSOperation(service: service.signingName, name: operation) }
    }

    /// How one attempt ended.
    private enum Outcome {
        /// A 2xx response.
        case success(HTTPResponse)
        /// The service answered with an error; `retryAfter` is its `Retry-After` header.
        case serviceError(AWSError, retryAfter: String?)
        /// No response arrived.
        case transportError(TransportError)
    }

    /// Sends a POST of `body` to the service endpoint (path `/`), signing with fresh credentials on every attempt,
    /// and returns the first 2xx response. Non-2xx responses become errors through `parseError`.
    func send(_ call: Call, headers: [HTTPHeader], body: Data,
              parseError: (HTTPResponse) -> AWSError) async throws -> HTTPResponse {
        try await send(call, method: "POST", url: { $0.rootURL }, headers: headers, body: body,
                       parseError: parseError)
    }

    /// Sends `method` with `body` to the URL that `url` builds from the resolved endpoint, signing with fresh
    /// credentials on every attempt, and returns the first 2xx response (3xx and up become errors via `parseError`).
    func send(_ call: Call, method: String, url: (ResolvedEndpoint) throws -> URL, headers: [HTTPHeader], body: Data,
              parseError: (HTTPResponse) -> AWSError) async throws -> HTTPResponse {
        let endpoint = try endpoints.resolve(call.service, region: call.region)
        var request = HTTPRequest(method: method, url: try url(endpoint), headers: headers, body: body,
                                  operation: call.identity)
        request.setHeader("User-Agent", Self.userAgent)
        var attempt = 1
        while true {
            let outcome = try await attemptOnce(call, request: request, endpoint: endpoint, attempt: attempt,
                                                parseError: parseError)
            let failure: any Error
            let code: String
            let delay: Duration
            switch outcome {
            case .success(let response):
                return response
            case .serviceError(let error, let retryAfter):
                guard RetryClassifier.isRetryable(error, idempotency: call.idempotency) else { throw error }
                (failure, code) = (error, error.code)
                delay = retry.retryAfterDelay(retryAfter) ?? retry.backoff(afterAttempt: attempt, random: random())
            case .transportError(let error):
                guard RetryClassifier.isRetryable(error, idempotency: call.idempotency) else { throw error }
                (failure, code) = (error, error.code)
                delay = retry.backoff(afterAttempt: attempt, random: random())
            }
            guard attempt < retry.attemptLimit else { throw failure }
            logger.notice("retrying AWS request", metadata: [
                "aws.service": "\(call.service.endpointPrefix)", "aws.operation": "\(call.operation)",
                "attempt": "\(attempt)", "aws.error_code": "\(code)", "delay_ms": "\(Self.milliseconds(delay))",
            ])
            try await sleep(delay)
            attempt += 1
        }
    }

    /// Gets credentials, signs for `now()`, sends once and logs the attempt.
    private func attemptOnce(_ call: Call, request: HTTPRequest, endpoint: ResolvedEndpoint, attempt: Int,
                             parseError: (HTTPResponse) -> AWSError) async throws -> Outcome {
        let credentials = try await self.credentials.credentials()
        let signed = signer.sign(request, credentials: credentials, region: endpoint.signingRegion,
                                 service: call.service.signingName, date: now())
        // Built only when attempts are logged (debug): most runs log none, and every call would pay for it.
        var metadata: Logger.Metadata? = logger.logLevel <= .debug ? [
            "aws.service": "\(call.service.endpointPrefix)", "aws.operation": "\(call.operation)",
            "attempt": "\(attempt)",
        ] : nil
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Outcome
        do {
            let response = try await transport.send(signed, timeout: timeout)
            metadata?["http.status"] = "\(response.status)"
            if metadata != nil, let requestId = AWSErrorParser.headerRequestId(response) {
                metadata?["aws.request_id"] = "\(requestId)"
            }
            if (200..<300).contains(response.status) {
                outcome = .success(response)
            } else {
                let error = parseError(response)
                if let requestId = error.requestId { metadata?["aws.request_id"] = "\(requestId)" }
                metadata?["aws.error_code"] = "\(error.code)"
                outcome = .serviceError(error, retryAfter: response.header("Retry-After"))
            }
        } catch let error as TransportError {
            metadata?["aws.error_code"] = "\(error.code)"
            outcome = .transportError(error)
        } catch let error as CancellationError {
            throw error
        } catch let error as any RequestNotSent {
            throw error
        } catch {
            metadata?["aws.error_code"] = "transport.unreachable"
            outcome = .transportError(TransportError(url: TransportError.describe(request.url),
                                                     reason: String(describing: type(of: error))))
        }
        if var metadata {
            metadata["duration_ms"] = "\(Self.milliseconds(clock.now - start))"
            logger.debug("AWS request attempt", metadata: metadata)
        }
        return outcome
    }

    /// Whole milliseconds of `duration`.
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
