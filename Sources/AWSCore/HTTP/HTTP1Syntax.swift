import Foundation

/// The bytes of HTTP/1.1 (RFC 9110, RFC 9112) as `HTTP1RequestWriter` writes them and `HTTP1ResponseParser` reads
/// them: tokens, field values, header lines, chunk lines, comma-separated lists; names compared by ASCII case only.
enum HTTP1Syntax {
    /// Lower-case names of the headers and options that frame an answer.
    static let contentLength = Array("content-length".utf8), connection = Array("connection".utf8)
    static let transferEncoding = Array("transfer-encoding".utf8)
    static let close = Array("close".utf8), keepAliveOption = Array("keep-alive".utf8)

    /// Whether `byte` may be in a token (RFC 9110, section 5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether `byte` may be in a header value (RFC 9110, section 5.5): visible ASCII, space, tab, or a byte above
    /// ASCII; not CR, LF, NUL or another control character.
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\t") || (byte >= 0x20 && byte != 0x7F)
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether `bytes` are `lowercase` but for the case of ASCII letters.
    static func isNamed(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
        bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { name, expected in
            HTTPHeader.asciiLowercase(name) == expected
        }
    }

    /// `bytes` without the spaces and tabs at either end.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes.removeFirst() }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
        return bytes
    }

    /// Checks a header or trailer line (a token, a colon, a value without control characters other than tab) and
    /// returns the colon's index.
    @discardableResult
    static func checkHeaderLine(_ line: ArraySlice<UInt8>) throws(HTTP1ClientError) -> Int {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[line.startIndex..<colon].allSatisfy(isTokenByte)
        else {
            let folded = line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t")
            throw .malformedAnswer(folded ? "a folded header line" : "a header line without a name and a colon")
        }
        guard line[(colon + 1)...].allSatisfy(isFieldValueByte) else {
            throw .malformedAnswer("a control character in a header")
        }
        return colon
    }

    /// The size of a chunk line: hexadecimal digits, then optional extensions after `;`.
    static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTP1ClientError) -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = hexValue(line[index]) {
            guard digits < 15 else { throw .malformedAnswer("a chunk size over 15 hexadecimal digits") }
            size = size << 4 | digit
            digits += 1
            index += 1
        }
        while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") {
            index += 1
        }
        guard digits > 0, index == line.endIndex || line[index] == UInt8(ascii: ";") else {
            throw .malformedAnswer("a chunk size that is not hexadecimal")
        }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// The items of a comma-separated header value, trimmed of spaces and tabs, ASCII letters in lower case (so that
    /// no other character is read as one of the names compared with).
    static func list(_ value: ArraySlice<UInt8>) -> [String] {
        value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { item in
            String(decoding: trimmed(item).map(HTTPHeader.asciiLowercase), as: UTF8.self)
        }
    }
}
