import Hummingbird
import Logging
import NIOCore

/// The controller's HTTP endpoint (Hummingbird): `/metrics` (Prometheus text), `/healthz` (the process answers)
/// and `/readyz` (200 once the first full pass is done and the credentials work, else 503 with the reasons).
public enum HealthEndpoint {
    /// The application serving the three routes on `host:port`, its event loops from `eventLoopGroup`;
    /// `onListening` gets the bound host and port (useful with port 0).
    public static func application(
        host: String, port: Int, metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
        eventLoopGroup: any EventLoopGroup, onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            text(metrics.exposition(), status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/healthz") { _, _ -> Response in
            text("ok\n", status: .ok)
        }
        router.get("/readyz") { _, _ -> Response in
            let reasons = readiness.current.reasons
            guard reasons.isEmpty else {
                return text("not ready: \(reasons.joined(separator: "; "))\n", status: .serviceUnavailable)
            }
            return text("ready\n", status: .ok)
        }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "smsauth"),
            onServerRunning: { channel in
                onListening(host, channel.localAddress?.port ?? port)
            },
            eventLoopGroupProvider: .shared(eventLoopGroup),
            logger: logger)
    }

    /// A plain-text response.
    private static func text(_ body: String, status: HTTPResponse.Status,
                             contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
