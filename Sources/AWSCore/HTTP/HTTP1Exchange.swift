import Foundation
import NIOCore

/// One request on its way and the promise of its answer, from the moment it is handed to the pool until it is
/// answered, fails, times out or is cancelled (whichever comes first settles it; the rest do nothing). Touched on
/// the I/O event loop only.
final class HTTP1Exchange: @unchecked Sendable {
    /// What is written: the request's head and body (`HTTP1RequestWriter`), flushed once (one `write`).
    let request: ByteBuffer
    /// Whether the request's method is HEAD (its answer has no body).
    let isHead: Bool
    /// Settled once.
    let promise: EventLoopPromise<HTTPResponse>
    /// The connection carrying it, once it has one: closed when the exchange fails, so that no answer arrives late
    /// on a connection someone else uses.
    var connection: HTTP1Connection?
    /// Fails the exchange at its deadline.
    var deadline: Scheduled<Void>?
    /// Whether it was settled.
    private(set) var isSettled = false

    init(request: ByteBuffer, isHead: Bool, promise: EventLoopPromise<HTTPResponse>) {
        self.request = request
        self.isHead = isHead
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
