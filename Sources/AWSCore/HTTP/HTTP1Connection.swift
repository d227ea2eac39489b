import Foundation
import NIOCore
import NIOHTTP1

/// One request on its way and the promise of its answer, from the moment it is handed to the pool until it is
/// answered, fails, times out or is cancelled (whichever comes first settles it; the rest do nothing). Touched on
/// the I/O event loop only.
final class HTTP1Exchange: @unchecked Sendable {
    /// What is written: the head, then the body if not empty, then the end, flushed once (one `writev`).
    let head: HTTPRequestHead
    /// The body (possibly empty).
    let body: ByteBuffer
    /// Settled once.
    let promise: EventLoopPromise<HTTPResponse>
    /// The connection carrying it, once it has one: closed when the exchange fails, so that no answer arrives late
    /// on a connection someone else uses.
    var connection: HTTP1Connection?
    /// Fails the exchange at its deadline.
    var deadline: Scheduled<Void>?
    /// Whether it was settled.
    private(set) var isSettled = false

    init(head: HTTPRequestHead, body: ByteBuffer, promise: EventLoopPromise<HTTPResponse>) {
        self.head = head
        self.body = body
        self.promise = promise
    }

    /// Settles it with `response`.
    func succeed(_ response: HTTPResponse) {
        guard !isSettled else { return }
        isSettled = true
        deadline?.cancel()
        promise.succeed(response)
    }

    /// Settles it with `error` and closes its connection, if any.
    func fail(_ error: any Error) {
        guard !isSettled else { return }
        isSettled = true
        deadline?.cancel()
        connection?.close()
        promise.fail(error)
    }
}

/// Why an exchange ended without an answer, beside the errors of SwiftNIO and NIOSSL.
enum HTTP1ClientError: Error, Equatable, CustomStringConvertible {
    /// The deadline passed.
    case timedOut
    /// The connection closed before the whole answer arrived.
    case connectionLost
    /// The answer's body is larger than `limit` bytes.
    case responseTooLarge(limit: Int)
    /// The proxy refused the tunnel with this status line.
    case proxyRefused(String)
    /// The proxy sent bytes after its answer to `CONNECT`, before the tunnel was used.
    case proxySentUnaskedBytes
    /// The TLS server's certificate does not name the endpoint's host (`ServerIdentity`).
    case certificateNameMismatch(host: String)
    /// The answer uses a transfer coding other than chunked.
    case unsupportedTransferCoding(String)
    /// A request header is not valid HTTP (the encoder's reason; never the header's value).
    case invalidRequestHeader(String)

    var description: String {
        switch self {
        case .timedOut: "timed out"
        case .connectionLost: "connection lost"
        case .responseTooLarge(let limit): "the answer is larger than \(limit) bytes"
        case .proxyRefused(let status): "the proxy refused the tunnel (\(status))"
        case .proxySentUnaskedBytes: "the proxy sent bytes after its answer to CONNECT"
        case .certificateNameMismatch(let host): "the server's certificate does not name \(host)"
        case .unsupportedTransferCoding(let coding): "the answer uses the transfer coding '\(coding)', which is not supported"
        case .invalidRequestHeader(let reason):
            "a request header is not valid HTTP (\(reason)): a credential or setting with a line break or control character?"
        }
    }
}

/// One HTTP/1.1 connection of the pool (plain, TLS, or either through a proxy's tunnel), carrying one exchange at a
/// time. Touched on the I/O event loop only.
final class HTTP1Connection: @unchecked Sendable {
    /// The channel, its pipeline ready for HTTP/1.1.
    let channel: any Channel
    /// Closes the connection after it has been idle for the pool's idle timeout.
    var idleTimer: Scheduled<Void>?
    /// Reads the answer of the current exchange.
    private let reader: HTTP1ResponseReader
    /// Counts the bytes read from the socket.
    private let counter: ReceivedBytes

    /// Wraps `channel`, whose pipeline begins with `counter` and ends with `reader`.
    init(channel: any Channel, counter: ReceivedBytes, reader: HTTP1ResponseReader) {
        self.channel = channel
        self.counter = counter
        self.reader = reader
    }

    /// Whether the connection can carry another exchange: open, and its last answer left it reusable.
    var isReusable: Bool { channel.isActive && reader.isReusable }

    /// Calls `body` with whether the connection, idle, can carry another exchange: `isReusable`, and, on Linux (other
    /// systems check `isReusable` only), the kernel holds nothing for it that was not read: no bytes the server sent after its answer, no close by the
    /// server (`TCP_INFO`: the state is still established and the bytes received are those read). SwiftNIO reads a
    /// socket only when the loop next polls it, and the next exchange is usually written in the same turn of the loop
    /// as the last answer was read; without this, a close already received would fail the next request (a write that
    /// is then not retried), and a stray answer already received would be taken as its answer.
    func whenClean(_ body: @escaping @Sendable (Bool) -> Void) {
        guard isReusable else { return body(false) }
        #if os(Linux)
        guard let socket = channel as? any SocketOptionProvider else { return body(true) }
        let read = counter.count
        let info: EventLoopFuture<KernelTCPInfo> = socket.unsafeGetSocketOption(level: .tcp, name: .tcp_info)
        info.whenComplete { result in
            guard case .success(let info) = result else { return body(false) }
            body(info.state == KernelTCPInfo.established && info.bytesReceived <= read)
        }
        #else
        body(true)
        #endif
    }

    /// Writes `exchange`'s request; `done` is called on the loop once its answer was read whole, with whether the
    /// connection can carry the next exchange. A failure settles the exchange and closes the connection.
    func run(_ exchange: HTTP1Exchange, done: @escaping (Bool) -> Void) {
        guard !exchange.isSettled else { return done(true) }  // ended meanwhile: nothing is written
        idleTimer?.cancel()
        idleTimer = nil
        exchange.connection = self
        reader.start(exchange, done: done)
        channel.write(HTTPClientRequestPart.head(exchange.head), promise: nil)
        if exchange.body.readableBytes > 0 {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(exchange.body)), promise: nil)
        }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { [reader] result in
            switch result {
            case .success: reader.requestWritten()
            case .failure(let error as HTTPParserError): exchange.fail(HTTP1ClientError.invalidRequestHeader(String(describing: error)))
            case .failure(let error): exchange.fail(error)
            }
        }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: written)
    }

    /// Closes the channel (the pool forgets it when it has closed).
    func close() {
        idleTimer?.cancel()
        idleTimer = nil
        channel.close(promise: nil)
    }
}

/// The first handler of a connection's pipeline: counts the bytes read from the socket (before any TLS or tunnel).
final class ReceivedBytes: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Bytes read so far.
    private(set) var count: UInt64 = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        count += UInt64(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }
}

#if os(Linux)
/// Linux's `struct tcp_info` (linux/tcp.h) as far as `tcpi_bytes_received` (Linux 4.1 and later; glibc's `tcp_info`
/// ends before it): 136 bytes, the connection's state in the first, the bytes received at offset 128 (zero on an
/// older kernel, which then only has its state checked).
struct KernelTCPInfo: Sendable {
    /// `TCP_ESTABLISHED`.
    static let established: UInt8 = 1
    /// The raw bytes.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                        UInt64, UInt64, UInt64, UInt64, UInt64)

    /// `tcpi_state`.
    var state: UInt8 { withUnsafeBytes(of: words) { $0[0] } }
    /// `tcpi_bytes_received`: the bytes the kernel received in order, read or not.
    var bytesReceived: UInt64 { withUnsafeBytes(of: words) { $0.load(fromByteOffset: 128, as: UInt64.self) } }
}
#endif

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
                body: body.map { Data($0.readableBytesView) } ?? Data())
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
