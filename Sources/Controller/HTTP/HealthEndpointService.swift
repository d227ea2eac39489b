import AWSCore
import Hummingbird
import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The HTTP endpoint as a service: `HealthEndpoint`'s application on an event loop group of one thread, made for
/// it and shut down after it.
///
/// Three small routes need one event loop. Hummingbird's default, NIO's singleton group, starts one thread per CPU
/// core: idle threads that each cost a stack and, once they allocate, a glibc malloc arena of their own.
public struct HealthEndpointService: Service {
    /// Bind host.
    let host: String
    /// Bind port (0 picks a free one).
    let port: Int
    /// Served at `/metrics`.
    let metrics: ControllerMetrics
    /// Served at `/readyz`.
    let readiness: Readiness
    /// Server log.
    let logger: Logger
    /// Gets the bound host and port.
    let onListening: @Sendable (String, Int) -> Void

    /// Creates the service; nothing is bound until `run()`.
    public init(host: String, port: Int, metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
                onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }) {
        self.host = host
        self.port = port
        self.metrics = metrics
        self.readiness = readiness
        self.logger = logger
        self.onListening = onListening
    }

    /// Serves until graceful shutdown, then stops the event loop thread. An error before the endpoint listens (its
    /// address cannot be resolved or bound) is a `HealthEndpointError` naming `--listen`; a later one is the server's.
    public func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let listening = Mutex(false)
        let onListening = onListening
        let application = HealthEndpoint.application(
            host: host, port: port, metrics: metrics, readiness: readiness, logger: logger,
            eventLoopGroup: group, onListening: { host, port in
                listening.withLock { $0 = true }
                onListening(host, port)
            })
        do {
            try await application.run()
        } catch {
            try? await group.shutdownGracefully()
            guard !listening.withLock({ $0 }) else { throw error }
            throw HealthEndpointError(address: Self.address(host: host, port: port), reason: String(describing: error))
        }
        try await group.shutdownGracefully()
    }

    /// Binds the address and lets it go at once, so that an address that cannot be resolved or bound (not this
    /// machine's, a port in use or below 1024 without the right) fails before the controller takes a lock or calls
    /// AWS, not after its work started. Another process can still take the port before `run()` binds it for good;
    /// `run()` then fails as it would have.
    /// - Throws: `HealthEndpointError` naming `--listen`.
    public func checkAddress() async throws(HealthEndpointError) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { group.shutdownGracefully { _ in } }
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch {
            throw HealthEndpointError(address: Self.address(host: host, port: port), reason: String(describing: error))
        }
    }

    /// `host:port`, an IPv6 host in brackets.
    public static func address(host: String, port: Int) -> String {
        "\(HostText.bracketed(host)):\(port)"
    }
}

/// The endpoint could not listen: its address cannot be resolved or bound.
public struct HealthEndpointError: Error, Equatable, CustomStringConvertible {
    /// The `--listen` address.
    public let address: String
    /// What the server said.
    public let reason: String

    /// Stable machine-readable code.
    public var code: String { "controller.listenFailed" }

    /// Names the address and the flag that set it.
    public var description: String {
        "\(code): cannot serve /metrics, /healthz and /readyz on \(address) (--listen): \(reason)"
    }
}
