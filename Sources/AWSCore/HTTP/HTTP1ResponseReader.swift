import Foundation
import NIOCore

/// The last handler of a connection's pipeline: reads the current exchange's answer from the bytes received
/// (`HTTP1ResponseParser`) and settles the exchange with it; a connection that closes or fails under an exchange, or
/// sends what is not HTTP/1.1, fails it.
final class HTTP1ResponseReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// The exchange being answered.
    private var exchange: HTTP1Exchange?
    /// Called once the answer was read whole.
    private var done: ((Bool) -> Void)?
    /// Reads the answers; kept across exchanges, so its buffers are reused.
    private var parser: HTTP1ResponseParser
    /// Whether the whole request was written (an answer that arrives earlier leaves the connection unusable).
    private var written = false
    /// Whether the connection may carry the next exchange.
    private(set) var isReusable = true

    init(maximumBodyBytes: Int) {
        parser = HTTP1ResponseParser(maximumBodyBytes: maximumBodyBytes)
    }

    /// Expects the answer to `exchange`.
    func start(_ exchange: HTTP1Exchange, done: @escaping (Bool) -> Void) {
        self.exchange = exchange
        self.done = done
        parser.expect(headRequest: exchange.isHead)
        written = false
        isReusable = false
    }

    /// The request was written whole.
    func requestWritten() {
        written = true
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard exchange != nil else {
            // Nothing was asked: bytes the server sends unasked (a late answer, a 408 before it closes) must never
            // be taken as the next request's answer.
            isReusable = false
            context.close(promise: nil)
            return
        }
        let bytes = unwrapInboundIn(data)
        do {
            if let answer = try parser.read(bytes.readableBytesView) { finish(answer, context) }
        } catch {
            fail(error, context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isReusable = false
        if exchange != nil {
            do {
                if let answer = try parser.closed() { finish(answer, context) }
            } catch {
                exchange?.fail(error)
            }
        }
        exchange = nil
        done = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context)
    }

    /// Settles the exchange with `answer`; the connection closes unless the answer left it reusable after a request
    /// written whole to an exchange still waiting for it (one that timed out or was cancelled closed the connection,
    /// which over TLS stays active while its shutdown runs: a late answer must not hand it back).
    private func finish(_ answer: HTTP1ResponseParser.Answer, _ context: ChannelHandlerContext) {
        let reusable = written && answer.reusable && exchange?.isSettled == false
        let exchange = self.exchange
        let done = self.done
        self.exchange = nil
        self.done = nil
        isReusable = reusable
        if !reusable { context.close(promise: nil) }
        // Handed back on the loop's next turn, after this read; enqueued before the answer is handed over, so that a
        // task that resumes on the loop with it finds the connection free again.
        context.eventLoop.execute { done?(reusable) }
        exchange?.succeed(answer.response)
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
