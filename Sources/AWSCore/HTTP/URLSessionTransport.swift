import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: one shared `URLSession` (connection reuse), no cookies, no cache, and no redirects:
/// a signed AWS request is never re-sent elsewhere; a 3xx answer is returned as it is (AWS APIs do not redirect).
public final class URLSessionTransport: HTTPTransport {
    /// The session every request goes through.
    private let session: URLSession
    /// The environment's proxies (libcurl applies them; read here to name the proxy in a failure).
    private let proxies: ProxySettings

    /// Creates the transport with its own ephemeral session; requests go through the environment's proxies
    /// (`ProxySettings`).
    public init(proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment)) {
        self.proxies = proxies
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForResource = 300
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request`; `timeout` bounds the wait for the response. Failures to get a response are `TransportError`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Self.seconds(timeout)
        urlRequest.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        urlRequest.httpShouldHandleCookies = false
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            if error.code == .cancelled, Task.isCancelled { throw CancellationError() }
            throw TransportError(url: Self.describe(request.url), reason: Self.reason(error, timeout: timeout) + via(request.url))
        } catch {
            throw TransportError(url: Self.describe(request.url), reason: String(describing: type(of: error)) + via(request.url))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(url: Self.describe(request.url), reason: "not an HTTP response")
        }
        let headers = http.allHeaderFields.compactMap { name, value -> HTTPHeader? in
            guard let name = name as? String else { return nil }
            return HTTPHeader(name, String(describing: value))
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// " through proxy P" when a request to `url` goes through a proxy, else nothing.
    private func via(_ url: URL) -> String {
        proxies.proxy(for: url).map { " through proxy \($0)" } ?? ""
    }

    /// Seconds as a `TimeInterval`.
    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// Scheme, host, port and path only (no user info or query).
    static func describe(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<url>" }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? "<url>"
    }

    /// A short reason for the common `URLError` codes.
    static func reason(_ error: URLError, timeout: Duration) -> String {
        switch error.code {
        case .timedOut: "timed out after \(seconds(timeout))s"
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "TLS failure (URLError \(error.code.rawValue))"
        default: "URLError \(error.code.rawValue)"
        }
    }
}

/// Declines every HTTP redirect, so the 3xx response itself reaches the client.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// Answers nil: do not follow.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
