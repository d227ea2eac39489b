extension Collection where Element: Sendable {
    /// `transform` of every element, at most `limit` (at least one) running at once, the results in the collection's
    /// order. The first error thrown cancels the transforms still running and is rethrown.
    func concurrentMap<T: Sendable>(limit: Int,
                                    _ transform: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
        let items = Array(self)
        var results: [Int: T] = [:]
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await transform(items[index])) }
            }
            // No more than there are elements: a huge `limit` (`--concurrency`) must not loop for nothing.
            for _ in 0..<Swift.min(Swift.max(1, limit), items.count) { startNext() }
            while let (index, value) = try await group.next() {
                results[index] = value
                startNext()
            }
        }
        return items.indices.compactMap { results[$0] }
    }
}
