import Testing

@testable import Controller

/// The client-go work-queue contract: dedupe, dirty requeue, one worker per key, FIFO, shutdown.
@Suite("WorkQueue")
struct WorkQueueTests {
    /// Keys come out in the order they were first added; re-adding a queued key changes nothing.
    @Test func fifoWithDedupe() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        for key in ["a", "b", "a", "c", "b"] { await queue.add(key) }
        #expect(await queue.length == 3)
        var order: [String] = []
        for _ in 0..<3 { order.append(await queue.next() ?? "") }
        #expect(order == ["a", "b", "c"])
        #expect(await queue.length == 0)
        #expect(await queue.processingCount == 3)
    }

    /// A key added while processing is not handed to a second worker; `done` queues it again exactly once.
    @Test func dirtyWhileProcessingRequeuesOnDone() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        let first = await queue.next()
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.length == 1)
        #expect(await queue.next() == "b")
        await queue.done("a")
        #expect(await queue.length == 1)
        #expect(first == "a")
        #expect(await queue.next() == "a")
        await queue.done("a")
        #expect(await queue.length == 0)
    }

    /// `done` for a key that was not re-added leaves it out of the queue; done on an unknown key is ignored.
    @Test func doneWithoutReaddDoesNotRequeue() async {
        let queue = WorkQueue<Int>(clock: ManualClock())
        await queue.add(1)
        _ = await queue.next()
        await queue.done(1)
        await queue.done(42)
        #expect(await queue.length == 0)
        #expect(await queue.processingCount == 0)
    }

    /// A worker suspended in `next()` receives a key added later.
    @Test func waitingWorkerReceivesLaterAdd() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        async let received = queue.next()
        await queue.add("late")
        #expect(await received == "late")
        #expect(await queue.processingCount == 1)
    }

    /// Shutdown wakes suspended workers with nil, drops queued keys and ignores later adds.
    @Test func shutDownReturnsNil() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        async let parked = queue.next()
        await queue.shutDown()
        #expect(await parked == nil)
        let other = WorkQueue<String>(clock: ManualClock())
        await other.add("queued")
        await other.shutDown()
        await other.add("ignored")
        #expect(await other.length == 0)
        #expect(await other.next() == nil)
    }

    /// A cancelled worker stops waiting and gets nil.
    @Test func cancelledNextReturnsNil() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        let worker = Task { await queue.next() }
        worker.cancel()
        #expect(await worker.value == nil)
        await queue.add("a")
        #expect(await queue.length == 1)
    }

    /// `shutDownWithDrain` returns only after the key in flight is done, and does not requeue it.
    @Test func drainWaitsForInFlight() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        _ = await queue.next()
        await queue.add("a")
        let drain = Task {
            await queue.shutDownWithDrain()
            return await queue.processingCount
        }
        #expect(await eventually { await queue.isShuttingDown })
        #expect(await queue.processingCount == 1)
        await queue.done("a")
        #expect(await drain.value == 0)
        #expect(await queue.length == 0)
        #expect(await queue.next() == nil)
    }

    /// With nothing in flight, draining returns at once.
    @Test func drainWithNothingInFlight() async {
        let queue = WorkQueue<String>(clock: ManualClock())
        await queue.add("a")
        await queue.shutDownWithDrain()
        #expect(await queue.next() == nil)
    }
}
