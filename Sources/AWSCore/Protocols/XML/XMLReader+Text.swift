extension XMLReader {
    /// Reads character data up to the next `<` (or the end) into the innermost open element, decoding references
    /// and turning CR LF and lone CR into LF.
    mutating func readText() throws(XMLReadFailure) {
        var start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                appendText(string(start..<index))
                return
            case UInt8(ascii: "&"):
                appendText(string(start..<index))
                appendText(String(Character(try readReference())))
                start = index
            case 0x0D:
                appendText(string(start..<index))
                appendText("\n")
                index += 1
                if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                start = index
            case UInt8(ascii: "]") where starts(with: "]]>"):
                throw failure(.cdataEndInText)
            default:
                index += 1
            }
        }
        appendText(string(start..<index))
    }

    /// Reads a CDATA section (`index` at its `<![CDATA[`) into the innermost open element, as written: like
    /// libxml2 (and so the `XMLParser` this reader replaced), line ends inside are not normalised.
    mutating func readCDATA() throws(XMLReadFailure) {
        let opening = index
        index += 9
        let start = index
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") && starts(with: "]]>") {
                appendText(string(start..<index))
                index += 3
                return
            }
            index += 1
        }
        throw failure(.unexpectedEnd(expected: "']]>' closing the CDATA section at byte \(opening)"))
    }

    /// Reads `&name;` (one of the five predefined entities), `&#digits;` or `&#xhex;` (`index` at its `&`) and
    /// returns the character it stands for.
    mutating func readReference() throws(XMLReadFailure) -> Unicode.Scalar {
        let ampersand = index
        index += 1
        guard index < bytes.count else { throw failure(.malformedReference, at: ampersand) }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            return try readCharacterReference(from: ampersand)
        }
        guard isNameStart(bytes[index]) else { throw failure(.malformedReference, at: ampersand) }
        let name = try readName()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            throw failure(.malformedReference, at: ampersand)
        }
        index += 1
        switch string(name) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "apos": return "'"
        case "quot": return "\""
        case let other: throw failure(.undefinedEntity(other), at: ampersand)
        }
    }

    /// Reads the digits and `;` of a character reference (`index` after its `#`).
    private mutating func readCharacterReference(from ampersand: Int) throws(XMLReadFailure) -> Unicode.Scalar {
        let hex = index < bytes.count && bytes[index] == UInt8(ascii: "x")
        if hex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.count, let digit = digitValue(bytes[index], hex: hex) {
            value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            throw failure(.malformedReference, at: ampersand)
        }
        index += 1
        guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
            throw failure(.invalidCharacterReference, at: ampersand)
        }
        return scalar
    }

    /// The value of a decimal or hexadecimal digit, nil for another byte.
    private func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Steps over a comment (`index` at its `<!--`); `--` may only end it.
    mutating func skipComment() throws(XMLReadFailure) {
        let opening = index
        index += 4
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
                guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ">") else {
                    throw failure(.doubleHyphenInComment)
                }
                index += 3
                return
            }
            index += 1
        }
        throw failure(.unexpectedEnd(expected: "'-->' closing the comment at byte \(opening)"), at: bytes.count)
    }

    /// Steps over a processing instruction (`index` at its `<?`); the XML declaration is one only at the start.
    mutating func skipProcessingInstruction() throws(XMLReadFailure) {
        let opening = index
        index += 2
        let target = try readName()
        if target.count == 3 && string(target).lowercased() == "xml" && opening != startOfDocument {
            throw failure(.misplacedXMLDeclaration, at: opening)
        }
        if !skipWhitespace() && !starts(with: "?>") {
            throw failure(index < bytes.count ? .unexpectedByte(bytes[index], expected: "'?>'")
                                              : .unexpectedEnd(expected: "'?>'"))
        }
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") {
                index += 2
                return
            }
            index += 1
        }
        throw failure(.unexpectedEnd(expected: "'?>' closing the processing instruction at byte \(opening)"),
                      at: bytes.count)
    }
}
