import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The production transport: HTTP/1.1 on SwiftNIO over kept-alive connections (`HTTP1ConnectionPool`), no cookies,
/// no redirects (a signed AWS request is never re-sent elsewhere; a 3xx answer is returned as it is), no
/// decompression. Requests go through the environment's proxy (`ProxySettings`, chosen per request so that
/// `NO_PROXY` applies; a `CONNECT` tunnel, `ProxyTunnel`) and trust the system's certificate authorities plus the CA
/// bundle given (`AWS_CA_BUNDLE` or the profile's `ca_bundle`).
///
/// A request is written as one buffer (`HTTP1RequestWriter`: one `write`, one TCP segment for an AWS call), and its
/// answer is read whole on the I/O event loop (`HTTP1ResponseParser`) and handed over once. Chosen over AsyncHTTPClient by
/// measurement (benchmarks/README.md, "Plan latency"): with its connection-pool state machine, request bag,
/// per-request URL parsing and the head flushed apart from the body, a dry run of 200 resources took 16 % more CPU;
/// AsyncHTTPClient was chosen before that over FoundationNetworking's URLSession (libcurl), which on Linux can take
/// neither a CA bundle nor a proxy other than libcurl's own environment variables.
public struct HTTP1Transport: HTTPTransport {
    /// The proxies of the environment.
    let proxies: ProxySettings
    /// The extra certificate authorities, if any.
    let caBundle: CABundle?

    /// Creates the transport trusting the system's certificate authorities only; proxies that are not valid
    /// (`ProxyServer`) fail the requests that would use them.
    public init(proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment)) {
        self.proxies = proxies
        self.caBundle = nil
    }

    /// Creates the transport trusting `caBundle` too, which must be a readable PEM file of certificates (read and its
    /// shape checked here, so a wrong path or file fails before any request; the connections trust the certificates
    /// read, parsed when the first TLS connection is made: see `CABundle`). The proxies are
    /// checked here as well (`ProxyServer`).
    public init(proxies: ProxySettings, caBundle: String?) throws(TransportConfigurationError) {
        for proxy in [proxies.httpProxy, proxies.httpsProxy].compactMap({ $0 }) {
            _ = try ProxyServer(parsing: proxy)
        }
        self.proxies = proxies
        self.caBundle = try caBundle.map { path throws(TransportConfigurationError) in try CABundle(path: path) }
    }

    /// Sends `request`; `timeout` bounds the whole exchange, connecting included. Failures to get a response are
    /// `TransportError`. Cancelling the calling task ends the request (its connection is closed).
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        // A task cancelled already sends nothing (its cancellation handler would run only after the request left).
        try Task.checkCancellation()
        let url = request.url
        guard URLPort.isValid(in: url) else {
            throw TransportError(url: TransportError.describe(url),
                                 reason: "its port is not a number from \(URLPort.valid.lowerBound) to \(URLPort.valid.upperBound)",
                                 failure: .urlInvalid)
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host.map(HostText.unbracketed), !host.isEmpty else {
            throw TransportError(url: TransportError.describe(url), reason: "not an http:// or https:// URL with a host",
                                 failure: .urlInvalid)
        }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let proxyURL = proxies.proxy(for: url)
        let via = proxyURL.map { " through proxy \(ProxySettings.withoutUserInfo($0))" } ?? ""
        let proxy: ProxyServer?
        do {
            proxy = try proxyURL.map { text throws(TransportConfigurationError) in try ProxyServer(parsing: text) }
        } catch {
            throw TransportError(url: TransportError.describe(url), reason: error.description, failure: .urlInvalid)
        }
        let key = HTTP1ConnectionPool.Key(secure: secure, host: host, port: port, proxy: proxy,
                                          caBundleDigest: caBundle?.digest)
        let bytes: ByteBuffer
        do {
            bytes = try HTTP1RequestWriter.bytes(of: Self.head(of: request, host: host, port: port, secure: secure),
                                                 body: request.body)
        } catch {
            throw TransportError(url: TransportError.describe(url), reason: error.description, failure: .requestInvalid)
        }
        let pool = HTTP1ConnectionPool.shared
        let exchange = HTTP1Exchange(request: bytes, isHead: request.method == "HEAD",
                                     promise: pool.loop.makePromise(of: HTTPResponse.self))
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let caBundle = caBundle
        do {
            return try await withTaskCancellationHandler {
                if pool.loop.inEventLoop {
                    pool.execute(exchange, key: key, caBundle: caBundle, deadline: deadline)
                } else {
                    pool.loop.execute { pool.execute(exchange, key: key, caBundle: caBundle, deadline: deadline) }
                }
                return try await exchange.promise.futureResult.get()
            } onCancel: {
                pool.loop.execute { exchange.fail(CancellationError()) }
            }
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            let failure = Self.failure(error, host: host, timeout: timeout)
            throw TransportError(url: TransportError.describe(url), reason: failure.reason + via, failure: failure.kind)
        }
    }

    /// The request head: the request's headers in order, `Host` when it has none (with the port when not the
    /// scheme's), and `Content-Length` from the body (any given is replaced), left out for an empty body of a method
    /// that expects none.
    static func head(of request: HTTPRequest, host: String, port: Int, secure: Bool) -> HTTP1RequestHead {
        var headers: [HTTPHeader] = []
        headers.reserveCapacity(request.headers.count + 2)
        var hasHost = false
        for header in request.headers {
            if header.isNamed("content-length") || header.isNamed("transfer-encoding") { continue }
            if header.isNamed("host") { hasHost = true }
            headers.append(header)
        }
        if !hasHost {
            let name = HostText.bracketed(host)
            headers.append(HTTPHeader("Host", port == (secure ? 443 : 80) ? name : "\(name):\(port)"))
        }
        if !request.body.isEmpty || !Self.methodsWithoutBody.contains(request.method) {
            headers.append(HTTPHeader("Content-Length", String(request.body.count)))
        }
        return HTTP1RequestHead(method: request.method, target: target(of: request.url), headers: headers)
    }

    /// Methods whose empty body goes without `Content-Length` (RFC 9110, section 8.6).
    private static let methodsWithoutBody: Set<String> = ["GET", "HEAD", "DELETE", "CONNECT", "TRACE", "OPTIONS"]

    /// The request target of an absolute URL: its percent-encoded path (`/` when empty) and query, as written. Read
    /// from the URL's bytes (a `String` search goes through Foundation's locale-aware one, a few microseconds a call).
    static func target(of url: URL) -> String {
        let text = Array(url.absoluteString.utf8)
        let slash = UInt8(ascii: "/")
        var index = 0  // of "://"
        while index + 3 <= text.count,
              text[index] != UInt8(ascii: ":") || text[index + 1] != slash || text[index + 2] != slash {
            index += 1
        }
        guard index + 3 <= text.count else { return "/" }
        let rest = text[(index + 3)...]
        guard let start = rest.firstIndex(where: { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
        else { return "/" }
        let end = rest[start...].firstIndex(of: UInt8(ascii: "#")) ?? rest.endIndex
        let target = String(decoding: rest[start..<end], as: UTF8.self)
        return target.first == "/" ? target : "/" + target
    }

    /// A short reason for a failure, and its kind (`TransportError.Failure`): only `unreachable` may pass if tried
    /// again; a certificate that is not trusted or does not name the host, a server that does not speak TLS, a proxy
    /// password refused, an answer too large or in a transfer coding not supported stay as they are. Never the
    /// library's internal texts (BoringSSL's list names source files).
    static func failure(_ error: any Error, host: String, timeout: Duration) -> (reason: String, kind: TransportError.Failure) {
        let seconds = Double(TimeAmount(timeout).nanoseconds) / 1e9
        if let error = error as? HTTP1ClientError {
            switch error {
            case .timedOut: return ("timed out after \(seconds)s", .unreachable)
            case .connectionLost, .answerCutShort, .malformedAnswer: return (error.description, .unreachable)
            case .proxyRefused(let status) where status.contains(" 407"):
                return (error.description + "; check the user name and password of the proxy URL", .proxyAuthentication)
            case .proxyRefused, .proxySentUnaskedBytes: return (error.description, .unreachable)
            case .responseTooLarge, .unsupportedTransferCoding: return (error.description, .answerUnsupported)
            case .invalidRequestHeader: return (error.description, .requestInvalid)
            case .certificateNameMismatch: return ("TLS failure: \(error.description)", .tlsRejected)
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
                return ("host not found", .unreachable)
            }
            guard let first = error.connectionErrors.first?.error else { return ("connection failed", .unreachable) }
            return failure(first, host: host, timeout: timeout)
        }
        if case ChannelError.connectTimeout = error { return ("timed out after \(seconds)s", .unreachable) }
        if let error = error as? TransportConfigurationError { return (error.description, .tlsRejected) }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return tlsFailure(error, host: host)
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return ("connection refused", .unreachable)
            case ECONNRESET, EPIPE: return ("connection lost", .unreachable)
            case ETIMEDOUT: return ("timed out after \(seconds)s", .unreachable)
            default: return ("connection failed (\(error.description))", .unreachable)
            }
        }
        if error is ChannelError { return ("connection lost", .unreachable) }
        return (String(describing: error), .unreachable)
    }

    /// The reason of a TLS failure from BoringSSL's error names in it.
    private static func tlsFailure(_ error: any Error, host: String) -> (reason: String, kind: TransportError.Failure) {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return ("TLS failure: the server's certificate is not trusted (not issued by an authority of the system or "
                    + "of AWS_CA_BUNDLE, or expired)", .tlsRejected)
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("HTTP_REQUEST") {
            return ("TLS failure: the server does not speak TLS (is the endpoint http:// rather than https://?)", .tlsRejected)
        }
        if case NIOSSLError.uncleanShutdown = error { return ("connection lost (TLS closed without close_notify)", .unreachable) }
        // BoringSSL's names are upper-case words with underscores, e.g. SSLV3_ALERT_HANDSHAKE_FAILURE.
        let names = text.split { !($0.isUppercase || $0.isNumber || $0 == "_") }.filter { $0.count >= 8 && $0.contains("_") }
        return ("TLS failure (\(names.first.map(String.init) ?? "handshake failed"))", .unreachable)
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
