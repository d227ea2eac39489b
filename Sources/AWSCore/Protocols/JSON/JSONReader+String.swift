extension JSONReader {
    /// Reads a string; `index` is at its opening quote. Strings without escapes are validated (unless ASCII) and
    /// copied once.
    mutating func readString() throws(JSONReadError) -> String {
        index += 1
        let start = index
        var bits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            bits |= byte
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // ASCII needs no validation.
                return bits < 0x80 ? String(decoding: text, as: UTF8.self) : try makeString(text, start: start)
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if byte < 0x20 { throw failure(.controlCharacterInString(byte)) }
            index += 1
        }
        throw failure(.unexpectedEnd)
    }

    /// Reads the rest of a string that has an escape at `index`; its text began at `start`.
    private mutating func readEscapedString(from start: Int) throws(JSONReadError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try buffer.withUnsafeBufferPointer { (text) throws(JSONReadError) in
                    try makeString(text, start: start)
                }
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer)
            case 0..<0x20:
                throw failure(.controlCharacterInString(byte))
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw failure(.unexpectedEnd)
    }

    /// Reads the escape at `index` (at its backslash) and appends what it stands for as UTF-8.
    private mutating func readEscape(into buffer: inout [UInt8]) throws(JSONReadError) {
        let escapeStart = index
        index += 1
        let byte = try peek()
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscape(escapeStart: escapeStart)
            UTF8.encode(scalar) { buffer.append($0) }
        default: throw failure(.invalidEscape, at: escapeStart)
        }
    }

    /// Reads the four hex digits after `\u` (and, after a high surrogate, the low surrogate escape that follows).
    private mutating func readUnicodeEscape(escapeStart: Int) throws(JSONReadError) -> Unicode.Scalar {
        let unit = try readHexQuad(escapeStart: escapeStart)
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure(.loneSurrogate, at: escapeStart) }
            index += 2
            let low = try readHexQuad(escapeStart: index - 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw failure(.loneSurrogate, at: escapeStart) }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            return Unicode.Scalar(value)!  // Always valid: 0x10000...0x10FFFF.
        case 0xDC00...0xDFFF:
            throw failure(.loneSurrogate, at: escapeStart)
        default:
            return Unicode.Scalar(unit)!  // Always valid: not a surrogate.
        }
    }

    /// Reads four hex digits as a UTF-16 code unit.
    private mutating func readHexQuad(escapeStart: Int) throws(JSONReadError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure(.unexpectedEnd, at: bytes.count) }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidEscape, at: escapeStart)
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    /// `text` as a String, if it is valid UTF-8 (the string's text began at `start`).
    private func makeString(_ text: UnsafeBufferPointer<UInt8>, start: Int) throws(JSONReadError) -> String {
        guard let string = String(validating: text, as: UTF8.self) else { throw failure(.invalidUTF8, at: start) }
        return string
    }
}
