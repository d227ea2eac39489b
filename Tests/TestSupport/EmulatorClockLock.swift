/// Serialises the tests that move the emulator's clock or depend on time not moving under them (24-hour sandbox
/// rules, numbers staying PENDING, SMS-role propagation). The emulator clock is one per emulator process, and every
/// test target runs in one test process, so this process-wide lock is enough to keep them out of each other's way.
public actor EmulatorClockLock {
    /// The one lock for the test process.
    public static let shared = EmulatorClockLock()

    /// Whether a test holds the lock.
    private var held = false
    /// Tests waiting for it, in arrival order.
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` while no other clock-sensitive test runs.
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

    /// Waits until the lock is free, then takes it.
    private func acquire() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the lock to the next waiter, or frees it.
    private func release() {
        if waiters.isEmpty {
            held = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
