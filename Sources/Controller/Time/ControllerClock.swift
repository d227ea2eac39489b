import AWSCore

/// A monotonic time source that can also suspend until a point on its own timeline.
///
/// Every timed part of the controller (delayed queue adds, rate limiting, debouncing) reads time and waits only
/// through this protocol, so tests drive time by hand instead of sleeping.
public protocol ControllerClock: Sendable {
    /// Time elapsed since an arbitrary, fixed origin; never decreases.
    func now() -> Duration

    /// Suspends until `now() >= deadline`; returns at once when the deadline has already passed.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled before the deadline.
    func sleep(until deadline: Duration) async throws
}

/// The real clock: `ContinuousClock` time measured from the moment the value was created.
public struct SystemControllerClock: ControllerClock {
    /// The instant `now()` measures from.
    private let origin: ContinuousClock.Instant

    /// Creates a clock whose origin is the current instant.
    public init() {
        origin = ContinuousClock.now
    }

    /// Time elapsed since this clock was created.
    public func now() -> Duration {
        ContinuousClock.now - origin
    }

    /// Suspends until `deadline` (relative to this clock's origin) on the I/O event loop's timers, where the AWS calls
    /// it paces are made (`IOEventLoop`).
    public func sleep(until deadline: Duration) async throws {
        try await IOEventLoop.sleep(until: origin + deadline)
    }
}
