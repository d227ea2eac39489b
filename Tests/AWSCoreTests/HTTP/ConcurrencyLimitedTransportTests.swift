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
        let waiter = Task { try await slots.acquire() }
        while await slots.waiting == 0 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        await slots.release()
        try await slots.acquire()
        #expect(await slots.waiting == 0)
    }
}
