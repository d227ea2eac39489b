import Testing

@testable import Controller

/// Delayed and rate-limited adds, driven by a manual clock.
@Suite("WorkQueue delayed adds")
struct WorkQueueDelayTests {
    /// A delayed key is not queued before its time and is queued once the clock reaches it.
    @Test func delayedKeyAppearsAfterDelay() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(10))
        #expect(await queue.length == 0)
        #expect(await queue.delayedCount == 1)
        clock.advance(by: .seconds(9))
        #expect(await queue.length == 0)
        clock.advance(by: .seconds(1))
        #expect(await queue.next() == "a")
        #expect(await queue.delayedCount == 0)
    }

    /// Delayed keys become ready in order of their ready time, not of their add calls.
    @Test func delayedKeysOrderedByReadyTime() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("late", after: .seconds(3))
        await queue.add("early", after: .seconds(1))
        await queue.add("middle", after: .seconds(2))
        clock.advance(by: .seconds(5))
        var order: [String] = []
        for _ in 0..<3 { order.append(await queue.next() ?? "") }
        #expect(order == ["early", "middle", "late"])
    }

    /// A key delayed twice keeps the earlier ready time; a zero delay adds at once.
    @Test func earlierReadyTimeWins() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(60))
        await queue.add("a", after: .seconds(1))
        await queue.add("a", after: .seconds(30))
        #expect(await queue.delayedCount == 1)
        clock.advance(by: .seconds(1))
        #expect(await queue.next() == "a")
        await queue.add("b", after: .zero)
        #expect(await queue.length == 1)
    }

    /// Rate-limited adds back off 5, 10, 20 ms per key; `forget` resets to 5 ms.
    @Test func rateLimitedAddsBackOff() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        for expectedFailures in 1...3 {
            await queue.addRateLimited("k")
            #expect(await queue.failures("k") == expectedFailures)
            let delay = ItemBackoff<String>().delay(afterFailures: expectedFailures - 1)
            clock.advance(by: delay - .milliseconds(1))
            #expect(await queue.length == 0)
            clock.advance(by: .milliseconds(1))
            #expect(await queue.next() == "k")
            await queue.done("k")
        }
        await queue.forget("k")
        #expect(await queue.failures("k") == 0)
        await queue.addRateLimited("k")
        clock.advance(by: .milliseconds(5))
        #expect(await queue.next() == "k")
    }

    /// Adding a key at once drops its delayed add (a pending poll): the reconcile decides anew, so the key does not
    /// come back when the old delay ends.
    @Test func addAtOnceDropsTheDelayedAdd() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(30))
        await queue.add("a")
        #expect(await queue.delayedCount == 0)
        #expect(await queue.next() == "a")
        await queue.done("a")
        clock.advance(by: .seconds(30))
        #expect(await queue.length == 0)
        #expect(clock.sleeperCount == 0)
    }

    /// Shutdown drops delayed keys and stops the timer.
    @Test func shutDownDropsDelayed() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(1))
        await queue.shutDown()
        clock.advance(by: .seconds(2))
        #expect(await queue.delayedCount == 0)
        #expect(await queue.next() == nil)
    }
}
