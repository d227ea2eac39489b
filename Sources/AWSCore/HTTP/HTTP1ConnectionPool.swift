import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// The process's kept-alive HTTP/1.1 connections, all on the I/O event loop (`IOEventLoop`), by where they go and
/// how (`Key`). An exchange takes an idle connection of its key or opens a new one, up to
/// `maximumConnectionsPerKey` (`--concurrency` usually bounds the calls in flight far lower); a connection whose
/// answer left it reusable carries the next exchange waiting, or waits for one for `idleTimeout`, then closes. The
/// pool's state is touched on the loop only.
final class HTTP1ConnectionPool: @unchecked Sendable {
    /// The one pool.
    static let shared = HTTP1ConnectionPool(loop: IOEventLoop.loop)

    /// What tells two connections apart.
    struct Key: Hashable, Sendable {
        /// Whether the connection speaks TLS to the host (`https://`).
        var secure: Bool
        /// The endpoint's host.
        var host: String
        /// The endpoint's port.
        var port: Int
        /// The proxy whose tunnel carries the connection, nil for none.
        var proxy: ProxyServer?
        /// The digest of the CA bundle trusted besides the system's authorities (`CABundle.digest`), nil for none.
        var caBundleDigest: String?
    }

    /// How long an idle connection is kept for the next request: long enough to carry a command's calls one after
    /// another (paced calls leave at most a rate-limit window apart), and shorter than the idle timeouts AWS's
    /// endpoints and load balancers are reported to use (S3 about 20 s, load balancers 60 s), so that smsauth, not the
    /// server, ends an idle connection and a request is not written onto one the server is closing (a non-idempotent
    /// call failed that way is not retried).
    static let idleTimeout: TimeAmount = .seconds(5)
    /// The longest wait for a TCP connection (botocore's default); the request's own deadline still bounds it.
    static let connectTimeout: TimeAmount = .seconds(60)
    /// The largest answer body read (AWS API answers are far smaller).
    static let maximumBodyBytes = 64 << 20

    /// The most connections open (or opening) to one key at once; further exchanges wait for one in order.
    static let maximumConnectionsPerKey = 64

    /// The loop everything runs on.
    let loop: any EventLoop
    /// The connections of each key.
    private var endpoints: [Key: Endpoint] = [:]
    /// TLS contexts by CA bundle digest (nil: the system's authorities only); made on first use, kept.
    private let tlsContexts = Mutex<[String?: NIOSSLContext]>([:])

    /// The connections of one key and the exchanges waiting for one.
    private struct Endpoint {
        /// Idle connections, the most recently used last.
        var idle: [HTTP1Connection] = []
        /// Connections open or opening (idle ones included).
        var open = 0
        /// Exchanges waiting for a connection, oldest first.
        var waiting: [Waiting] = []
    }

    /// An exchange waiting for a connection.
    private struct Waiting {
        let exchange: HTTP1Exchange
        let caBundle: CABundle?
        let deadline: NIODeadline
    }

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Sends `exchange` to `key` on an idle connection, a new one, or the first one free when
    /// `maximumConnectionsPerKey` are open; fails it at `deadline`. On the loop only.
    func execute(_ exchange: HTTP1Exchange, key: Key, caBundle: CABundle?, deadline: NIODeadline) {
        loop.assertInEventLoop()
        guard !exchange.isSettled else { return }  // cancelled before it reached the loop
        exchange.deadline = loop.scheduleTask(deadline: deadline) { exchange.fail(HTTP1ClientError.timedOut) }
        acquire(Waiting(exchange: exchange, caBundle: caBundle, deadline: deadline), key: key)
    }

    /// Runs `waiting`'s exchange on the most recently used idle connection of `key` that is still clean
    /// (`HTTP1Connection.whenClean`; the others are closed), else on a new one, else queues it.
    private func acquire(_ waiting: Waiting, key: Key) {
        guard let connection = endpoints[key]?.idle.popLast() else {
            if endpoints[key, default: Endpoint()].open < Self.maximumConnectionsPerKey {
                open(for: waiting, key: key)
            } else {
                endpoints[key, default: Endpoint()].waiting.append(waiting)
            }
            return
        }
        connection.whenClean { clean in
            guard clean else {
                connection.close()
                return self.acquire(waiting, key: key)
            }
            guard !waiting.exchange.isSettled else { return self.release(connection, key: key) }
            self.run(waiting.exchange, on: connection, key: key)
        }
    }

    /// Opens a connection for `waiting`'s exchange; if that exchange has ended meanwhile, the connection goes to the
    /// next one waiting or is kept idle.
    private func open(for waiting: Waiting, key: Key) {
        endpoints[key, default: Endpoint()].open += 1
        connect(key, caBundle: waiting.caBundle, deadline: waiting.deadline).whenComplete { result in
            switch result {
            case .success(let connection):
                guard !waiting.exchange.isSettled else { return self.release(connection, key: key) }
                self.run(waiting.exchange, on: connection, key: key)
            case .failure(let error):
                self.endpoints[key]?.open -= 1
                waiting.exchange.fail(error)
                self.openForNextWaiting(key)
                self.forgetIfUnused(key)
            }
        }
    }

    /// Runs `exchange` on `connection`, which goes back to the pool (`release`) once its answer left it reusable.
    private func run(_ exchange: HTTP1Exchange, on connection: HTTP1Connection, key: Key) {
        connection.run(exchange) { reusable in
            if reusable { self.release(connection, key: key) }
        }
    }

    /// Gives `connection`, free again, to the oldest exchange still waiting for `key` if it is clean (else closes
    /// it), or keeps it idle. An idle connection is checked when it is taken (`acquire`), not here: between the two
    /// the server may close it or write to it, so only the later check counts, and most calls find nobody waiting
    /// (the command's slots hold them back), which saves a `getsockopt` per call.
    private func release(_ connection: HTTP1Connection, key: Key) {
        guard endpoints[key]?.waiting.isEmpty == false else {
            // One that closed meanwhile (a close read with its answer) is not kept: `forget` has already counted it.
            return connection.isReusable ? keepIdle(connection, key: key) : connection.close()
        }
        connection.whenClean { clean in
            guard clean else { return connection.close() }
            if let next = self.nextWaiting(key) { return self.run(next.exchange, on: connection, key: key) }
            self.keepIdle(connection, key: key)
        }
    }

    /// Keeps `connection` idle for the next exchange of `key`, closing it once it has been idle for `idleTimeout`.
    /// Its idle timer is not set again at every exchange: one armed earlier that finds the connection used since
    /// arms itself for the new idle time (a timer scheduled and cancelled per call was about 1 % of a call's CPU).
    private func keepIdle(_ connection: HTTP1Connection, key: Key) {
        let now = NIODeadline.now()
        connection.idleSince = now
        endpoints[key, default: Endpoint()].idle.append(connection)
        if connection.idleTimer == nil { armIdleTimer(connection, at: now + Self.idleTimeout) }
    }

    /// At `deadline`: closes `connection` if it has been idle for `idleTimeout` by then, else checks again when it
    /// will have been; a connection carrying an exchange is left to `keepIdle` to arm again.
    private func armIdleTimer(_ connection: HTTP1Connection, at deadline: NIODeadline) {
        connection.idleTimer = loop.scheduleTask(deadline: deadline) {
            connection.idleTimer = nil
            guard let since = connection.idleSince else { return }
            let due = since + Self.idleTimeout
            if due <= .now() { connection.close() } else { self.armIdleTimer(connection, at: due) }
        }
    }

    /// The oldest exchange waiting for `key` that has not ended meanwhile (timed out or cancelled).
    private func nextWaiting(_ key: Key) -> Waiting? {
        while let next = endpoints[key]?.waiting.first {
            endpoints[key]?.waiting.removeFirst()
            if !next.exchange.isSettled { return next }
        }
        return nil
    }

    /// A connection of `key` closed or failed to open: its place goes to the oldest exchange waiting, if any.
    private func openForNextWaiting(_ key: Key) {
        if let next = nextWaiting(key) { open(for: next, key: key) }
    }

    /// Forgets a connection that closed.
    private func forget(_ connection: HTTP1Connection, key: Key) {
        endpoints[key]?.idle.removeAll { $0 === connection }
        endpoints[key]?.open -= 1
        openForNextWaiting(key)
        forgetIfUnused(key)
    }

    /// Drops the entry of `key` once it has no connection and nothing waits.
    private func forgetIfUnused(_ key: Key) {
        if let endpoint = endpoints[key], endpoint.open == 0, endpoint.waiting.isEmpty { endpoints[key] = nil }
    }

    /// Opens a connection for `key`: TCP to the host or its proxy, the proxy's tunnel, TLS, then HTTP/1.1.
    private func connect(_ key: Key, caBundle: CABundle?, deadline: NIODeadline) -> EventLoopFuture<HTTP1Connection> {
        let (host, port) = key.proxy.map { ($0.host, $0.port) } ?? (key.host, key.port)
        let remaining = deadline - .now()
        // (ClientBootstrap sets TCP_NODELAY itself.)
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(max(.milliseconds(1), min(Self.connectTimeout, remaining)))
        // An IP address is connected to as it is; a name is resolved (both families, Happy Eyeballs).
        let connected = if let address = try? SocketAddress(ipAddress: host, port: port) {
            bootstrap.connect(to: address)
        } else {
            bootstrap.connect(host: host, port: port)
        }
        return connected
            .flatMap { channel in
                // The tunnel and the TLS handshake are bounded by the deadline too: a proxy or server that never
                // answers them is left, its socket closed.
                let expiry = self.loop.scheduleTask(deadline: deadline) { channel.close(promise: nil) }
                return self.prepare(channel, key: key, caBundle: caBundle).always { _ in expiry.cancel() }
                    .flatMapErrorThrowing { error in
                        channel.close(promise: nil)
                        throw error
                    }
            }
    }

    /// Sets up the pipeline of a new channel for `key`: counts what is read, opens the proxy's tunnel, makes the TLS
    /// handshake and checks the server's name (`TLSIdentityCheck`), then adds the HTTP/1.1 codec.
    private func prepare(_ channel: any Channel, key: Key, caBundle: CABundle?) -> EventLoopFuture<HTTP1Connection> {
        let pipeline = channel.pipeline.syncOperations
        let counter = ReceivedBytes()
        var ready = loop.makeSucceededVoidFuture()
        do {
            try pipeline.addHandler(counter)
            if let proxy = key.proxy {
                let opened = loop.makePromise(of: Void.self)
                do {
                    try pipeline.addHandler(ProxyTunnel(opened: opened))
                } catch {
                    opened.fail(error)
                    throw error
                }
                channel.writeAndFlush(ByteBuffer(string: ProxyTunnel.request(host: key.host, port: key.port, proxy: proxy)),
                                      promise: nil)
                ready = opened.futureResult
            }
        } catch {
            return loop.makeFailedFuture(error)
        }
        if key.secure {
            ready = ready.flatMap {
                let checked = self.loop.makePromise(of: Void.self)
                let check = TLSIdentityCheck(host: key.host, checked: checked)
                do {
                    // The server name sent (SNI): none for an address, and without a trailing dot (RFC 6066).
                    let serverName = HostText.addressBytes(key.host) == nil
                        ? (key.host.hasSuffix(".") ? String(key.host.dropLast()) : key.host) : nil
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: try self.tlsContext(caBundle),
                                                                serverHostname: serverName))
                    try channel.pipeline.syncOperations.addHandler(check)
                } catch {
                    checked.fail(error)
                    return self.loop.makeFailedFuture(error)
                }
                return checked.futureResult.flatMap { channel.pipeline.syncOperations.removeHandler(check) }
            }
        }
        return ready.flatMapThrowing {
            let reader = HTTP1ResponseReader(maximumBodyBytes: Self.maximumBodyBytes)
            try channel.pipeline.syncOperations.addHandler(reader)
            let connection = HTTP1Connection(channel: channel, counter: counter, reader: reader)
            channel.closeFuture.whenComplete { _ in self.forget(connection, key: key) }
            return connection
        }
    }

    /// The TLS context of `caBundle`'s content (`tlsConfiguration`), one per content: its certificates are parsed
    /// here, when a connection first needs them (a bundle whose certificates cannot be parsed fails that connection
    /// with `TransportConfigurationError.caBundleInvalid`, and every later one).
    func tlsContext(_ caBundle: CABundle?) throws -> NIOSSLContext {
        try tlsContexts.withLock { contexts in
            if let context = contexts[caBundle?.digest] { return context }
            let context = try NIOSSLContext(configuration: Self.tlsConfiguration(caBundle))
            contexts[caBundle?.digest] = context
            return context
        }
    }

    /// Trusts the system's authorities and those of `caBundle`; offers HTTP/1.1 by ALPN. The server's name is checked
    /// by `TLSIdentityCheck` against the endpoint asked for, not by NIOSSL, whose check compares a certificate's IP
    /// addresses with the socket's peer: through a proxy's tunnel that is the proxy, which would let a proxy with a
    /// certificate for its own address pass, and refuse an IP endpoint's own certificate.
    static func tlsConfiguration(_ caBundle: CABundle?) throws(TransportConfigurationError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .noHostnameVerification
        configuration.applicationProtocols = ["http/1.1"]
        if let caBundle { configuration.additionalTrustRoots = [.certificates(try caBundle.certificates())] }
        return configuration
    }
}
