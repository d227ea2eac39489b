/// Collects events (changed paths, resource keys) and emits them as one batch once they stop arriving.
///
/// A batch is emitted `quietPeriod` (default 500 ms) after the last event, or `maxWait` after its first event when
/// events keep coming. Each event appears at most once per batch, in order of first arrival. Time comes from the
/// injected clock.
public actor Debouncer<Event: Hashable & Sendable> {
    /// Emitted batches; finishes after `finish()`.
    public nonisolated let batches: AsyncStream<[Event]>
    /// Feeds `batches`.
    private let continuation: AsyncStream<[Event]>.Continuation
    /// The clock quiet periods are measured on.
    private let clock: any ControllerClock
    /// Pending events and their deadline.
    private var window: DebounceWindow<Event>
    /// The task waiting for the pending batch to become due.
    private var timer: Task<Void, Never>?
    /// Whether `finish()` was called.
    private var finished = false

    /// Creates a debouncer.
    /// - Parameters:
    ///   - quietPeriod: time without new events before a batch is emitted.
    ///   - maxWait: longest delay between a batch's first event and its emission (at least `quietPeriod`).
    ///   - clock: time source.
    public init(
        quietPeriod: Duration = .milliseconds(500), maxWait: Duration = .seconds(5),
        clock: any ControllerClock = SystemControllerClock()
    ) {
        (batches, continuation) = AsyncStream.makeStream(of: [Event].self)
        window = DebounceWindow(quietPeriod: quietPeriod, maxWait: maxWait)
        self.clock = clock
    }

    /// Adds one event to the pending batch. Ignored after `finish()`.
    public func submit(_ event: Event) {
        submit(contentsOf: [event])
    }

    /// Adds events to the pending batch. Ignored after `finish()`.
    public func submit<S: Sequence & Sendable>(contentsOf events: S) where S.Element == Event {
        guard !finished else { return }
        window.add(events, now: clock.now())
        guard timer == nil, window.deadline != nil else { return }
        timer = Task { await self.waitAndFlush() }
    }

    /// Emits whatever is pending at once and ends `batches`.
    public func finish() {
        guard !finished else { return }
        finished = true
        timer?.cancel()
        timer = nil
        if let batch = window.takeAll() { continuation.yield(batch) }
        continuation.finish()
    }

    /// Sleeps until the pending batch's deadline (which later events may move) and emits it.
    private func waitAndFlush() async {
        while let deadline = window.deadline {
            do {
                try await clock.sleep(until: deadline)
            } catch {
                return
            }
            if let batch = window.takeIfDue(now: clock.now()) {
                continuation.yield(batch)
                break
            }
        }
        timer = nil
    }
}
