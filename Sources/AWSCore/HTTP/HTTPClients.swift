import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Synchronization

/// The process's HTTP clients, one per proxy and CA bundle content, made on first use and kept until the process
/// exits: an AsyncHTTPClient must be shut down before it is released, and every transport of the CLI and the
/// controller uses them until then (a controller whose bundle is replaced keeps the old client, its connections
/// closed after `idleTimeout`, beside the new one). All run on the process's I/O event loop (`IOEventLoop`).
final class HTTPClients: Sendable {
    /// The one set of clients.
    static let shared = HTTPClients()

    /// What tells two clients apart.
    struct Key: Hashable, Sendable {
        /// The proxy URL, nil for none.
        var proxy: String?
        /// The SHA-256 of the CA bundle's bytes that were read (`CABundle.digest`), nil for none: the client trusts
        /// what was read, wherever it was read from.
        var caBundleDigest: String?
    }

    /// The clients made so far.
    private let clients = Mutex<[Key: HTTPClient]>([:])

    /// The client for requests through `proxy` (a URL such as `http://user:pass@host:3128`; nil: direct) trusting the
    /// system's certificate authorities and those of `caBundle` (one client per bundle content).
    func client(proxy: String?, caBundle: CABundle?) throws -> HTTPClient {
        let key = Key(proxy: proxy, caBundleDigest: caBundle?.digest)
        return try clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = HTTPClient(eventLoopGroupProvider: .shared(IOEventLoop.group),
                                    configuration: try Self.configuration(proxy: proxy, caBundle: caBundle))
            clients[key] = client
            return client
        }
    }

    /// How long an idle connection is kept for the next request: long enough to carry a command's calls one after
    /// another (paced calls leave at most a rate-limit window apart), and shorter than the idle timeouts AWS's
    /// endpoints and load balancers are reported to use (S3 about 20 s, load balancers 60 s), so that smsauth, not the
    /// server, ends an idle connection and a request is not written onto one the server is closing (a non-idempotent
    /// call failed that way is not retried).
    static let idleTimeout: TimeAmount = .seconds(5)

    /// No redirects, no decompression, no tracing spans, up to 64 kept-alive connections per host (idle ones closed
    /// after `idleTimeout`), 60 s to connect (botocore's default; each request's own timeout still bounds it), a
    /// refused connection reported at once, the proxy and trust roots given.
    static func configuration(proxy: String?, caBundle: CABundle?) throws -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caBundle { tls.additionalTrustRoots = [.certificates(caBundle.certificates)] }
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: Self.idleTimeout, concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        // A refused connection fails its request at once (the client's retry policy decides what follows).
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(60)),
            connectionPool: pool,
            proxy: try proxy.map(Self.proxy(parsing:)))
        configuration.httpVersion = .http1Only
        // smsauth bootstraps no tracer: without this, every request would open and close a no-op span (about 2 % of
        // a dry run's CPU).
        configuration.tracing.tracer = nil
        return configuration
    }

    /// AsyncHTTPClient's proxy for a proxy URL (`http://[user:password@]host[:port]`, port 80 by default; a bare
    /// `host:port` is read as `http://host:port`). Other schemes are refused: AsyncHTTPClient speaks plain HTTP to a
    /// proxy, so an `https://` or `socks5://` proxy would be reached with the wrong protocol.
    static func proxy(parsing text: String) throws(TransportConfigurationError) -> HTTPClient.Configuration.Proxy {
        guard let components = URLComponents(string: text.contains("://") ? text : "http://" + text),
              components.scheme?.lowercased() == "http", let host = components.host, !host.isEmpty,
              URLPort.isValid(in: components) else {
            throw TransportConfigurationError.proxyInvalid(ProxySettings.withoutUserInfo(text))
        }
        let port = components.port ?? 80
        guard let user = components.user else { return .server(host: host, port: port) }
        let password = components.password ?? ""
        return .server(host: host, port: port,
                       authorization: .basic(username: user.removingPercentEncoding ?? user,
                                             password: password.removingPercentEncoding ?? password))
    }
}
