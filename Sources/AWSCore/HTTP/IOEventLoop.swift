import NIOCore
import NIOPosix

/// The process's one I/O thread: the SwiftNIO event loop its HTTP connections (`HTTP1ConnectionPool`) run on. A
/// command runs its tasks on the same thread (`run(_:)`) and sleeps on its timers (`sleep(until:)`), so an AWS call's request, answer,
/// decoding and the rate limiter's waits need no hand-over between threads (a 200-resource dry run: a third of the
/// thread switches and 8 % less CPU than with its tasks on Swift's shared pool; benchmarks/README.md, "Plan latency").
/// AWS calls are small and bounded by AWS's quotas, so one thread keeps up with them (TLS included). The controller
/// keeps Swift's shared pool for its tasks but uses this loop's HTTP I/O and timers, so nothing may block on it.
public enum IOEventLoop {
    /// The event loop group: one thread of its own.
    static let group: any EventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The one loop of `group` that tasks, timers and HTTP connections use.
    static let loop: any EventLoop = group.next()

    /// Runs `operation`, and every child task it starts, on the I/O event loop (a task executor preference).
    /// Unstructured tasks (`Task {}`) it starts run on Swift's shared pool as usual; so does code isolated to an actor
    /// with its own executor, such as the main actor. Blocking work in `operation` holds up the loop's I/O meanwhile.
    public static func run<T, Failure: Error>(
        isolation: isolated (any Actor)? = #isolation,
        _ operation: () async throws(Failure) -> T
    ) async throws(Failure) -> T {
        try await withTaskExecutorPreference(EventLoopTaskExecutor(loop: loop), isolation: isolation, operation: operation)
    }

    /// Suspends until `deadline` on the I/O event loop's timers (no thread of Swift's or Dispatch's wakes for it);
    /// returns at once when the deadline has passed.
    /// - Throws: `CancellationError` when the calling task is cancelled before the deadline.
    public static func sleep(until deadline: ContinuousClock.Instant) async throws {
        try Task.checkCancellation()
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return }
        let timer = loop.scheduleTask(in: TimeAmount(remaining)) {}  // clamped to Int64 nanoseconds (292 years)
        try await withTaskCancellationHandler {
            do {
                try await timer.futureResult.get()
            } catch EventLoopError.cancelled {
                throw CancellationError()
            }
        } onCancel: {
            timer.cancel()
        }
    }
}

/// A task executor that runs jobs on one event loop, in the order they were enqueued.
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop jobs run on.
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
