import Testing

@testable import Controller

/// `nextBatch(size:)`: a worker takes queued keys together, its share of them up to the batch limit.
@Suite("WorkQueue batches")
struct WorkQueueBatchTests {
    /// Queued keys come out together in FIFO order, at most `batchLimit`; each is processing until done.
    @Test func takesQueuedKeysUpToTheLimit() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        for key in ["a", "b", "c"] { await queue.add(key) }
        let two = ControllerSettings(batchLimit: 2, workers: 1), ten = ControllerSettings(batchLimit: 10, workers: 1)
        #expect(await queue.nextBatch { two.batchSize(queued: $0) } == ["a", "b"])
        #expect(await queue.processingCount == 2)
        await queue.add("a")
        #expect(await queue.nextBatch { ten.batchSize(queued: $0) } == ["c"])
        await queue.done("a")
        #expect(await queue.nextBatch { ten.batchSize(queued: $0) } == ["a"])
    }

    /// `nextBatch(size:)` sizes the batch by the keys ready once the first is there: a worker's share.
    @Test func sizedBatchTakesAShare() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        for key in ["a", "b", "c", "d"] { await queue.add(key) }
        let settings = ControllerSettings(batchLimit: 500, workers: 2)
        #expect(await queue.nextBatch { settings.batchSize(queued: $0) } == ["a", "b"])
        #expect(await queue.nextBatch { settings.batchSize(queued: $0) } == ["c"])
        #expect(await queue.nextBatch { settings.batchSize(queued: $0) } == ["d"])
    }

    /// A worker's share: the ready keys divided among the workers, rounded up, within 1...batchLimit.
    @Test(arguments: [(1, 4, 500, 1), (200, 4, 500, 50), (201, 4, 500, 51), (200, 1, 500, 200), (200, 1, 30, 30)])
    func batchSize(queued: Int, workers: Int, limit: Int, expected: Int) {
        #expect(ControllerSettings(batchLimit: limit, workers: workers).batchSize(queued: queued) == expected)
    }

    /// After shutdown a batch is empty, which ends the worker loop.
    @Test func emptyAfterShutdown() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        await queue.shutDown()
        let settings = ControllerSettings(batchLimit: 10, workers: 1)
        #expect(await queue.nextBatch { settings.batchSize(queued: $0) }.isEmpty)
    }
}
