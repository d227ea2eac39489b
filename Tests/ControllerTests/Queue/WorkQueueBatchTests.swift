import Testing

@testable import Controller

/// `nextBatch(limit:)`: the controller's worker takes every queued key at once, up to a limit.
@Suite("WorkQueue batches")
struct WorkQueueBatchTests {
    /// Queued keys come out together in FIFO order, at most `limit`; each is processing until done.
    @Test func takesQueuedKeysUpToTheLimit() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        for key in ["a", "b", "c"] { await queue.add(key) }
        #expect(await queue.nextBatch(limit: 2) == ["a", "b"])
        #expect(await queue.processingCount == 2)
        await queue.add("a")
        #expect(await queue.nextBatch(limit: 10) == ["c"])
        await queue.done("a")
        #expect(await queue.nextBatch(limit: 10) == ["a"])
    }

    /// After shutdown a batch is empty, which ends the worker loop.
    @Test func emptyAfterShutdown() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        await queue.shutDown()
        #expect(await queue.nextBatch(limit: 10).isEmpty)
    }
}
