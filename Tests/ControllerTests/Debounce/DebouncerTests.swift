import Testing

@testable import Controller

/// The `Debouncer` actor emitting batches on a manual clock.
@Suite("Debouncer")
struct DebouncerTests {
    /// Events 400 ms apart form one batch, emitted 500 ms after the last one.
    @Test func burstBecomesOneBatch() async {
        let clock = ManualClock()
        let debouncer = Debouncer<String>(clock: clock)
        var batches = debouncer.batches.makeAsyncIterator()
        await debouncer.submit("a")
        clock.advance(by: .milliseconds(400))
        await debouncer.submit("b")
        clock.advance(by: .milliseconds(400))
        await debouncer.submit(contentsOf: ["a", "c"])
        clock.advance(by: .milliseconds(500))
        #expect(await batches.next() == ["a", "b", "c"])
    }

    /// A stream faster than the quiet period still flushes at max wait; later events form the next batch.
    @Test func constantStreamFlushesAtMaxWait() async {
        let clock = ManualClock()
        let debouncer = Debouncer<Int>(quietPeriod: .milliseconds(500), maxWait: .seconds(1), clock: clock)
        var batches = debouncer.batches.makeAsyncIterator()
        for value in 0..<3 {
            await debouncer.submit(value)
            clock.advance(by: .milliseconds(400))
        }
        #expect(await batches.next() == [0, 1, 2])
        await debouncer.submit(3)
        clock.advance(by: .milliseconds(500))
        #expect(await batches.next() == [3])
    }

    /// `finish` emits what is pending at once and ends the stream; later submits are ignored.
    @Test func finishFlushesAndEnds() async {
        let debouncer = Debouncer<String>(clock: ManualClock())
        var batches = debouncer.batches.makeAsyncIterator()
        await debouncer.submit("pending")
        await debouncer.finish()
        await debouncer.submit("ignored")
        #expect(await batches.next() == ["pending"])
        #expect(await batches.next() == nil)
    }
}
