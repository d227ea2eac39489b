import Synchronization

/// Results of work done in parallel, stored by index so the order stays that of the input.
final class ParallelResults<Value: Sendable>: Sendable {
    /// One slot per input.
    private let slots: Mutex<[Value?]>

    /// Creates `count` empty slots.
    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    /// Stores the result of input `index`.
    func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    /// The stored results, in input order.
    var values: [Value] {
        slots.withLock { $0.compactMap { $0 } }
    }
}
