import Foundation

/// The shape of a PEM file of certificates, checked without parsing a certificate: the blocks the TLS library reads
/// as certificates (`-----BEGIN CERTIFICATE-----`, `X509 CERTIFICATE` or `TRUSTED CERTIFICATE`, RFC 7468; text
/// outside blocks and blocks of other labels are skipped, as it skips them), each with an END line and a base64 body
/// (spaces and tabs in it skipped, as the library skips them) that begins with one whole DER structure, a SEQUENCE
/// as an X.509 certificate is (bytes after it are ignored, as the library ignores them). At least one such block.
enum PEMCertificateBlocks {
    /// Why a file does not have the shape.
    struct Invalid: Error, Equatable {
        let reason: String
    }

    /// The labels read as certificates.
    private static let labels: Set<[UInt8]> = [
        Array("CERTIFICATE".utf8), Array("X509 CERTIFICATE".utf8), Array("TRUSTED CERTIFICATE".utf8),
    ]
    private static let begin = Array("-----BEGIN ".utf8), end = Array("-----END ".utf8), dashes = Array("-----".utf8)

    /// Checks `bytes`; returns the number of certificate blocks. Works on bytes: a system bundle has thousands of
    /// lines, and this runs in every process given one.
    @discardableResult
    static func check(_ bytes: [UInt8]) throws(Invalid) -> Int {
        var blocks = 0
        var label: [UInt8]?  // of the block open
        var body: [UInt8] = []  // its base64 so far
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = trimmed(bytes[lineStart..<lineEnd])
            lineStart = lineEnd + 1
            if let open = label {
                if line.starts(with: end) {
                    guard line.elementsEqual(end + open + dashes) else {
                        throw Invalid(reason: "the block BEGIN \(text(open)) ends with \(PrintableText.of(text(line)))")
                    }
                    if labels.contains(open) {
                        try checkDER(body, block: blocks + 1)
                        blocks += 1
                    }
                    label = nil
                } else {
                    body.append(contentsOf: line.lazy.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
                }
            } else if line.starts(with: begin), line.count > begin.count + dashes.count,
                      line.suffix(dashes.count).elementsEqual(dashes) {
                label = Array(line.dropFirst(begin.count).dropLast(dashes.count))
                body.removeAll(keepingCapacity: true)
            }
        }
        if let open = label { throw Invalid(reason: "the block BEGIN \(text(open)) has no END line") }
        guard blocks > 0 else { throw Invalid(reason: "no certificate in it") }
        return blocks
    }

    /// `line` without the spaces, tabs and carriage returns at either end.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) })
        else {
            return line[line.startIndex..<line.startIndex]
        }
        return line[first...last]
    }

    private static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Checks that `body` is base64 of bytes that begin with one whole DER SEQUENCE.
    private static func checkDER(_ body: [UInt8], block: Int) throws(Invalid) {
        guard let der = Data(base64Encoded: Data(body)).map([UInt8].init), !der.isEmpty else {
            throw Invalid(reason: "certificate \(block) is not base64")
        }
        guard der.count >= 2, der[0] == 0x30, let length = derLength(der), length <= der.count else {
            throw Invalid(reason: "certificate \(block) does not hold a certificate (one DER SEQUENCE)")
        }
    }

    /// The length of the DER element at the start of `der`, header included; nil when its length field is cut
    /// short or longer than four bytes.
    private static func derLength(_ der: [UInt8]) -> Int? {
        let first = Int(der[1])
        guard first >= 0x80 else { return 2 + first }
        let count = first & 0x7f
        guard (1...4).contains(count), der.count >= 2 + count else { return nil }
        let content = der[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
        return 2 + count + content
    }
}
