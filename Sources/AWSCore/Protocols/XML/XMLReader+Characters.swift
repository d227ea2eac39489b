extension XMLReader {
    /// Checks that the whole input is UTF-8 made of characters XML allows (the `Char` production of XML 1.0:
    /// tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), so that later stages can take any byte at or
    /// above 0x80 as part of a valid character.
    func validateCharacters() throws(XMLReadFailure) {
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D {
                    throw XMLReadFailure(reason: .invalidCharacter(UInt32(lead)), offset: offset)
                }
                offset += 1
                continue
            }
            let (length, scalar) = try decodeMultiByte(at: offset)
            if scalar == 0xFFFE || scalar == 0xFFFF {
                throw XMLReadFailure(reason: .invalidCharacter(scalar), offset: offset)
            }
            offset += length
        }
    }

    /// The length and value of the multi-byte UTF-8 sequence at `offset`; refuses overlong forms, surrogates and
    /// values above U+10FFFF.
    private func decodeMultiByte(at offset: Int) throws(XMLReadFailure) -> (Int, UInt32) {
        let lead = bytes[offset]
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
        default: throw XMLReadFailure(reason: .invalidUTF8, offset: offset)
        }
        guard offset + length <= bytes.count else { throw XMLReadFailure(reason: .invalidUTF8, offset: offset) }
        for next in offset + 1..<offset + length {
            let byte = bytes[next]
            guard byte & 0xC0 == 0x80 else { throw XMLReadFailure(reason: .invalidUTF8, offset: offset) }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        let overlong = (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x1_0000)
        guard !overlong, scalar <= 0x10_FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw XMLReadFailure(reason: .invalidUTF8, offset: offset)
        }
        return (length, scalar)
    }

    /// Whether `scalar` is a character XML allows (the `Char` production), for character references.
    static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
        default: false
        }
    }
}
