import Foundation

@testable import Controller

/// A `ControllerClock` whose time only moves when a test calls `advance(by:)`.
///
/// Sleepers whose deadline is reached are resumed by `advance`; cancelled sleepers throw `CancellationError`.
final class ManualClock: ControllerClock, @unchecked Sendable {
    /// One suspended `sleep(until:)` call.
    private struct Sleeper {
        /// When to resume.
        let deadline: Duration
        /// The suspended caller.
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// Guards `current`, `sleepers` and `nextID`.
    private let lock = NSLock()
    /// The clock's current time.
    private var current: Duration = .zero
    /// Suspended sleepers by id.
    private var sleepers: [Int: Sleeper] = [:]
    /// Next sleeper id.
    private var nextID = 0

    /// The current manual time.
    func now() -> Duration {
        lock.withLock { current }
    }

    /// Number of callers currently suspended in `sleep(until:)`.
    var sleeperCount: Int {
        lock.withLock { sleepers.count }
    }

    /// Suspends until `advance(by:)` moves time to `deadline` or beyond.
    func sleep(until deadline: Duration) async throws {
        let id: Int = lock.withLock {
            nextID += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = lock.withLock {
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= current { return .success(()) }
                    sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and resumes every sleeper whose deadline is now reached.
    func advance(by amount: Duration) {
        let due: [Sleeper] = lock.withLock {
            current += amount
            let ready = sleepers.filter { $0.value.deadline <= current }
            for id in ready.keys { sleepers.removeValue(forKey: id) }
            return Array(ready.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
