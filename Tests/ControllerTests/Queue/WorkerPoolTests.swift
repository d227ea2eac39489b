import Testing

@testable import Controller

/// A reconcile that logs starts and ends and holds chosen keys until the test releases them.
actor ScriptedReconciler {
    /// `start x` and `end x` for every key of every batch, in order.
    private(set) var events: [String] = []
    /// Keys whose reconcile waits for `release(_:)`.
    private let slow: Set<String>
    /// Reconciles being held, by key.
    private var held: [String: CheckedContinuation<Void, Never>] = [:]

    /// A reconciler that holds the keys in `slow`.
    init(slow: Set<String>) {
        self.slow = slow
    }

    /// Logs the batch, waits while one of its keys is slow, logs its end.
    func reconcile(_ batch: [String]) async {
        events += batch.map { "start \($0)" }
        if let key = batch.first(where: slow.contains) {
            await withCheckedContinuation { held[key] = $0 }
        }
        events += batch.map { "end \($0)" }
    }

    /// Whether `key`'s reconcile is being held.
    func isHeld(_ key: String) -> Bool { held[key] != nil }

    /// Lets `key`'s reconcile finish.
    func release(_ key: String) { held.removeValue(forKey: key)?.resume() }
}

/// Several workers: a slow key holds up only what is related to it; one reconcile per key; dependency order.
@Suite("WorkerPool")
struct WorkerPoolTests {
    /// The client depends on the pool.
    static let closures: [String: Set<String>] = ["client": ["client", "pool"]]

    /// Starts a pool of `workers` (one key per batch) over `queue`, reconciling with `reconciler`.
    static func start(_ queue: WorkQueue<String>, _ reconciler: ScriptedReconciler, workers: Int = 4) -> Task<Void, Never> {
        let pool = WorkerPool<String, Void>(queue: queue, workers: workers) { _ in 1 }
        return Task {
            await pool.run(
                closures: { batch in
                    BatchClosures(needs: Dictionary(uniqueKeysWithValues: batch.map { ($0, closures[$0] ?? [$0]) }),
                                  context: ())
                },
                reconcile: { batch, _ in await reconciler.reconcile(batch) })
        }
    }

    /// While a slow reconcile is held, an unrelated key is reconciled on another worker.
    @Test func slowKeyDoesNotHoldUpOthers() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let reconciler = ScriptedReconciler(slow: ["slow"])
        let running = Self.start(queue, reconciler)
        await queue.add("slow")
        #expect(await eventually { await reconciler.isHeld("slow") })
        await queue.add("fast")
        #expect(await eventually { await reconciler.events.contains("end fast") })
        #expect(!(await reconciler.events.contains("end slow")))
        await reconciler.release("slow")
        await queue.shutDownWithDrain()
        await running.value
        #expect(await reconciler.events == ["start slow", "start fast", "end fast", "end slow"])
    }

    /// A dependent queued while its dependency is in flight starts only after the dependency ended.
    @Test func dependentWaitsForItsDependency() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let reconciler = ScriptedReconciler(slow: ["pool"])
        let running = Self.start(queue, reconciler)
        await queue.add("pool")
        #expect(await eventually { await reconciler.isHeld("pool") })
        await queue.add("client")
        #expect(await eventually {
            let queued = await queue.length
            let processing = await queue.processingCount
            return queued == 0 && processing == 1
        })
        #expect(await reconciler.events == ["start pool"])
        await reconciler.release("pool")
        #expect(await eventually { await reconciler.events.contains("end client") })
        await queue.shutDownWithDrain()
        await running.value
        #expect(await reconciler.events == ["start pool", "end pool", "start client", "end client"])
    }

    /// A key added again while it is reconciled runs once more afterwards, never twice at once.
    @Test func oneReconcilePerKeyAtATime() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let reconciler = ScriptedReconciler(slow: ["key"])
        let running = Self.start(queue, reconciler)
        await queue.add("key")
        #expect(await eventually { await reconciler.isHeld("key") })
        await queue.add("key")
        await queue.add("key")
        #expect(await reconciler.events == ["start key"])
        await reconciler.release("key")
        #expect(await eventually { await reconciler.isHeld("key") })
        await reconciler.release("key")
        #expect(await eventually { await reconciler.events.count == 4 })
        await queue.shutDownWithDrain()
        await running.value
        #expect(await reconciler.events == ["start key", "end key", "start key", "end key"])
    }

    /// The desired state, changed by the test between a batch's admission and its reconcile.
    actor Generations {
        private(set) var current = 1
        private(set) var reconciled: [(batch: [String], context: Int, currentThen: Int)] = []
        func next() { current += 1 }
        func record(_ batch: [String], context: Int) { reconciled.append((batch, context, current)) }
    }

    /// A batch is reconciled with the context its closures were computed from, not a newer one: the state may
    /// change between its admission and its run, and the gate holds only what the older one needed.
    @Test func aBatchRunsWithTheContextOfItsClosures() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let generations = Generations()
        let pool = WorkerPool<String, Int>(queue: queue, workers: 2) { _ in 1 }
        let running = Task {
            await pool.run(
                closures: { batch in
                    let generation = await generations.current
                    await generations.next()  // the state changes right after the closures were computed
                    return BatchClosures(needs: Dictionary(uniqueKeysWithValues: batch.map { ($0, [$0]) }),
                                         context: generation)
                },
                reconcile: { batch, generation in await generations.record(batch, context: generation) })
        }
        await queue.add("pool")
        #expect(await eventually { await generations.reconciled.count == 1 })
        await queue.add("client")
        #expect(await eventually { await generations.reconciled.count == 2 })
        await queue.shutDownWithDrain()
        await running.value
        let reconciled = await generations.reconciled
        #expect(reconciled.map(\.batch) == [["pool"], ["client"]])
        #expect(reconciled.map(\.context) == [1, 2])
        #expect(reconciled.map(\.currentThen) == [2, 3])
    }
}
