import Synchronization

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
            slots.release()
            return response
        } catch {
            slots.release()
            throw error
        }
    }
}

/// A counting semaphore for async tasks: `limit` holders at once, waiters served in arrival order. A slot that is
/// free is taken, and a slot freed, without suspending: a lock guards them, not an actor (the switches into an actor
/// and back measured within the noise of a dry run; the lock keeps `release` synchronous).
public final class RequestSlots: Sendable {
    /// Holders allowed at once.
    public let limit: Int
    private let state = Mutex(State())

    /// Where a waiter is: between `acquire` queueing it and its continuation being stored (`queued`), waiting
    /// (`waiting`), handed a slot before it stored its continuation (`granted`), or cancelled before it did.
    private enum Waiter {
        case queued
        case waiting(CheckedContinuation<Void, any Error>)
        case granted
        case cancelled
    }

    private struct State {
        /// Current holders (a slot handed to a waiter stays held).
        var held = 0
        /// Waiters by ticket.
        var waiters: [Int: Waiter] = [:]
        /// The next waiter's ticket: tickets count up in arrival order.
        var nextTicket = 0
        /// The oldest ticket `release` has not looked at yet: those before it were served, or were cancelled and
        /// skipped; a ticket no longer in `waiters` is skipped too.
        var nextToServe = 0
    }

    /// `limit` below one counts as one.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Tasks waiting for a slot now.
    public var waiting: Int {
        state.withLock { state in
            state.waiters.values.count { waiter in
                switch waiter {
                case .queued, .waiting: true
                case .granted, .cancelled: false
                }
            }
        }
    }

    /// Takes a slot, waiting while all are held.
    /// - Throws: `CancellationError` when the task is cancelled while it waits (it then holds no slot).
    public func acquire() async throws {
        let ticket: Int? = state.withLock { state in
            if state.held < limit {
                state.held += 1
                return nil
            }
            let ticket = state.nextTicket
            state.nextTicket += 1
            state.waiters[ticket] = .queued
            return ticket
        }
        guard let ticket else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    switch state.waiters[ticket] {
                    case .queued?:
                        state.waiters[ticket] = .waiting(continuation)
                        return nil
                    case .granted?:
                        state.waiters[ticket] = nil
                        return .success(())
                    default:  // cancelled
                        state.waiters[ticket] = nil
                        return .failure(CancellationError())
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Void, any Error>? = state.withLock { state in
                switch state.waiters[ticket] {
                case .queued?:
                    state.waiters[ticket] = .cancelled
                    return nil
                case .waiting(let continuation)?:
                    state.waiters[ticket] = nil
                    return continuation
                default:  // already served
                    return nil
                }
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Frees a slot: hands it straight to the oldest waiter still waiting, if any.
    public func release() {
        let next: CheckedContinuation<Void, any Error>? = state.withLock { state in
            while state.nextToServe < state.nextTicket {
                let ticket = state.nextToServe
                state.nextToServe += 1
                switch state.waiters[ticket] {
                case .queued?:
                    state.waiters[ticket] = .granted
                    return nil
                case .waiting(let continuation)?:
                    state.waiters[ticket] = nil
                    return continuation
                case .cancelled?:
                    continue  // its `acquire` removes it
                case .granted?, nil:
                    continue
                }
            }
            state.held -= 1
            return nil
        }
        next?.resume()
    }
}
