import Foundation
import NIOCore
import NIOHTTP1

/// The last handler of a connection's pipeline: gathers the current exchange's answer (head, body, end) and settles
/// the exchange with it; a connection that closes or fails under an exchange fails it.
final class HTTP1ResponseReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    /// The largest answer body read.
    let maximumBodyBytes: Int
    /// The exchange being answered.
    private var exchange: HTTP1Exchange?
    /// Called once the answer was read whole.
    private var done: ((Bool) -> Void)?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?
    /// Whether the whole request was written (an answer that arrives earlier leaves the connection unusable).
    private var written = false
    /// Whether the connection may carry the next exchange.
    private(set) var isReusable = true

    init(maximumBodyBytes: Int) {
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Expects the answer to `exchange`.
    func start(_ exchange: HTTP1Exchange, done: @escaping (Bool) -> Void) {
        self.exchange = exchange
        self.done = done
        head = nil
        body = nil
        written = false
        isReusable = false
    }

    /// The request was written whole.
    func requestWritten() {
        written = true
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard exchange != nil else {
            // Nothing was asked: an answer the server sends unasked (a late one, or a 408 before it closes) must
            // never be taken as the next request's. (Bytes that do not yet make a whole part stay in the decoder,
            // counted as read: those `whenClean` cannot see.)
            isReusable = false
            context.close(promise: nil)
            return
        }
        switch unwrapInboundIn(data) {
        case .head(let received):
            // Only chunked framing is understood: another coding (gzip, …) would hand its bytes over as the body.
            let codings = received.headers["transfer-encoding"].flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let other = codings.first(where: { $0 != "chunked" && $0 != "identity" }) {
                return fail(HTTP1ClientError.unsupportedTransferCoding(PrintableText.of(other)), context)
            }
            head = received
        case .body(var part):
            if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
            if body!.readableBytes > maximumBodyBytes { fail(HTTP1ClientError.responseTooLarge(limit: maximumBodyBytes), context) }
        case .end:
            guard let exchange, let head else { return }
            let reusable = written && head.isKeepAlive
            let response = HTTPResponse(
                status: Int(head.status.code),
                headers: head.headers.map { HTTPHeader($0.name, $0.value) },  // in the order received
                body: body.map { $0.withUnsafeReadableBytes { Data($0) } } ?? Data())
            let done = self.done
            self.exchange = nil
            self.done = nil
            self.head = nil
            self.body = nil
            isReusable = reusable
            if !reusable { context.close(promise: nil) }
            // Handed back once this read is processed whole: whole parts after the answer in the same read reach
            // this handler (and close the connection) before anyone else may use it. Enqueued before the answer is
            // handed over, so that a task that resumes on the loop with it finds the connection free again.
            context.eventLoop.execute { done?(reusable) }
            exchange.succeed(response)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isReusable = false
        exchange?.fail(HTTP1ClientError.connectionLost)
        exchange = nil
        done = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Before the request was written whole, a parser error is the encoder's: a request header it refuses.
        if !written, exchange != nil, let error = error as? HTTPParserError {
            return fail(HTTP1ClientError.invalidRequestHeader(String(describing: error)), context)
        }
        fail(error, context)
    }

    private func fail(_ error: any Error, _ context: ChannelHandlerContext) {
        isReusable = false
        let exchange = self.exchange
        self.exchange = nil
        done = nil
        exchange?.fail(error)
        context.close(promise: nil)
    }
}
