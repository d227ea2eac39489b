import AWSCore
import Logging
import Reconciler

/// The `HTTPTransport` of `reconcile` and the controller: every AWS request waits for a token of its rate-limit
/// category (`AWSOperation.rateLimitCategory` of the operation the client attached, `HTTPRequest.operation`; limits
/// from a `RateLimiterSet`) before it leaves the process, and with metrics (the controller's) every answer is counted
/// by service, operation and error code (`LeaseFenced` for a request the lease fence refused
/// after its wait: `FencedTransport` is its base in a lease-holding controller).
public struct RateLimitedTransport: HTTPTransport {
    /// The transport that really sends.
    let base: any HTTPTransport
    /// Buckets by category.
    let limiters: RateLimiterSet
    /// Where calls are counted (nil: nowhere).
    let metrics: ControllerMetrics?
    /// Logs throttling answers (metadata only).
    let logger: Logger

    /// Wraps `base`.
    public init(base: any HTTPTransport, limiters: RateLimiterSet, metrics: ControllerMetrics?, logger: Logger) {
        self.base = base
        self.limiters = limiters
        self.metrics = metrics
        self.logger = logger
    }

    /// Waits for a token, sends, and counts the answer (or the transport failure).
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let operation = request.operation ?? .unidentified
        try await limiters.acquire(operation.rateLimitCategory)
        let response: HTTPResponse
        do {
            response = try await base.send(request, timeout: timeout)
        } catch let error as LeaseFenceError {
            metrics?.awsCall(operation, code: "LeaseFenced")
            throw error
        } catch {
            metrics?.awsCall(operation, code: "TransportError")
            throw error
        }
        let code = AWSResponseInfo.errorCode(response)
        metrics?.awsCall(operation, code: code)
        if response.status == 429 || response.status >= 400 && (code.contains("Throttl") || code == "TooManyRequestsException") {
            var metadata: Logger.Metadata = [
                "aws.service": "\(operation.service)", "aws.operation": "\(operation.name)", "aws.error_code": "\(code)",
            ]
            if let requestId = AWSResponseInfo.requestId(response) { metadata["aws.request_id"] = "\(requestId)" }
            logger.debug("AWS throttled a request", metadata: metadata)
        }
        return response
    }
}
