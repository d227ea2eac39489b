import NIOCore
import NIOSSL
import NIOTLS

/// Waits for a new connection's TLS handshake, then checks the server's identity (`ServerIdentity`) before any request
/// is written on the connection: `checked` succeeds, or fails with `HTTP1ClientError.certificateNameMismatch` (the
/// connection closed). Sits after NIOSSL's handler; the pool removes it once `checked` has succeeded.
final class TLSIdentityCheck: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// The endpoint's host.
    let host: String
    /// Completed once.
    let checked: EventLoopPromise<Void>
    private var settled = false

    init(host: String, checked: EventLoopPromise<Void>) {
        self.host = host
        self.checked = checked
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if !settled, let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
            if let certificate, ServerIdentity.matches(host: host, names: ServerIdentity.names(of: certificate)) {
                settled = true
                checked.succeed()
            } else {
                fail(HTTP1ClientError.certificateNameMismatch(host: host), context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(HTTP1ClientError.connectionLost, context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context)
    }

    private func fail(_ error: any Error, _ context: ChannelHandlerContext) {
        guard !settled else { return }
        settled = true
        checked.fail(error)
        context.close(promise: nil)
    }
}
