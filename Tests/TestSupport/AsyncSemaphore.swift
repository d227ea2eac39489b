/// A counting semaphore for async tests: at most `limit` bodies run at once; the others wait suspended, holding no
/// thread (a blocked thread is one of the two the test process has on a 2-core machine), in arrival order.
public actor AsyncSemaphore {
    /// Free slots.
    private var available: Int
    /// Waiting bodies, first come first served.
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A semaphore with `limit` slots.
    public init(limit: Int) {
        available = limit
    }

    /// Runs `body` in a slot, waiting for one while all are taken.
    public nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    /// Takes a slot, waiting for one to be released when none is free.
    private func acquire() async {
        guard available == 0 else {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the slot to the first waiter, or back to the pool.
    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
