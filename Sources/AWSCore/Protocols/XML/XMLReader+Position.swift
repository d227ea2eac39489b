extension XMLReader {
    /// The `XMLParseError` for `failure`: line (1-based; LF, CR LF and a lone CR end a line) and column (1-based,
    /// in Unicode scalars) of the offending byte.
    func parseError(_ failure: XMLReadFailure) -> XMLParseError {
        var line = 1
        var column = 1
        var offset = 0
        let end = min(failure.offset, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == 0x0A || (byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            offset += 1
        }
        return XMLParseError(line: line, column: column, reason: failure.reason.description)
    }
}
