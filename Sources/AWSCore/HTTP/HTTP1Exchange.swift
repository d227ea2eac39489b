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
