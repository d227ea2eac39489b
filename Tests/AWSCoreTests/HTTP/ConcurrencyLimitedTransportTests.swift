import Foundation
import Synchronization
import Testing
@testable import AWSCore

/// Tests of ConcurrencyLimitedTransport: never more requests in flight than its limit, every request answered.
@Suite struct ConcurrencyLimitedTransportTests {
    /// A transport that counts the requests inside it at once and answers each after a short pause.
    final class CountingTransport: HTTPTransport {
        private let counts = Mutex((inFlight: 0, most: 0, sent: 0))

        /// The most requests that were inside `send` at the same time.
        var most: Int { counts.withLock { $0.most } }
        /// Requests answered.
        var sent: Int { counts.withLock { $0.sent } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            counts.withLock { counts in
                counts.inFlight += 1
                counts.most = max(counts.most, counts.inFlight)
            }
            try await Task.sleep(for: .milliseconds(5))
            counts.withLock { counts in
                counts.inFlight -= 1
                counts.sent += 1
            }
            return HTTPResponse(status: 200, body: Data(request.url.path.utf8))
        }
    }

    @Test("30 concurrent requests through a limit of 3: at most 3 in flight, all answered",
          .timeLimit(.minutes(1)))
    func boundsRequestsInFlight() async throws {
        let base = CountingTransport()
        let transport = ConcurrencyLimitedTransport(base: base, limit: 3)
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<30 {
                let url = try #require(URL(string: "http://127.0.0.1:1/\(index)"))
                group.addTask {
                    let response = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(5))
                    return String(decoding: response.body, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(paths == Set((0..<30).map { "/\($0)" }))
        #expect(base.sent == 30)
        #expect(base.most <= 3)
        #expect(base.most == 3)
    }

    @Test("a limit below one counts as one", .timeLimit(.minutes(1)))
    func limitBelowOneIsOne() async throws {
        let base = CountingTransport()
        let transport = ConcurrencyLimitedTransport(base: base, limit: 0)
        let url = try #require(URL(string: "http://127.0.0.1:1/x"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { _ = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(5)) } }
            try await group.waitForAll()
        }
        #expect(base.sent == 5)
        #expect(base.most == 1)
    }

    @Test("a task cancelled while it waits for a slot throws CancellationError and takes no slot",
          .timeLimit(.minutes(1)))
    func cancelledWaiterLeaves() async throws {
        let slots = RequestSlots(limit: 1)
        try await slots.acquire()
        let finished = Finished()
        let waiter = Task {
            defer { finished.add() }
            try await slots.acquire()
        }
        #expect(await Self.eventually { slots.waiting == 1 })
        waiter.cancel()
        guard await Self.eventually({ finished.value == 1 }) else {
            Issue.record("the cancelled waiter still waits")
            return
        }
        await #expect(throws: CancellationError.self) { try await waiter.value }
        slots.release()
        #expect(await Self.acquireSoon(slots))
        #expect(slots.waiting == 0)
    }

    /// Polls `condition` every millisecond for up to `limit`: a slot a broken `RequestSlots` lost fails the test
    /// instead of hanging it.
    static func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }

    /// Takes a slot of `slots`; false (the attempt cancelled) when none came within 10 s.
    static func acquireSoon(_ slots: RequestSlots) async -> Bool {
        let finished = Finished()
        let task = Task {
            try await slots.acquire()
            finished.add()
        }
        if await eventually({ finished.value == 1 }) { return true }
        task.cancel()
        return false
    }

    /// Counts the tasks that have finished.
    final class Finished: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    /// The names of the waiters that got a slot, in the order they got it.
    final class Order: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
        /// Returns once `count` names are recorded, or after 10 s (a wrong waiter may hold the slot for good).
        func waitFor(count: Int) async {
            let deadline = ContinuousClock.now + .seconds(10)
            while all.count < count, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(1)) }
        }
    }

    /// Counts the holders of slots.
    final class Holders: Sendable {
        private let counts = Mutex((now: 0, most: 0, done: 0))
        func enter() { counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { counts.withLock { $0.now -= 1; $0.done += 1 } }
        /// The most holders at once.
        var most: Int { counts.withLock { $0.most } }
        /// Holders that have left.
        var done: Int { counts.withLock { $0.done } }
    }

    /// Starts a task that takes a slot of `slots` and then records `name` in `order`, once it is waiting.
    private func waiter(_ name: String, _ slots: RequestSlots, _ order: Order) async -> Task<Void, any Error> {
        let before = slots.waiting
        let task = Task {
            try await slots.acquire()
            order.append(name)
        }
        #expect(await Self.eventually { slots.waiting > before }, "\(name) never waited")
        return task
    }

    @Test("waiters get the slots in the order they asked, and a cancelled waiter is passed over",
          .timeLimit(.minutes(1)))
    func waitersInOrder() async throws {
        let slots = RequestSlots(limit: 1)
        let order = Order()
        try await slots.acquire()
        let first = await waiter("first", slots, order)
        let cancelled = await waiter("cancelled", slots, order)
        let third = await waiter("third", slots, order)
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(slots.waiting == 2)
        slots.release()
        await order.waitFor(count: 1)
        #expect(order.all == ["first"])
        slots.release()
        await order.waitFor(count: 2)
        guard order.all == ["first", "third"] else {
            Issue.record("served: \(order.all)")
            return
        }
        try await first.value
        try await third.value
        slots.release()
        // Every slot is free again: taken without waiting.
        #expect(await Self.acquireSoon(slots))
        #expect(slots.waiting == 0)
    }

    @Test("many tasks, some cancelled while they wait: never more holders than the limit, every slot freed",
          .timeLimit(.minutes(1)))
    func cancellationsUnderLoad() async throws {
        let slots = RequestSlots(limit: 3)
        let holders = Holders()
        let finished = Finished()
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<300 {
            tasks.append(Task {
                defer { finished.add() }
                try await slots.acquire()
                holders.enter()
                await Task.yield()
                holders.leave()
                slots.release()
            })
            if index % 7 == 3 { tasks[index / 2].cancel() }
        }
        // 300 tasks on the test process's shared threads, which the rest of the suite keeps busy (a full run has
        // stalled them for 11 s at its start): a lost slot still fails, within the minute.
        guard await Self.eventually(within: .seconds(45), { finished.value == 300 }) else {
            Issue.record("\(300 - finished.value) tasks still wait for a slot")
            return
        }
        var cancelled = 0
        for task in tasks {
            do { try await task.value } catch is CancellationError { cancelled += 1 }
        }
        #expect(holders.most <= 3)
        #expect(holders.done + cancelled == 300)
        #expect(slots.waiting == 0)
        for _ in 0..<3 { #expect(await Self.acquireSoon(slots)) }  // all three free
        #expect(slots.waiting == 0)
    }
}
