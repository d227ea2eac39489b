import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The production transport: swift-server's AsyncHTTPClient on SwiftNIO, kept-alive connections, no cookies, no
/// redirects (a signed AWS request is never re-sent elsewhere; a 3xx answer is returned as it is). Requests go through
/// the environment's proxy (`ProxySettings`, chosen per request so that `NO_PROXY` applies) and trust the system's
/// certificate authorities plus the CA bundle given (`AWS_CA_BUNDLE` or the profile's `ca_bundle`).
///
/// Chosen over FoundationNetworking's URLSession (libcurl) by measurement: about half the CPU per request
/// sequentially and a third with 8 in flight, and URLSession on Linux can neither take a CA bundle nor a proxy
/// other than libcurl's own environment variables.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The proxies of the environment.
    let proxies: ProxySettings
    /// The extra certificate authorities, if any.
    let caBundle: CABundle?

    /// Creates the transport trusting the system's certificate authorities only.
    public init(proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment)) {
        self.proxies = proxies
        self.caBundle = nil
    }

    /// Creates the transport trusting `caBundle` too, which must be a readable PEM file of certificates (read here,
    /// so a wrong path fails before any request; the HTTP client trusts the certificates read). The proxies are
    /// checked here as well (`HTTPClients.proxy(parsing:)`).
    public init(proxies: ProxySettings, caBundle: String?) throws(TransportConfigurationError) {
        for proxy in [proxies.httpProxy, proxies.httpsProxy].compactMap({ $0 }) {
            _ = try HTTPClients.proxy(parsing: proxy)
        }
        self.proxies = proxies
        self.caBundle = try caBundle.map { path throws(TransportConfigurationError) in try CABundle(path: path) }
    }

    /// Sends `request`; `timeout` bounds the whole exchange. Failures to get a response are `TransportError`.
    /// The answer is gathered whole on the event loop (AsyncHTTPClient's `ResponseAccumulator`) and handed over once.
    /// AsyncHTTPClient's async `execute` would stream head and body to the task separately and start an unstructured
    /// task per request for its cancellation bookkeeping, which runs on Swift's shared pool: thread hand-overs on
    /// every call that running on `IOEventLoop` avoids. Cancelling the calling task cancels the request.
    ///
    /// The request asks for `IOEventLoop.loop` as its delegate's loop and its connection's *preferred* loop, not its
    /// required one (`.delegateAndChannel`): AsyncHTTPClient closes a connection opened for a required loop as soon as
    /// its request ends instead of keeping it alive for the next one (a new TCP, or TLS, connection per AWS call).
    /// On Linux `IOEventLoop.group` has that one loop only, so the connection is on it anyway.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        guard URLPort.isValid(in: request.url) else {
            throw TransportError(url: TransportError.describe(request.url),
                                 reason: "its port is not a number from \(URLPort.valid.lowerBound) to \(URLPort.valid.upperBound)")
        }
        let proxy = proxies.proxy(for: request.url)
        let client = try HTTPClients.shared.client(proxy: proxy, caBundle: caBundle)
        var headers = HTTPHeaders()
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        let via = proxy.map { " through proxy \(ProxySettings.withoutUserInfo($0))" } ?? ""
        do {
            let outgoing = try HTTPClient.Request(url: request.url, method: HTTPMethod(rawValue: request.method),
                                                  headers: headers,
                                                  body: request.body.isEmpty ? nil : .bytes(request.body))
            let task = client.execute(
                request: outgoing, delegate: ResponseAccumulator(request: outgoing, maxBodySize: Self.maximumBodyBytes),
                eventLoop: .delegate(on: IOEventLoop.loop), deadline: .now() + TimeAmount(timeout))
            let response = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            let headers = response.headers.map { HTTPHeader($0.name, $0.value) }  // in the order received
            return HTTPResponse(status: Int(response.status.code), headers: headers,
                                body: response.body.map { Data($0.readableBytesView) } ?? Data())
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw TransportError(url: TransportError.describe(request.url),
                                 reason: Self.reason(error, timeout: timeout) + via)
        }
    }

    /// The largest response body read (AWS API answers are far smaller).
    static let maximumBodyBytes = 64 << 20

    /// A short reason for the common failures.
    static func reason(_ error: any Error, timeout: Duration) -> String {
        let seconds = Double(TimeAmount(timeout).nanoseconds) / 1e9
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout: return "timed out after \(seconds)s"
            case .remoteConnectionClosed: return "connection lost"
            case .cancelled: return "cancelled"
            default: return "HTTP client error: \(error)"
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty { return "host not found" }
            return error.connectionErrors.isEmpty ? "connection failed" : "connection refused"
        }
        if error is NIOSSLError || error is BoringSSLError || String(describing: type(of: error)).contains("SSL") {
            return "TLS failure (\(error))"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ECONNRESET, EPIPE: return "connection lost"
            case ETIMEDOUT: return "timed out after \(seconds)s"
            default: return "connection failed (\(error.description))"
            }
        }
        if error is ChannelError { return "connection lost" }
        return String(describing: error)
    }
}

/// Why a transport cannot be made from the configuration.
public enum TransportConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CA bundle file does not exist or cannot be read.
    case caBundleUnreadable(path: String)
    /// The CA bundle is not a PEM file of certificates.
    case caBundleInvalid(path: String, reason: String)
    /// A proxy variable is not a URL with a host (shown without its credentials).
    case proxyInvalid(String)

    /// Stable error code.
    public var code: String {
        switch self {
        case .caBundleUnreadable: "config.caBundleUnreadable"
        case .caBundleInvalid: "config.caBundleInvalid"
        case .proxyInvalid: "config.proxyInvalid"
        }
    }

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case let .caBundleUnreadable(path): "the CA bundle \(path) (AWS_CA_BUNDLE or the profile's ca_bundle) cannot be read"
        case let .caBundleInvalid(path, reason): "the CA bundle \(path) (AWS_CA_BUNDLE or the profile's ca_bundle) is not a PEM file of certificates: \(reason)"
        case let .proxyInvalid(proxy):
            "the proxy \(proxy) (HTTPS_PROXY or HTTP_PROXY) is not an http:// URL with a host and a port from 1 to 65535, "
                + "such as http://proxy.example.com:3128"
        }
    }
}
