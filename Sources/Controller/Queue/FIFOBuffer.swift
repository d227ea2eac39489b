/// A first-in first-out buffer with amortised O(1) push and pop.
struct FIFOBuffer<Element: Sendable>: Sendable {
    /// Storage; elements before `head` have already been popped.
    private var storage: [Element] = []
    /// Index of the oldest element still in the buffer.
    private var head = 0

    /// Number of elements in the buffer.
    var count: Int { storage.count - head }

    /// Whether the buffer holds no element.
    var isEmpty: Bool { head == storage.count }

    /// Appends `element` at the back.
    mutating func push(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the oldest element, or nil when empty.
    mutating func pop() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Removes every element.
    mutating func removeAll() {
        storage.removeAll()
        head = 0
    }
}
