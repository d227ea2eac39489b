import Foundation
import NIOCore

/// One HTTP/1.1 connection of the pool (plain, TLS, or either through a proxy's tunnel), carrying one exchange at a
/// time. Touched on the I/O event loop only.
final class HTTP1Connection: @unchecked Sendable {
    /// The channel, its pipeline ready for HTTP/1.1.
    let channel: any Channel
    /// Since when the connection is idle; nil while it carries an exchange.
    var idleSince: NIODeadline?
    /// Checks, while the connection is idle, whether it has been idle for the pool's idle timeout (armed when it goes
    /// idle with none armed, so not at every exchange; see `HTTP1ConnectionPool.keepIdle`).
    var idleTimer: Scheduled<Void>?
    /// Reads the answer of the current exchange.
    private let reader: HTTP1ResponseReader
    /// Counts the bytes read from the socket.
    private let counter: ReceivedBytes
    /// The channel's socket options (`TCP_INFO`), nil when it has none; cast once, not at every check.
    private let socketOptions: (any SocketOptionProvider)?

    /// Wraps `channel`, whose pipeline begins with `counter` and ends with `reader`.
    init(channel: any Channel, counter: ReceivedBytes, reader: HTTP1ResponseReader) {
        self.channel = channel
        self.counter = counter
        self.reader = reader
        socketOptions = channel as? any SocketOptionProvider
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
        guard let socket = socketOptions else { return body(true) }
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
        idleSince = nil
        exchange.connection = self
        reader.start(exchange, done: done)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { [reader] result in
            switch result {
            case .success: reader.requestWritten()
            case .failure(let error): exchange.fail(error)
            }
        }
        channel.writeAndFlush(exchange.request, promise: written)
    }

    /// Closes the channel (the pool forgets it when it has closed).
    func close() {
        idleTimer?.cancel()
        idleTimer = nil
        channel.close(promise: nil)
    }
}
