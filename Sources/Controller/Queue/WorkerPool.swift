/// Several workers over one `WorkQueue`, controller-runtime's `MaxConcurrentReconciles` with dependency order.
///
/// Each worker takes its share of the queued keys (`batchSize`), lets `DependencyGate` admit those unrelated to
/// the batches in flight, reconciles them, marks them done, and hands the keys the batch held back to the queue
/// again. So a key is never in two reconciles at once (the queue), runs in flight never share a resource or a
/// dependency (the gate), and a slow reconcile holds up only the keys related to it. A batch is reconciled with
/// the `Context` its closures were computed from (`BatchClosures`), so it does only what the gate holds for it.
public actor WorkerPool<Key: Hashable & Sendable, Context: Sendable> {
    /// The keys to reconcile.
    let queue: WorkQueue<Key>
    /// Number of workers.
    let workers: Int
    /// How many of the ready keys (the argument) one worker takes.
    let batchSize: @Sendable (Int) -> Int
    /// Keeps the batches in flight apart.
    private var gate = DependencyGate<Key>()

    /// Creates a pool of `workers` (at least one) over `queue`.
    public init(queue: WorkQueue<Key>, workers: Int, batchSize: @escaping @Sendable (Int) -> Int) {
        self.queue = queue
        self.workers = max(1, workers)
        self.batchSize = batchSize
    }

    /// Number of batches being reconciled now.
    public var batchesInFlight: Int { gate.batchesInFlight }

    /// Runs the workers until the queue shuts down and every batch in flight has finished.
    /// - Parameters:
    ///   - closures: the dependency closure of each key of a batch (the key and everything it depends on), with the
    ///     context they were computed from.
    ///   - reconcile: reconciles a batch against that context and requeues its keys as their outcomes require; the
    ///     pool marks them done.
    ///   - idle: called when a batch ends with nothing in flight and nothing queued.
    public func run(closures: @escaping @Sendable ([Key]) async -> BatchClosures<Key, Context>,
                    reconcile: @escaping @Sendable ([Key], Context) async -> Void,
                    idle: @escaping @Sendable () async -> Void = {}) async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask { await self.workLoop(closures: closures, reconcile: reconcile, idle: idle) }
            }
        }
    }

    /// One worker, until the queue shuts down.
    private func workLoop(closures: @Sendable ([Key]) async -> BatchClosures<Key, Context>,
                          reconcile: @Sendable ([Key], Context) async -> Void, idle: @Sendable () async -> Void) async {
        while true {
            let batch = await queue.nextBatch(size: batchSize)
            guard !batch.isEmpty else { return }
            let held = await closures(batch)
            let (id, admitted, deferred) = gate.admit(batch) { held.needs[$0] ?? [$0] }
            for key in deferred { await queue.done(key) }
            if !admitted.isEmpty {
                await reconcile(admitted, held.context)
                for key in admitted { await queue.done(key) }
            }
            for key in gate.release(id) { await queue.add(key) }
            if gate.batchesInFlight == 0, await queue.length == 0 { await idle() }
        }
    }
}
