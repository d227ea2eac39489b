import Foundation

/// Reads one HTTP/1.1 answer at a time (RFC 9112) from the bytes a connection receives, split anywhere: the status
/// line and header lines (a bare LF ends a line as CRLF does, which RFC 9112 lets a recipient accept), then the body,
/// framed by `Transfer-Encoding: chunked`, by `Content-Length`, or by the connection's close (section 6.3). Interim
/// answers (1xx) are skipped. A HEAD request's answer, a 204 and a 304 have no body.
///
/// Refused as not HTTP/1.1, so that no answer is ever read two ways: both framings at once, `Content-Length` values
/// that differ, a folded header line, a space before a header's colon, a control character in a header, a chunk line
/// that is not hexadecimal, a `Content-Length` that is empty. Bounded: the status lines, headers and trailers of an
/// answer (its interim answers included) together by `maximumHeadBytes`, each chunk's size line by
/// `maximumChunkLineBytes`, the body by the reader's limit (`responseTooLarge`, checked against `Content-Length` before
/// the body is read); bytes consumed are not kept.
struct HTTP1ResponseParser {
    /// The most bytes read for an answer's status line, headers and trailers together.
    static let maximumHeadBytes = 64 << 10
    /// The longest line that frames a chunk (its size and extensions, or the line break after its data).
    static let maximumChunkLineBytes = 4 << 10

    /// An answer read whole.
    struct Answer {
        /// The answer.
        let response: HTTPResponse
        /// Whether the connection may carry another exchange: the answer keeps it alive (`Connection`, the version)
        /// and nothing came after it in what was read.
        let reusable: Bool
    }

    /// Where in an answer the parser is.
    private enum State {
        case statusLine
        case headerLine
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLine
        case untilClose
    }

    /// The largest body read.
    private let maximumBodyBytes: Int
    /// Whether the request was HEAD (its answer has no body).
    private var headRequest = false
    private var state = State.statusLine
    /// Bytes received and not yet consumed, from `position`; kept across reads only while a line is incomplete.
    private var pending: [UInt8] = []
    private var position = 0
    /// Where the search for the current line's end goes on (so that a line received a byte at a time is scanned once).
    private var scanned = 0
    /// Bytes of status lines, headers and trailers read for this answer and its interim answers.
    private var headBytes = 0
    /// The current answer's parts so far.
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var keepAlive = true
    private var body = Data()

    /// What the current answer's headers say of its framing, read as they come (`readHeader`).
    private var framing = Framing()

    /// The headers that frame an answer, as read so far.
    private struct Framing {
        /// The transfer codings named, `identity` left out.
        var codings: [String] = []
        /// Whether a `Content-Length` came, its one value if all are the same number, and whether one was not.
        var hasLength = false
        var length: Int?
        var lengthInvalid = false
        /// `Connection` options seen.
        var close = false
        var keepAlive = false
    }

    init(maximumBodyBytes: Int) {
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// The body memory reserved for an answer of `length` bytes before they arrive: at most 1 MiB, the rest taken
    /// as the bytes come. A length is only what the server says: an answer that announces 64 MiB and sends a few
    /// bytes holds 1 MiB, not 64.
    static func reservation(forLength length: Int) -> Int { min(length, 1 << 20) }

    /// Expects the answer to a new request (`head`: whether its method is HEAD), forgetting any earlier one.
    mutating func expect(headRequest head: Bool) {
        headRequest = head
        state = .statusLine
        pending.removeAll(keepingCapacity: true)
        position = 0
        scanned = 0
        startAnswer()
    }

    /// Reads `bytes`; the answer once it is whole, nil while more is needed.
    mutating func read(_ bytes: some Collection<UInt8>) throws(HTTP1ClientError) -> Answer? {
        pending.append(contentsOf: bytes)
        let answer = try parse()
        if answer == nil, position > 0 {
            // Only an incomplete line is kept, moved to the front.
            pending.removeSubrange(0..<position)
            scanned -= position
            position = 0
        }
        return answer
    }

    /// The connection closed: the answer when its body was framed by the close, else `answerCutShort` (or
    /// `connectionLost` when nothing of it came).
    mutating func closed() throws(HTTP1ClientError) -> Answer? {
        if case .untilClose = state { return finish(leftover: false, closing: true) }
        if case .statusLine = state, headBytes == 0, position == pending.count { throw .connectionLost }
        throw .answerCutShort
    }

    /// Forgets the answer so far; `headBytes` too unless the next is the final answer after an interim one.
    private mutating func startAnswer(afterInterim: Bool = false) {
        if !afterInterim { headBytes = 0 }
        status = 0
        headers.removeAll(keepingCapacity: true)
        keepAlive = true
        body = Data()
        framing = Framing()
    }

    /// Consumes what it can of `pending`; the answer once whole.
    private mutating func parse() throws(HTTP1ClientError) -> Answer? {
        while true {
            switch state {
            case .statusLine:
                guard let line = try nextLine(inHead: true) else { return nil }
                try readStatusLine(line)
                state = .headerLine
            case .headerLine:
                guard let line = try nextLine(inHead: true) else { return nil }
                if line.isEmpty {
                    if let answer = try endOfHead() { return answer }
                } else {
                    try readHeader(line)
                }
            case .body(let remaining):
                let taken = try takeBody(upTo: remaining)
                guard taken == remaining else {
                    state = .body(remaining: remaining - taken)
                    return nil
                }
                return finish(leftover: position < pending.count, closing: false)
            case .chunkSize:
                guard let line = try nextLine(inHead: false) else { return nil }
                let size = try HTTP1Syntax.chunkSize(line)
                guard size <= maximumBodyBytes - body.count else { throw .responseTooLarge(limit: maximumBodyBytes) }
                state = size == 0 ? .trailerLine : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let taken = try takeBody(upTo: remaining)
                guard taken == remaining else {
                    state = .chunkData(remaining: remaining - taken)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard let line = try nextLine(inHead: false) else { return nil }
                guard line.isEmpty else { throw .malformedAnswer("a chunk longer than its size") }
                state = .chunkSize
            case .trailerLine:
                guard let line = try nextLine(inHead: true) else { return nil }
                if line.isEmpty { return finish(leftover: position < pending.count, closing: false) }
                try HTTP1Syntax.checkHeaderLine(line)
            case .untilClose:
                _ = try takeBody(upTo: pending.count - position)
                return nil
            }
        }
    }

    /// The next line without its CRLF (or LF), nil while incomplete: a line of the head (`inHead`: status, header or
    /// trailer line), counted against `maximumHeadBytes`, or a chunk's, bounded by `maximumChunkLineBytes`.
    private mutating func nextLine(inHead: Bool) throws(HTTP1ClientError) -> ArraySlice<UInt8>? {
        let start = position
        let newline = pending[max(scanned, start)...].firstIndex(of: UInt8(ascii: "\n"))
        let length = (newline.map { $0 + 1 } ?? pending.count) - start
        if inHead {
            guard headBytes + length <= Self.maximumHeadBytes else { throw .malformedAnswer("a head over 64 KiB") }
        } else {
            guard length <= Self.maximumChunkLineBytes else { throw .malformedAnswer("a chunk line over 4 KiB") }
        }
        guard let newline else {
            scanned = pending.count
            return nil
        }
        if inHead { headBytes += length }
        position = newline + 1
        scanned = position
        let end = newline > start && pending[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
        return pending[start..<end]
    }

    /// Appends up to `count` bytes of `pending` to the body; how many it took.
    private mutating func takeBody(upTo count: Int) throws(HTTP1ClientError) -> Int {
        let taken = min(count, pending.count - position)
        guard taken <= maximumBodyBytes - body.count else { throw .responseTooLarge(limit: maximumBodyBytes) }
        if taken > 0 {
            let range = position..<(position + taken)
            pending.withUnsafeBufferPointer { body.append(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        position += taken
        return taken
    }

    /// `HTTP/1.x SP 3DIGIT [SP reason]`.
    private mutating func readStatusLine(_ line: ArraySlice<UInt8>) throws(HTTP1ClientError) {
        let start = line.startIndex
        let code = (start + 9)..<(start + 12)
        guard line.count >= 12, line[start..<(start + 7)].elementsEqual("HTTP/1.".utf8),
              line[start + 7] == UInt8(ascii: "0") || line[start + 7] == UInt8(ascii: "1"),
              line[start + 8] == UInt8(ascii: " "), line[code].allSatisfy(HTTP1Syntax.isDigit),
              line[code.lowerBound] != UInt8(ascii: "0"),
              line.count == 12 || line[start + 12] == UInt8(ascii: " ")
        else { throw .malformedAnswer("a status line that is not HTTP/1.0 or HTTP/1.1") }
        status = line[code].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        keepAlive = line[start + 7] == UInt8(ascii: "1")
    }

    /// `name: value`, kept in order.
    private mutating func readHeader(_ line: ArraySlice<UInt8>) throws(HTTP1ClientError) {
        let colon = try HTTP1Syntax.checkHeaderLine(line)
        let name = line[line.startIndex..<colon]
        let value = HTTP1Syntax.trimmed(line[(colon + 1)...])
        headers.append(HTTPHeader(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        if HTTP1Syntax.isNamed(name, HTTP1Syntax.contentLength) {
            framing.hasLength = true
            for item in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let digits = HTTP1Syntax.trimmed(item)
                guard (1...18).contains(digits.count), digits.allSatisfy(HTTP1Syntax.isDigit) else {
                    framing.lengthInvalid = true
                    continue
                }
                let length = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if framing.length.map({ $0 != length }) ?? false { framing.lengthInvalid = true }
                framing.length = length
            }
        } else if HTTP1Syntax.isNamed(name, HTTP1Syntax.connection) {
            for item in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
                let option = HTTP1Syntax.trimmed(item)
                if HTTP1Syntax.isNamed(option, HTTP1Syntax.close) { framing.close = true }
                if HTTP1Syntax.isNamed(option, HTTP1Syntax.keepAliveOption) { framing.keepAlive = true }
            }
        } else if HTTP1Syntax.isNamed(name, HTTP1Syntax.transferEncoding) {
            framing.codings += HTTP1Syntax.list(value).filter { !$0.isEmpty && $0 != "identity" }
        }
    }

    /// The head is read: skips an interim answer, or chooses the body's framing; the answer when it has no body.
    private mutating func endOfHead() throws(HTTP1ClientError) -> Answer? {
        if (100...199).contains(status) {
            guard status != 101 else { throw .malformedAnswer("a switch to another protocol") }
            startAnswer(afterInterim: true)
            state = .statusLine
            return nil
        }
        if framing.close { keepAlive = false } else if framing.keepAlive { keepAlive = true }
        let codings = framing.codings
        if let other = codings.first(where: { $0 != "chunked" }) {
            throw .unsupportedTransferCoding(PrintableText.of(other))
        }
        if headRequest || status == 204 || status == 304 {
            return finish(leftover: position < pending.count, closing: false)
        }
        if !codings.isEmpty {
            guard codings.count == 1, !framing.hasLength else {
                let problem = framing.hasLength ? "both Transfer-Encoding and Content-Length" : "chunked twice"
                throw .malformedAnswer(problem)
            }
            state = .chunkSize
            return nil
        }
        guard framing.hasLength else {
            keepAlive = false
            state = .untilClose
            return nil
        }
        guard !framing.lengthInvalid, let count = framing.length else {
            throw .malformedAnswer("a Content-Length that is not one number")
        }
        guard count <= maximumBodyBytes else { throw .responseTooLarge(limit: maximumBodyBytes) }
        body.reserveCapacity(Self.reservation(forLength: count))
        state = .body(remaining: count)
        return nil
    }

    /// The answer read; the next exchange starts from a clean state.
    private mutating func finish(leftover: Bool, closing: Bool) -> Answer {
        let answer = Answer(response: HTTPResponse(status: status, headers: headers, body: body),
                            reusable: keepAlive && !leftover && !closing)
        headers = []
        body = Data()
        return answer
    }
}
