import Synchronization
import Testing
@testable import Reconciler

/// Tests of `Collection.concurrentMap(limit:_:)`, the bounded fan-out of the handlers' reads.
@Suite struct ConcurrentMapTests {
    /// Counts the transforms running at once.
    final class Gauge: Sendable {
        private let counts = Mutex((running: 0, most: 0))
        var most: Int { counts.withLock { $0.most } }
        func enter() { counts.withLock { $0.running += 1; $0.most = max($0.most, $0.running) } }
        func leave() { counts.withLock { $0.running -= 1 } }
    }

    struct Refused: Error, Equatable {
        let item: Int
    }

    @Test("results come back in the collection's order, at most `limit` transforms at once", .timeLimit(.minutes(1)))
    func keepsOrderAndLimit() async throws {
        let gauge = Gauge()
        let squares = try await Array(0..<40).concurrentMap(limit: 4) { item in
            gauge.enter()
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...5)))
            gauge.leave()
            return item * item
        }
        #expect(squares == (0..<40).map { $0 * $0 })
        #expect(gauge.most <= 4)
        #expect(gauge.most >= 2)
    }

    @Test("an error thrown by one transform is rethrown", .timeLimit(.minutes(1)))
    func rethrowsTheError() async {
        await #expect(throws: Refused(item: 7)) {
            _ = try await Array(0..<20).concurrentMap(limit: 3) { item in
                if item == 7 { throw Refused(item: 7) }
                return item
            }
        }
    }

    @Test("an empty collection maps to an empty array; a limit below one runs one at a time")
    func edges() async throws {
        #expect(try await [Int]().concurrentMap(limit: 8) { $0 }.isEmpty)
        let gauge = Gauge()
        let same = try await Array(0..<10).concurrentMap(limit: 0) { item in
            gauge.enter()
            await Task.yield()
            gauge.leave()
            return item
        }
        #expect(same == Array(0..<10))
        #expect(gauge.most == 1)
    }

    /// `--concurrency 9223372036854775807` used to spin: the fan-out looped `limit` times whatever the element count.
    @Test("a limit far above the element count starts each element once and returns", .timeLimit(.minutes(1)))
    func aHugeLimitStartsOnlyTheElements() async throws {
        let gauge = Gauge()
        let items = try await Array(0..<3).concurrentMap(limit: Int.max) { item in
            gauge.enter()
            try await Task.sleep(for: .milliseconds(5))
            gauge.leave()
            return item
        }
        #expect(items == [0, 1, 2])
        #expect(gauge.most <= 3)
    }
}
