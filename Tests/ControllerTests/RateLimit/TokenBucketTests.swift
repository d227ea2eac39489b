import Testing

@testable import Controller

/// Token-bucket arithmetic and the waiting `TokenBucket` actor.
@Suite("TokenBucket")
struct TokenBucketTests {
    /// Builds a limit, failing the test when it is invalid.
    static func limit(_ rate: Double, _ burst: Int) throws -> RateLimit {
        try RateLimit(perSecond: rate, burst: burst)
    }

    /// Whether two durations differ by less than a microsecond (reservation waits are floating-point).
    static func nearly(_ lhs: Duration, _ rhs: Duration) -> Bool {
        lhs - rhs < .microseconds(1) && rhs - lhs < .microseconds(1)
    }

    /// A full bucket allows `burst` calls at once, then spaces reservations 1/rate apart.
    @Test func burstThenSteadyRate() throws {
        var state = TokenBucketState(limit: try Self.limit(10, 3), now: .zero)
        let waits = (0..<5).map { _ in state.reserve(now: .zero) }
        #expect(waits.prefix(3).allSatisfy { $0 == .zero })
        #expect(Self.nearly(waits[3], .milliseconds(100)))
        #expect(Self.nearly(waits[4], .milliseconds(200)))
    }

    /// Tokens refill with time, never beyond the burst.
    @Test func refillCappedAtBurst() throws {
        var state = TokenBucketState(limit: try Self.limit(2, 2), now: .zero)
        let times: [Duration] = [.zero, .zero, .zero, .milliseconds(500), .milliseconds(500), .seconds(100),
                                 .seconds(100), .seconds(100)]
        let taken = times.map { state.take(now: $0) }
        #expect(taken == [true, true, false, true, false, true, true, false])
    }

    /// Invalid settings are rejected with a code.
    @Test(arguments: [(0.0, 1, "rateLimit.invalidRate"), (-1, 1, "rateLimit.invalidRate"),
                      (Double.infinity, 1, "rateLimit.invalidRate"), (Double.nan, 1, "rateLimit.invalidRate"),
                      (0.0009, 1, "rateLimit.invalidRate"), (1.5e9, 1, "rateLimit.invalidRate"),
                      (5, 0, "rateLimit.invalidBurst")])
    func invalidLimits(rate: Double, burst: Int, code: String) {
        #expect(throws: RateLimitError.self) { try RateLimit(perSecond: rate, burst: burst) }
        do {
            _ = try RateLimit(perSecond: rate, burst: burst)
        } catch {
            #expect(error.code == code)
        }
    }

    /// `acquire` returns at once within the burst and waits on the clock beyond it.
    @Test func acquireWaitsOnClock() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(limit: try Self.limit(10, 1), clock: clock, wakeWindow: .zero)
        try await bucket.acquire()
        let waiter = Task { try await bucket.acquire() }
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: .milliseconds(99))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        try await waiter.value
        #expect(clock.sleeperCount == 0)
        #expect(!bucket.tryAcquire())
    }

    /// A cancelled waiter throws and gives its reserved token back.
    @Test func cancelledAcquireReturnsToken() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(limit: try Self.limit(1, 1), clock: clock)
        try await bucket.acquire()
        let waiter = Task { try await bucket.acquire() }
        #expect(await eventually { clock.sleeperCount == 1 })
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        clock.advance(by: .seconds(1))
        #expect(bucket.tryAcquire())
    }

    /// Waiters wake at the first multiple of the window at or after their token, never before it.
    @Test(arguments: [(Duration.zero, Duration.zero), (.nanoseconds(1), .milliseconds(200)),
                      (.milliseconds(200), .milliseconds(200)), (.milliseconds(201), .milliseconds(400)),
                      (.seconds(7) + .milliseconds(66), .seconds(7) + .milliseconds(200))])
    func wakeTimeIsTheNextWindow(ready: Duration, wake: Duration) {
        #expect(TokenBucket.wakeTime(forTokenAt: ready, window: .milliseconds(200)) == wake)
        #expect(TokenBucket.wakeTime(forTokenAt: ready, window: .zero) == ready)
    }

    /// Waits of decades (callers queued far behind a slow rate) are not rounded and do not overflow.
    @Test(arguments: [Duration.seconds(1_000_000_001), .seconds(Int64.max / 2), .seconds(Int64.max)])
    func farTokensAreNotRounded(ready: Duration) {
        #expect(TokenBucket.wakeTime(forTokenAt: ready, window: .milliseconds(200)) == ready)
        #expect(TokenBucket.wakeTime(forTokenAt: .seconds(1), window: ready) == .seconds(1))
    }

    /// Two waiters whose tokens come within one window wake together at its end; the next waits for the next one.
    @Test func waitersInOneWindowWakeTogether() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(limit: try Self.limit(10, 1), clock: clock)
        #expect(bucket.wakeWindow == TokenBucket.defaultWakeWindow)
        try await bucket.acquire()
        let first = Task { try await bucket.acquire() }  // token at 100 ms
        #expect(await eventually { clock.sleeperCount == 1 })
        let second = Task { try await bucket.acquire() }  // token at 200 ms
        #expect(await eventually { clock.sleeperCount == 2 })
        let third = Task { try await bucket.acquire() }  // token at 300 ms
        #expect(await eventually { clock.sleeperCount == 3 })
        clock.advance(by: .milliseconds(199))
        #expect(clock.sleeperCount == 3, "the 100 ms token's waiter woke before the window's end")
        clock.advance(by: .milliseconds(1))
        try await first.value
        try await second.value
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: .milliseconds(199))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        try await third.value
    }
}
