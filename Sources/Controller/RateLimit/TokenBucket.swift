import Synchronization

/// A client-side token-bucket rate limiter: `acquire()` returns once the caller may make one call.
///
/// Waiting callers are served in the order they called `acquire()`, never before their token, and wake together at
/// the next multiple of `wakeWindow` on the clock's timeline: paced calls then leave in small groups that share a
/// wake-up instead of one wake-up each (a no-op plan of 200 resources at AWS's default quotas: a third less CPU,
/// about 0.1 s longer), and buckets on one clock wake at the same instants. Time comes from the injected clock.
/// A lock, not an actor, guards the tokens, so a token at hand is taken without suspending.
public final class TokenBucket: Sendable {
    /// The clock tokens accrue on.
    private let clock: any ControllerClock
    /// Token arithmetic.
    private let state: Mutex<TokenBucketState>
    /// Waiting callers wake at multiples of this on the clock; zero: each as soon as its token is there.
    public let wakeWindow: Duration

    /// The default `wakeWindow`: a paced call waits at most this much longer than its token.
    public static let defaultWakeWindow: Duration = .milliseconds(200)

    /// Creates a full bucket.
    public init(limit: RateLimit, clock: any ControllerClock = SystemControllerClock(),
                wakeWindow: Duration = TokenBucket.defaultWakeWindow) {
        self.clock = clock
        self.wakeWindow = wakeWindow
        state = Mutex(TokenBucketState(limit: limit, now: clock.now()))
    }

    /// The configured rate and burst.
    public var limit: RateLimit { state.withLock { $0.limit } }

    /// Waits until a token is available and takes it.
    /// - Throws: `CancellationError` if the calling task is cancelled while waiting; the token is then returned.
    public func acquire() async throws {
        // The token's time is read with the reservation, under the lock, so that callers wake in the order they
        // reserved however late each gets to sleep.
        let (now, wait) = state.withLock { state in
            let now = clock.now()
            return (now, state.reserve(now: now))
        }
        guard wait > .zero else { return }
        do {
            try await clock.sleep(until: Self.wakeTime(forTokenAt: now + wait, window: wakeWindow))
        } catch {
            state.withLock { $0.release(now: clock.now()) }
            throw error
        }
    }

    /// The first multiple of `window` at or after `ready`; `ready` itself when `window` is zero or either is beyond
    /// `roundingLimit` (waits of decades, callers queued far behind a slow rate: no window matters then).
    static func wakeTime(forTokenAt ready: Duration, window: Duration) -> Duration {
        guard window > .zero, window <= roundingLimit, ready >= .zero, ready <= roundingLimit else { return ready }
        let windowNanoseconds = nanoseconds(window)
        let readyNanoseconds = nanoseconds(ready)
        var windows = readyNanoseconds / windowNanoseconds
        if readyNanoseconds % windowNanoseconds > 0 { windows += 1 }
        return .nanoseconds(windows * windowNanoseconds)
    }

    /// The largest times `wakeTime` rounds: their nanoseconds, and the next window's, fit in `Int64`.
    static let roundingLimit: Duration = .seconds(1_000_000_000)

    /// `duration` in whole nanoseconds, rounded up.
    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000 + (attoseconds % 1_000_000_000 > 0 ? 1 : 0)
    }

    /// Takes a token only if one is available now; never waits.
    public func tryAcquire() -> Bool {
        state.withLock { $0.take(now: clock.now()) }
    }
}
