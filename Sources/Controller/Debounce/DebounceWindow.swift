/// The pure state of a debouncer: pending events and when they are due, given clock readings.
///
/// A batch is due `quietPeriod` after the last event, but never later than `maxWait` after the first event of the
/// batch, so a constant stream of events still flushes.
struct DebounceWindow<Event: Hashable & Sendable>: Sendable {
    /// How long no new event must arrive before the batch is due.
    let quietPeriod: Duration
    /// Longest time from the first event of a batch to its flush.
    let maxWait: Duration
    /// Pending events in order of first arrival, each once.
    private(set) var pending: [Event] = []
    /// Membership of `pending`.
    private var seen: Set<Event> = []
    /// Clock reading of the batch's first event.
    private var firstAt: Duration?
    /// Clock reading of the batch's latest event.
    private var lastAt: Duration?

    /// An empty window.
    init(quietPeriod: Duration, maxWait: Duration) {
        self.quietPeriod = quietPeriod
        self.maxWait = max(quietPeriod, maxWait)
    }

    /// When the pending batch is due, or nil when nothing is pending.
    var deadline: Duration? {
        guard let firstAt, let lastAt else { return nil }
        return min(lastAt + quietPeriod, firstAt + maxWait)
    }

    /// Records `events` arriving at `now`; a repeated event keeps its first position but still restarts the quiet period.
    mutating func add<S: Sequence>(_ events: S, now: Duration) where S.Element == Event {
        var any = false
        for event in events {
            any = true
            if seen.insert(event).inserted { pending.append(event) }
        }
        guard any else { return }
        if firstAt == nil { firstAt = now }
        lastAt = now
    }

    /// Removes and returns the pending batch if it is due at `now`.
    mutating func takeIfDue(now: Duration) -> [Event]? {
        guard let deadline, now >= deadline else { return nil }
        return takeAll()
    }

    /// Removes and returns every pending event, due or not (nil when nothing is pending).
    mutating func takeAll() -> [Event]? {
        guard !pending.isEmpty else { return nil }
        let batch = pending
        pending = []
        seen = []
        firstAt = nil
        lastAt = nil
        return batch
    }
}
