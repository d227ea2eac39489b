/// A work queue with client-go's semantics, for level-based reconcilers.
///
/// - A key is handed to at most one worker at a time: `next()` marks it processing until `done(_:)`.
/// - Adding a key that is already queued is a no-op (duplicates collapse).
/// - Adding a key that is being processed marks it dirty; `done(_:)` then queues it again, once.
/// - Otherwise keys come out first in, first out.
/// - `add(_:after:)` queues a key once a delay has passed on the injected clock; `addRateLimited(_:)` uses the
///   per-key `ItemBackoff`, and `forget(_:)` resets it after a success.
///
/// Unlike client-go, `next()` returns nil as soon as the queue is shut down, even when keys are still queued:
/// a shut-down controller takes no new work, and `shutDownWithDrain()` waits only for the keys in flight.
public actor WorkQueue<Key: Hashable & Sendable> {
    /// The clock delayed adds are measured on.
    let clock: any ControllerClock
    /// Keys ready to be handed out, oldest first (each key at most once).
    private var queue = FIFOBuffer<Key>()
    /// Keys that need processing: queued ones, and processing ones that were added again.
    private var dirty: Set<Key> = []
    /// Keys handed out by `next()` and not yet `done(_:)`.
    private var processing: Set<Key> = []
    /// Workers suspended in `next()`, by waiter id, in arrival order.
    private var waiters: [(id: Int, continuation: CheckedContinuation<Key?, Never>)] = []
    /// Next waiter id.
    private var nextWaiterID = 0
    /// Callers of `shutDownWithDrain()` waiting for `processing` to empty.
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    /// Whether `shutDown()` was called.
    private(set) var isShuttingDown = false
    /// Per-key failure backoff for `addRateLimited(_:)`.
    private var backoff: ItemBackoff<Key>
    /// Delayed keys and when each becomes ready (the earliest requested time wins).
    var delayed: [Key: Duration] = [:]
    /// The task sleeping until the earliest delayed key is ready.
    var timer: (generation: Int, deadline: Duration, task: Task<Void, Never>)?
    /// Incremented for every new timer, so a stale timer's wake-up is ignored.
    var timerGeneration = 0

    /// Creates an empty queue.
    /// - Parameters:
    ///   - clock: time source for delayed and rate-limited adds.
    ///   - backoff: per-key failure backoff used by `addRateLimited(_:)`.
    public init(clock: any ControllerClock = SystemControllerClock(), backoff: ItemBackoff<Key> = ItemBackoff()) {
        self.clock = clock
        self.backoff = backoff
    }

    /// Number of keys queued and ready (not processing, not delayed): the queue-depth metric.
    public var length: Int { queue.count }

    /// Number of keys handed out and not yet done.
    public var processingCount: Int { processing.count }

    /// Number of keys waiting for a delayed or rate-limited add to become ready.
    public var delayedCount: Int { delayed.count }

    /// Marks `key` as needing processing. No-op when already queued or after shutdown. A delayed add of `key`
    /// (pending poll, failure backoff) is dropped: the reconcile about to happen decides anew when to look again.
    public func add(_ key: Key) {
        guard !isShuttingDown else { return }
        if delayed.removeValue(forKey: key) != nil { scheduleTimer() }
        guard !dirty.contains(key) else { return }
        dirty.insert(key)
        guard !processing.contains(key) else { return }
        queue.push(key)
        dispatch()
    }

    /// Waits for the next key and marks it processing; the caller must call `done(_:)` with it.
    ///
    /// Returns nil once the queue is shut down, or when the calling task is cancelled while waiting.
    public func next() async -> Key? {
        if isShuttingDown { return nil }
        if let key = takeFromQueue() { return key }
        nextWaiterID += 1
        let id = nextWaiterID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Key?, Never>) in
                if Task.isCancelled || isShuttingDown {
                    continuation.resume(returning: nil)
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Waits for the next key, then also takes the keys queued behind it, up to a limit decided once the first key
    /// is there: `size` gets the number of keys ready at that moment (the first one included). Each key taken is
    /// marked processing and needs its own `done(_:)`. Empty once the queue is shut down.
    public func nextBatch(size: @Sendable (Int) -> Int) async -> [Key] {
        guard let first = await next() else { return [] }
        let limit = size(queue.count + 1)
        var batch = [first]
        while batch.count < limit, let key = takeFromQueue() { batch.append(key) }
        return batch
    }

    /// Marks `key` as no longer processing; queues it again if it was added while processing.
    public func done(_ key: Key) {
        guard processing.remove(key) != nil else { return }
        if isShuttingDown {
            dirty.remove(key)
            if processing.isEmpty { resumeDrainWaiters() }
            return
        }
        if dirty.contains(key) {
            queue.push(key)
            dispatch()
        }
    }

    /// Adds `key` after its per-key backoff delay, recording one more failure for it.
    public func addRateLimited(_ key: Key) {
        guard !isShuttingDown else { return }
        add(key, after: backoff.nextDelay(for: key))
    }

    /// Resets the failure backoff of `key`; call after it was processed successfully.
    public func forget(_ key: Key) {
        backoff.forget(key)
    }

    /// Consecutive failures recorded for `key` through `addRateLimited(_:)` since its last `forget(_:)`.
    public func failures(_ key: Key) -> Int {
        backoff.failures(key)
    }

    /// Stops the queue: further adds are ignored, queued and delayed keys are dropped, and every `next()` returns nil.
    public func shutDown() {
        guard !isShuttingDown else { return }
        isShuttingDown = true
        queue.removeAll()
        dirty = dirty.intersection(processing)
        cancelDelayed()
        let suspended = waiters
        waiters.removeAll()
        for waiter in suspended { waiter.continuation.resume(returning: nil) }
        if processing.isEmpty { resumeDrainWaiters() }
    }

    /// Shuts the queue down and returns once every key handed out has been marked `done(_:)`.
    ///
    /// Bound the wait by racing this call against a timeout when workers may hang.
    public func shutDownWithDrain() async {
        shutDown()
        guard !processing.isEmpty else { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }

    /// Hands queued keys to suspended workers while both exist.
    private func dispatch() {
        while !waiters.isEmpty, let key = takeFromQueue() {
            let waiter = waiters.removeFirst()
            waiter.continuation.resume(returning: key)
        }
    }

    /// Pops the oldest queued key and marks it processing.
    private func takeFromQueue() -> Key? {
        guard let key = queue.pop() else { return nil }
        processing.insert(key)
        dirty.remove(key)
        return key
    }

    /// Resumes with nil the waiter `id` if it is still suspended (its task was cancelled).
    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(returning: nil)
    }

    /// Resumes every `shutDownWithDrain()` caller.
    private func resumeDrainWaiters() {
        let drained = drainWaiters
        drainWaiters.removeAll()
        for waiter in drained { waiter.resume() }
    }
}
