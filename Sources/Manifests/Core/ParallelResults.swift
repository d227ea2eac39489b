import Foundation

/// Results of work done in parallel, stored by index so the order stays that of the input.
final class ParallelResults<Value>: @unchecked Sendable {
    /// Guards `slots`.
    private let lock = NSLock()
    /// One slot per input.
    private var slots: [Value?]

    /// Creates `count` empty slots.
    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Stores the result of input `index`.
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The stored results, in input order.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
