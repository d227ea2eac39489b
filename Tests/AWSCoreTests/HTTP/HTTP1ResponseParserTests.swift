import Foundation
import Testing

@testable import AWSCore

/// The HTTP/1.1 answer reader: framing, interim answers, keep-alive, limits, and answers that could be read two ways,
/// each fed whole, a byte at a time and split at every point.
struct HTTP1ResponseParserTests {
    /// What a test expects of one answer.
    struct Expected: Equatable, CustomStringConvertible {
        var status: Int
        var headers: [HTTPHeader]
        var body: String
        var reusable: Bool
        var description: String { "\(status) \(headers.map { "\($0.name)=\($0.value)" }) \(body.debugDescription) reusable=\(reusable)" }
    }

    /// Feeds `wire` in `pieces` (the lengths of the pieces but the last) and then, if no answer came, closes.
    static func read(_ wire: String, head: Bool = false, pieces: [Int] = [], limit: Int = 1 << 20,
                     close: Bool = true) throws(HTTP1ClientError) -> Expected? {
        try read(bytes: Array(wire.utf8), head: head, pieces: pieces, limit: limit, close: close)
    }

    /// `read` of bytes.
    static func read(bytes wire: [UInt8], head: Bool = false, pieces: [Int] = [], limit: Int = 1 << 20,
                     close: Bool = true) throws(HTTP1ClientError) -> Expected? {
        var parser = HTTP1ResponseParser(maximumBodyBytes: limit)
        parser.expect(headRequest: head)
        var bytes = wire[...]
        var answer: HTTP1ResponseParser.Answer?
        for length in pieces + [bytes.count] where answer == nil {
            let piece = bytes.prefix(min(length, bytes.count))
            bytes = bytes.dropFirst(piece.count)
            answer = try parser.read(piece)
        }
        if answer == nil, close { answer = try parser.closed() }
        return answer.map {
            Expected(status: $0.response.status, headers: $0.response.headers,
                     body: String(decoding: $0.response.body, as: UTF8.self), reusable: $0.reusable)
        }
    }

    /// `wire` read whole, a byte at a time, and in two pieces at every split, must give `expected` every time.
    static func check(_ wire: String, head: Bool = false, _ expected: Expected,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let count = wire.utf8.count
        let splits: [[Int]] = [[], Array(repeating: 1, count: count)] + (1..<max(count, 1)).map { [$0] }
        for pieces in splits {
            let read = try Self.read(wire, head: head, pieces: pieces)
            #expect(read == expected, "pieces \(pieces.count == count ? "of one byte" : "\(pieces)")",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func contentLengthAndChunkedBodies() throws {
        try Self.check("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
                       Expected(status: 200, headers: [HTTPHeader("Content-Type", "application/json"),
                                                       HTTPHeader("Content-Length", "7")],
                                body: "{\"a\":1}", reusable: true))
        try Self.check("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5 \r\npedia\r\n"
                       + "E\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: t\r\n\r\n",
                       Expected(status: 200, headers: [HTTPHeader("Transfer-Encoding", "chunked")],
                                body: "Wikipedia in\r\n\r\nchunks.", reusable: true))
        // Bare LFs end lines; values are trimmed; names and values keep their case and order; repeated names stay.
        try Self.check("HTTP/1.1 404 Not Found\nX-B:  2 \nx-a:\t1\nX-B: 3\nContent-Length: 2\n\nno",
                       Expected(status: 404, headers: [HTTPHeader("X-B", "2"), HTTPHeader("x-a", "1"),
                                                       HTTPHeader("X-B", "3"), HTTPHeader("Content-Length", "2")],
                                body: "no", reusable: true))
        // Equal lengths repeated are one length; `identity` is no coding.
        try Self.check("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\nTransfer-Encoding: identity\r\n\r\nok",
                       Expected(status: 200, headers: [HTTPHeader("Content-Length", "2, 2"), HTTPHeader("Content-Length", "2"),
                                                       HTTPHeader("Transfer-Encoding", "identity")],
                                body: "ok", reusable: true))
        try Self.check("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
                       Expected(status: 200, headers: [HTTPHeader("Content-Length", "0")], body: "", reusable: true))
    }

    /// A HEAD answer, a 204 and a 304 end with their head whatever their framing says; interim answers are skipped.
    @Test func answersWithoutBodiesAndInterimAnswers() throws {
        try Self.check("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nETag: \"e1\"\r\n\r\n", head: true,
                       Expected(status: 200, headers: [HTTPHeader("Content-Length", "1234"), HTTPHeader("ETag", "\"e1\"")],
                                body: "", reusable: true))
        for status in [204, 304] {
            try Self.check("HTTP/1.1 \(status) X\r\nTransfer-Encoding: chunked\r\n\r\n",
                           Expected(status: status, headers: [HTTPHeader("Transfer-Encoding", "chunked")], body: "",
                                    reusable: true))
        }
        try Self.check("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                       + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                       Expected(status: 200, headers: [HTTPHeader("Content-Length", "2")], body: "ok", reusable: true))
    }

    /// Keep-alive follows the version and `Connection`; an answer framed by the close ends with it; bytes after an
    /// answer (sent unasked) leave the connection unusable.
    @Test func whatLeavesTheConnectionReusable() throws {
        let cases: [(String, Expected)] = [
            ("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
             Expected(status: 200, headers: [HTTPHeader("Content-Length", "2")], body: "ok", reusable: false)),
            ("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok",
             Expected(status: 200, headers: [HTTPHeader("Connection", "Keep-Alive"), HTTPHeader("Content-Length", "2")],
                      body: "ok", reusable: true)),
            ("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 2\r\n\r\nok",
             Expected(status: 200, headers: [HTTPHeader("Connection", "keep-alive, Close"), HTTPHeader("Content-Length", "2")],
                      body: "ok", reusable: false)),
            ("HTTP/1.1 200 OK\r\nX: y\r\n\r\nuntil the close",
             Expected(status: 200, headers: [HTTPHeader("X", "y")], body: "until the close", reusable: false)),
        ]
        for (wire, expected) in cases { try Self.check(wire, expected) }
        let stray = try Self.read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 408 Request Timeout\r\n\r\n")
        #expect(stray == Expected(status: 200, headers: [HTTPHeader("Content-Length", "2")], body: "ok", reusable: false))
    }

    /// A connection that closes before the answer is whole fails it: `connectionLost` when nothing came, else
    /// `answerCutShort`, wherever it was cut.
    @Test func aCloseBeforeTheEnd() throws {
        #expect(throws: HTTP1ClientError.connectionLost) { try Self.read("") }
        #expect(throws: HTTP1ClientError.answerCutShort) { try Self.read("HTTP/1.1 100 Continue\r\n\r\n") }
        let wires = ["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde",
                     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"]
        for wire in wires {
            for cut in 1..<wire.utf8.count {
                let part = String(decoding: Array(wire.utf8).prefix(cut), as: UTF8.self)
                #expect(throws: HTTP1ClientError.answerCutShort, "cut at \(cut)") { try Self.read(part) }
            }
            #expect(try Self.read(wire)?.reusable == true)
        }
    }

    /// What could be read two ways, or is not HTTP/1.1, is refused, never guessed at.
    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
         "both Transfer-Encoding and Content-Length"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", "chunked twice"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "a Content-Length that is not one number"),
        ("HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc", "a Content-Length that is not one number"),
        ("HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\nabc", "a Content-Length that is not one number"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 3,\r\n\r\nabc", "a Content-Length that is not one number"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "a Content-Length that is not one number"),
        ("HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n", "a folded header line"),
        ("HTTP/1.1 200 OK\r\nX : a\r\nContent-Length: 0\r\n\r\n", "a header line without a name and a colon"),
        ("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "a header line without a name and a colon"),
        ("HTTP/1.1 200 OK\r\nX: a\u{0}b\r\nContent-Length: 0\r\n\r\n", "a control character in a header"),
        ("HTTP/1.1 200 OK\r\nX: a\rb\r\nContent-Length: 0\r\n\r\n", "a control character in a header"),
        ("HTTP/2 200 OK\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("HTTP/1.1 20 OK\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("HTTP/1.1 2000 OK\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("HTTP/1.1 099 OK\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("ICY 200 OK\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "a status line that is not HTTP/1.0 or HTTP/1.1"),
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", "a switch to another protocol"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk size that is not hexadecimal"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", "a chunk size that is not hexadecimal"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", "a chunk longer than its size"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n", "a chunk size over 15 hexadecimal digits"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n", "a header line without a name and a colon"),
    ])
    func malformedAnswersAreRefused(wire: String, reason: String) {
        #expect(throws: HTTP1ClientError.malformedAnswer(reason)) { try Self.read(wire) }
        #expect(throws: HTTP1ClientError.malformedAnswer(reason)) {
            try Self.read(wire, pieces: Array(repeating: 1, count: wire.utf8.count))
        }
    }

    /// A transfer coding other than chunked is refused (its bytes would otherwise be taken as the body).
    @Test func otherTransferCodingsAreRefused() {
        #expect(throws: HTTP1ClientError.unsupportedTransferCoding("gzip")) {
            try Self.read("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
        }
        // Only ASCII letters are folded: the Kelvin sign is not a K (and is not shown).
        #expect(throws: HTTP1ClientError.unsupportedTransferCoding("chuned")) {
            try Self.read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chun\u{212A}ed\r\n\r\n0\r\n\r\n")
        }
    }

    /// Bodies are bounded before they are read when their length is said, else as they come; heads by 64 KiB, also
    /// when they arrive a byte at a time.
    @Test func limits() throws {
        #expect(throws: HTTP1ClientError.responseTooLarge(limit: 4)) {
            try Self.read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", limit: 4, close: false)
        }
        #expect(try Self.read("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd", limit: 4)?.body == "abcd")
        #expect(throws: HTTP1ClientError.responseTooLarge(limit: 4)) {
            try Self.read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\n", limit: 4, close: false)
        }
        #expect(throws: HTTP1ClientError.responseTooLarge(limit: 4)) {
            try Self.read("HTTP/1.1 200 OK\r\n\r\nabcde", limit: 4, close: false)
        }
        let big = "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 70_000)
        for pieces in [[], Array(repeating: 1, count: big.utf8.count)] {
            #expect(throws: HTTP1ClientError.malformedAnswer("a head over 64 KiB")) {
                try Self.read(big, pieces: pieces, close: false)
            }
        }
        let manyLines = "HTTP/1.1 200 OK\r\n" + String(repeating: "X: 0123456789\r\n", count: 5_000) + "\r\n"
        #expect(throws: HTTP1ClientError.malformedAnswer("a head over 64 KiB")) { try Self.read(manyLines) }
        // Interim answers share the final answer's head budget: an endless stream of them is refused.
        let interim = String(repeating: "HTTP/1.1 100 Continue\r\n\r\n", count: 3_000) + "HTTP/1.1 200 OK\r\n\r\n"
        #expect(throws: HTTP1ClientError.malformedAnswer("a head over 64 KiB")) { try Self.read(interim, pieces: [30, 30, 30]) }
        // The lines that frame chunks are not head: 20,000 one-byte chunks (100 KB of framing) read back.
        let chunks = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "1;e=v\r\nx\r\n", count: 20_000)
            + "0\r\n\r\n"
        #expect(try Self.read(chunks, pieces: [1_000, 7])?.body == String(repeating: "x", count: 20_000))
        let longChunkLine = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + String(repeating: "e", count: 5_000)
        #expect(throws: HTTP1ClientError.malformedAnswer("a chunk line over 4 KiB")) { try Self.read(longChunkLine, close: false) }
    }

    /// A said length reserves memory up to 1 MiB only (an answer that announces 64 MiB and sends a few bytes holds
    /// 1 MiB, not 64), and a body longer than 1 MiB still reads whole.
    @Test func aSaidLengthReservesAtMostOneMebibyte() throws {
        #expect(HTTP1ResponseParser.reservation(forLength: 0) == 0)
        #expect(HTTP1ResponseParser.reservation(forLength: 1_500) == 1_500)
        #expect(HTTP1ResponseParser.reservation(forLength: 1 << 20) == 1 << 20)
        #expect(HTTP1ResponseParser.reservation(forLength: 64 << 20) == 1 << 20)
        let body = String(repeating: "b", count: (1 << 20) + 3)
        let answer = "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(try Self.read(answer, pieces: Array(repeating: 100_000, count: 11), limit: 2 << 20)?.body == body)
    }

    /// One parser reads the answers of a connection one after another, each from a clean state.
    @Test func oneParserReadsAnswerAfterAnswer() throws {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 1 << 20)
        parser.expect(headRequest: false)
        let first = try #require(try parser.read(Array("HTTP/1.1 201 Created\r\nA: 1\r\nContent-Length: 1\r\n\r\nx".utf8)))
        #expect(first.response.status == 201 && first.response.headers == [HTTPHeader("A", "1"), HTTPHeader("Content-Length", "1")])
        parser.expect(headRequest: true)
        let second = try #require(try parser.read(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n".utf8)))
        #expect(second.response.status == 200 && second.response.body.isEmpty && second.reusable)
        parser.expect(headRequest: false)
        #expect(try parser.read(Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no".utf8)) == nil)
        #expect(String(decoding: try #require(try parser.read(Array("k".utf8))).response.body, as: UTF8.self) == "ok")
    }

    /// Generated answers (random statuses, headers, bodies, framings and line endings) read back exactly, whatever
    /// the pieces they arrive in.
    @Test func generatedAnswersReadBackInAnyPieces() throws {
        var random = SeededRandom(seed: 15)
        for round in 0..<300 {
            let lf = random.chance(20) ? "\n" : "\r\n"
            let status = random.pick([200, 201, 400, 403, 404, 500, 503])
            var headers = (0..<random.below(6)).map { index in
                HTTPHeader(random.pick(["X-Amzn-RequestId", "Content-Type", "x-amz-id-2", "Date"]) + "\(index)",
                           String((0..<random.below(30)).map { _ in random.pick(Array("abc XYZ-_/:;=\"0189é")) }).trimmingCharacters(in: .whitespaces))
            }
            let body = String((0..<random.below(3_000)).map { _ in random.pick(Array("{}[]\":,abcxyz0189 \r\né")) })
            let bytes = Array(body.utf8)
            var wireBody: [UInt8] = []
            if random.chance(50) {
                headers.append(HTTPHeader("Content-Length", String(bytes.count)))
                wireBody = bytes
            } else {
                headers.append(HTTPHeader("Transfer-Encoding", "chunked"))
                var rest = bytes[...]
                while !rest.isEmpty {
                    let size = min(rest.count, 1 + random.below(700))
                    wireBody += Array((String(size, radix: 16, uppercase: random.chance(50)) + lf).utf8) + rest.prefix(size)
                        + Array(lf.utf8)
                    rest = rest.dropFirst(size)
                }
                wireBody += Array(("0" + lf + lf).utf8)
            }
            let wire = Array(("HTTP/1.1 \(status) Reason" + lf + headers.map { "\($0.name): \($0.value)" + lf }.joined() + lf).utf8)
                + wireBody
            var pieces: [Int] = []
            var left = wire.count
            while left > 0 {
                let piece = 1 + random.below(min(left, random.pick([3, 40, 1_500])))
                pieces.append(piece)
                left -= piece
            }
            let read = try Self.read(bytes: wire, pieces: pieces, close: false)
            #expect(read == Expected(status: status, headers: headers, body: body, reusable: true), "round \(round)")
        }
    }
}
