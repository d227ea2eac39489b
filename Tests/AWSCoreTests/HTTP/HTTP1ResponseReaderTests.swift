import Foundation
import NIOCore
import NIOEmbedded
import Testing

@testable import AWSCore

/// The connection's reading end: when an answer settles its exchange and hands the connection back, and when the
/// connection is closed instead.
struct HTTP1ResponseReaderTests {
    /// A reader on an embedded channel, an exchange it expects, and what its `done` was called with.
    final class Harness: @unchecked Sendable {
        let channel = EmbeddedChannel()
        let reader = HTTP1ResponseReader(maximumBodyBytes: 1 << 20)
        let exchange: HTTP1Exchange
        var handedBack: [Bool] = []

        init(head: Bool = false) throws {
            try channel.pipeline.syncOperations.addHandler(reader)
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
            exchange = HTTP1Exchange(request: ByteBuffer(), isHead: head, promise: channel.eventLoop.makePromise())
            reader.start(exchange) { [unowned self] reusable in handedBack.append(reusable) }
        }

        func receive(_ text: String) throws {
            try channel.writeInbound(ByteBuffer(string: text))
            channel.embeddedEventLoop.run()
        }

        func answer() throws -> HTTPResponse {
            try exchange.promise.futureResult.wait()
        }
    }

    @Test func aWholeAnswerHandsTheConnectionBack() throws {
        let harness = try Harness()
        harness.reader.requestWritten()
        try harness.receive("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no")
        #expect(harness.handedBack.isEmpty)
        try harness.receive("k")
        #expect(String(decoding: try harness.answer().body, as: UTF8.self) == "ok")
        #expect(harness.handedBack == [true] && harness.reader.isReusable && harness.channel.isActive)
    }

    /// An answer that comes before the request was written whole, or after its exchange ended (a timeout, a
    /// cancellation: over TLS the closing connection stays active while its shutdown runs), never hands it back.
    @Test(arguments: [false, true])
    func anEarlyOrLateAnswerClosesTheConnection(late: Bool) throws {
        let harness = try Harness()
        if late {
            harness.reader.requestWritten()
            harness.exchange.fail(HTTP1ClientError.timedOut)
        }
        try harness.receive("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        #expect(harness.handedBack == [false] && !harness.reader.isReusable && !harness.channel.isActive)
        if late { #expect(throws: HTTP1ClientError.timedOut) { try harness.answer() } }
    }

    /// Bytes that arrive once the answer was read, before the connection is used again, close it (`done` already
    /// had it reusable; the pool checks `isReusable` again when it takes the connection back).
    @Test func unaskedBytesCloseTheConnection() throws {
        let harness = try Harness()
        harness.reader.requestWritten()
        try harness.channel.writeInbound(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
        try harness.channel.writeInbound(ByteBuffer(string: "HTTP/1.1 408 Request Timeout\r\n\r\n"))
        harness.channel.embeddedEventLoop.run()
        #expect(try harness.answer().status == 200)
        #expect(harness.handedBack == [true] && !harness.reader.isReusable && !harness.channel.isActive)
    }

    /// An answer framed by the close ends with it; one cut short, or not HTTP/1.1, fails its exchange.
    @Test func closesAndMalformedAnswers() throws {
        let untilClose = try Harness()
        untilClose.reader.requestWritten()
        try untilClose.receive("HTTP/1.1 200 OK\r\n\r\nall of it")
        try untilClose.channel.close().wait()
        untilClose.channel.embeddedEventLoop.run()
        #expect(String(decoding: try untilClose.answer().body, as: UTF8.self) == "all of it")
        #expect(untilClose.handedBack == [false])

        let cut = try Harness()
        cut.reader.requestWritten()
        try cut.receive("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\npart")
        try cut.channel.close().wait()
        #expect(throws: HTTP1ClientError.answerCutShort) { try cut.answer() }

        let malformed = try Harness()
        malformed.reader.requestWritten()
        try malformed.receive("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nok")
        #expect(throws: HTTP1ClientError.malformedAnswer("a Content-Length that is not one number")) { try malformed.answer() }
        #expect(malformed.handedBack.isEmpty && !malformed.reader.isReusable && !malformed.channel.isActive)
    }
}
