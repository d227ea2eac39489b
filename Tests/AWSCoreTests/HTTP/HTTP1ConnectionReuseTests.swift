import Foundation
import Testing
@testable import AWSCore

/// Tests of how HTTP1Transport keeps, reuses and retires connections, against a loopback server.
@Suite struct HTTP1ConnectionReuseTests {
    /// A connection stays open for the next requests: three calls one after the other, run on the I/O loop as the
    /// commands run them, use one connection. (A connection opened for a required event loop would be closed after
    /// each answer.)
    @Test func oneConnectionCarriesCallsOneAfterTheOther() async throws {
        let body = #"{"UserPool":{"Id":"eu-west-1_abc"}}"#
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)", keepAlive: true)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        try await IOEventLoop.run {
            for call in 1...3 {
                let request = HTTPRequest(method: "POST", url: url, body: Data(#"{"Call":\#(call)}"#.utf8))
                let response = try await transport.send(request, timeout: .seconds(10))
                #expect(String(decoding: response.body, as: UTF8.self) == body)
            }
        }
        #expect(server.requests.count == 3)
        #expect(server.connections == 1)
    }

    /// A connection idle for the pool's idle timeout (5 s) is closed, and the next call opens another; one used again
    /// before that stays open, however long it has been open in all (its timer counts from its last use).
    @Test(.timeLimit(.minutes(1)))
    func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keepAlive: true)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        let timeout = Duration.nanoseconds(HTTP1ConnectionPool.idleTimeout.nanoseconds)
        try await IOEventLoop.run {
            // Used every 0.4 of the timeout for 1.6 timeouts: the connection of the first call carries the others.
            // A round in which the loaded machine let a pause run to 0.9 of the timeout proves nothing (a full suite
            // run has stalled the test threads for seconds): it is run again, up to three rounds.
            for round in 1...3 {
                var opened = 0
                var longestPause = Duration.zero
                var lastUse = ContinuousClock.now
                for call in 0..<5 {
                    if call > 0 { longestPause = max(longestPause, ContinuousClock.now - lastUse) }
                    #expect(try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(10)).status == 200)
                    lastUse = ContinuousClock.now
                    if call == 0 { opened = server.connections }
                    try await Task.sleep(for: timeout * 0.4)
                }
                guard longestPause >= timeout * 0.9, round < 3 else {
                    #expect(server.connections == opened, "round \(round), longest pause \(longestPause)")
                    break
                }
            }
            let before = server.connections
            try await Task.sleep(for: timeout * 0.8)  // idle 1.2 timeouts in all
            #expect(try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(10)).status == 200)
            #expect(server.connections == before + 1)
        }
    }

    /// An answer that closes its connection (`Connection: close`) leaves it out of the pool: each call then opens a
    /// connection of its own and none fails on a closed one.
    @Test func aConnectionTheAnswerClosesIsNotUsedAgain() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        try await IOEventLoop.run {
            for _ in 1...3 {
                let response = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(10))
                #expect(String(decoding: response.body, as: UTF8.self) == "ok")
            }
        }
        #expect(server.connections == 3)
    }

    /// At most `maximumConnectionsPerKey` connections go to one endpoint at once, however many calls are in flight:
    /// the others wait for a connection to be free, in order, and all are answered.
    @Test func callsBeyondTheConnectionLimitWaitForAConnection() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keepAlive: true,
                                            delay: .milliseconds(200))
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        let calls = HTTP1ConnectionPool.maximumConnectionsPerKey + 36
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<calls {
                group.addTask {
                    try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(30)).status
                }
            }
            return try await group.reduce(0) { $0 + ($1 == 200 ? 1 : 0) }
        }
        #expect(answered == calls)
        #expect(server.connections == HTTP1ConnectionPool.maximumConnectionsPerKey)
    }

    /// A server that closes its connection right after the answer, without saying so (`Connection: close`), leaves
    /// a connection that is not used again: each call gets a new one and none fails. The close is usually received
    /// before the next request is written, but read only later; the kernel's view of the socket (`TCP_INFO`, Linux
    /// only) shows it.
    #if os(Linux)
    @Test func aConnectionTheServerClosedUnsaidIsNotUsedAgain() async throws {
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                                            closeDelay: .milliseconds(5))
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        try await IOEventLoop.run {
            for call in 1...3 {
                // The close comes a moment after the answer, and the loop, busy meanwhile (as decoding a large
                // answer keeps it), has not read it when the next call comes.
                if call > 1 { Self.busyUntil { server.closedConnections >= call - 1 } }
                let response = try await transport.send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
                #expect(String(decoding: response.body, as: UTF8.self) == "ok")
            }
        }
        #expect(server.connections == 3)
    }

    /// Bytes a server sends unasked after an answer (a late answer, a 408 before it closes) are never taken as the
    /// next call's answer, whether they were read while the connection was idle or are still unread in the kernel
    /// when the next call comes (the loop busy meanwhile): the connection is closed and the call gets a new one.
    /// (Linux only: elsewhere the kernel's view of the socket is not read.)
    @Test(arguments: [false, true])
    func unaskedBytesAfterAnAnswerAreNeverTheNextAnswer(loopBusy: Bool) async throws {
        let stray = "HTTP/1.1 408 Request Timeout\r\nContent-Length: 5\r\n\r\nstray"
        let server = try LoopbackHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keepAlive: true,
                                            unasked: (stray, .milliseconds(5)))
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        let transport = HTTP1Transport()
        try await IOEventLoop.run {
            for call in 1...3 {
                let response = try await transport.send(HTTPRequest(method: "POST", url: url), timeout: .seconds(10))
                #expect(response.status == 200 && String(decoding: response.body, as: UTF8.self) == "ok")
                if loopBusy {
                    Self.busyUntil { server.unaskedSent >= call }
                } else {
                    while server.unaskedSent < call { try await Task.sleep(for: .milliseconds(5)) }
                    try await Task.sleep(for: .milliseconds(50))  // the idle loop reads them meanwhile
                }
            }
        }
        #expect(server.connections == 3)
    }

    /// Keeps the calling thread (the I/O loop's, in these tests) busy until `done`, at most 10 s, and 2 ms more so
    /// that what the server sent has reached this end's kernel. Waiting for the server's own count, not for a fixed
    /// time: on a loaded machine the server's thread has run late by more than such a time.
    static func busyUntil(_ done: () -> Bool) {
        let deadline = ContinuousClock.now + .seconds(10)
        while !done() && ContinuousClock.now < deadline { usleep(1_000) }
        usleep(2_000)
    }
    #endif
}
