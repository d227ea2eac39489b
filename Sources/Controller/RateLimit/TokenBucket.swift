/// A client-side token-bucket rate limiter: `acquire()` returns once the caller may make one call.
///
/// Waiting callers are served in the order they called `acquire()`. Time comes from the injected clock.
public actor TokenBucket {
    /// The clock tokens accrue on.
    private let clock: any ControllerClock
    /// Token arithmetic.
    private var state: TokenBucketState

    /// Creates a full bucket.
    public init(limit: RateLimit, clock: any ControllerClock = SystemControllerClock()) {
        self.clock = clock
        state = TokenBucketState(limit: limit, now: clock.now())
    }

    /// The configured rate and burst.
    public var limit: RateLimit { state.limit }

    /// Waits until a token is available and takes it.
    /// - Throws: `CancellationError` if the calling task is cancelled while waiting; the token is then returned.
    public func acquire() async throws {
        let wait = state.reserve(now: clock.now())
        guard wait > .zero else { return }
        do {
            try await clock.sleep(until: clock.now() + wait)
        } catch {
            state.release(now: clock.now())
            throw error
        }
    }

    /// Takes a token only if one is available now; never waits.
    public func tryAcquire() -> Bool {
        state.take(now: clock.now())
    }
}
