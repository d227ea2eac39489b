/// An `HTTPTransport` that lets at most `limit` requests be in flight at once (the others wait their turn, first come
/// first served): the one bound `--concurrency` sets on a command's AWS calls, reads and writes alike, however many
/// tasks issue them.
public struct ConcurrencyLimitedTransport: HTTPTransport {
    /// The transport that really sends.
    let base: any HTTPTransport
    /// The slots.
    let slots: RequestSlots

    /// Wraps `base`; `limit` below one counts as one.
    public init(base: any HTTPTransport, limit: Int) {
        self.base = base
        slots = RequestSlots(limit: limit)
    }

    /// Waits for a slot, sends, frees the slot.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try await slots.acquire()
        do {
            let response = try await base.send(request, timeout: timeout)
            await slots.release()
            return response
        } catch {
            await slots.release()
            throw error
        }
    }
}

/// A counting semaphore for async tasks: `limit` holders at once, waiters resumed in arrival order.
public actor RequestSlots {
    /// Holders allowed at once.
    public let limit: Int
    /// Current holders.
    private var held = 0
    /// Tasks waiting for a slot, oldest first, by ticket.
    private var waiters: [(ticket: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    /// The next waiter's ticket.
    private var nextTicket = 0

    /// `limit` below one counts as one.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Tasks waiting for a slot now.
    public var waiting: Int { waiters.count }

    /// Takes a slot, waiting while all are held.
    /// - Throws: `CancellationError` when the task is cancelled while it waits (it then holds no slot).
    public func acquire() async throws {
        if held < limit {
            held += 1
            return
        }
        let ticket = nextTicket
        nextTicket += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((ticket, continuation))
            }
        } onCancel: {
            Task { await self.cancel(ticket) }
        }
    }

    /// Frees a slot: hands it straight to the oldest waiter, if any.
    public func release() {
        if waiters.isEmpty {
            held -= 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    /// Resumes a cancelled waiter with `CancellationError` (unless it already got its slot).
    private func cancel(_ ticket: Int) {
        guard let index = waiters.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
