extension XMLReader {
    /// Reads a start tag (`index` at its `<`): opens the element, or completes it when the tag is self-closing.
    mutating func readStartTag() throws(XMLReadFailure) {
        if open.count >= Self.maximumDepth { throw failure(.tooDeep) }
        index += 1
        let name = try readName()
        attributeNames.removeAll(keepingCapacity: true)
        manyAttributeNames.removeAll(keepingCapacity: true)
        while true {
            let spaced = skipWhitespace()
            guard index < bytes.count else { throw failure(.unexpectedEnd(expected: "'>'")) }
            switch bytes[index] {
            case UInt8(ascii: ">"):
                index += 1
                open.append(OpenElement(element: XMLElement(name: string(name)), name: name))
                return
            case UInt8(ascii: "/"):
                index += 1
                try expect(UInt8(ascii: ">"), "'>'")
                close(XMLElement(name: string(name)))
                return
            case let byte where spaced && isNameStart(byte):
                try skipAttribute()
            case let byte:
                throw failure(.unexpectedByte(byte, expected: spaced ? "an attribute, '>' or '/>'" : "'>' or '/>'"))
            }
        }
    }

    /// Reads an end tag (`index` at its `<`) and closes the innermost open element.
    mutating func readEndTag() throws(XMLReadFailure) {
        index += 2
        let name = try readName()
        let expected = open[open.count - 1].name
        guard bytes[name].elementsEqual(bytes[expected]) else {
            throw failure(.mismatchedEndTag(expected: string(expected), found: string(name)), at: name.lowerBound)
        }
        skipWhitespace()
        try expect(UInt8(ascii: ">"), "'>'")
        var element = open.removeLast().element
        if !element.children.isEmpty && Self.isWhitespaceOnly(element.text) {
            element.text = ""
        }
        close(element)
    }

    /// Whether every character of `text` is whitespace in `Character.isWhitespace`'s sense (Unicode's, as the
    /// `XMLParser` builder this reader replaced judged it); ASCII text is judged without the Unicode tables.
    private static func isWhitespaceOnly(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
        }
        return ascii || text.allSatisfy(\.isWhitespace)
    }

    /// Attaches a finished element to its parent, or makes it the root.
    private mutating func close(_ element: XMLElement) {
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].element.children.append(element)
        }
    }

    /// Checks an attribute (`name = "value"` or with single quotes) and steps over it; its value may hold `>` but
    /// neither `<` nor a `&` that does not start a valid reference.
    private mutating func skipAttribute() throws(XMLReadFailure) {
        let name = try readName()
        if !noteAttributeName(name) { throw failure(.duplicateAttribute(string(name)), at: name.lowerBound) }
        skipWhitespace()
        try expect(UInt8(ascii: "="), "'='")
        skipWhitespace()
        guard index < bytes.count else { throw failure(.unexpectedEnd(expected: "an attribute value")) }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw failure(.unexpectedByte(quote, expected: "a quoted attribute value"))
        }
        index += 1
        while true {
            guard index < bytes.count else { throw failure(.unexpectedEnd(expected: "the end of the attribute value")) }
            switch bytes[index] {
            case quote: index += 1; return
            case UInt8(ascii: "<"): throw failure(.unexpectedByte(UInt8(ascii: "<"), expected: "an attribute value"))
            case UInt8(ascii: "&"): _ = try readReference()
            default: index += 1
            }
        }
    }

    /// Records the attribute name at `name` for the start tag being read; false if the tag already has it.
    private mutating func noteAttributeName(_ name: Range<Int>) -> Bool {
        if attributeNames.count < Self.attributesComparedInPlace {
            if attributeNames.contains(where: { bytes[$0].elementsEqual(bytes[name]) }) { return false }
            attributeNames.append(name)
            return true
        }
        if manyAttributeNames.isEmpty { manyAttributeNames = Set(attributeNames.map(string)) }
        return manyAttributeNames.insert(string(name)).inserted
    }

    /// Reads a name (letters, digits, `_`, `:`, `-`, `.`, non-ASCII; not starting with a digit, `-` or `.`) and
    /// returns where it is.
    mutating func readName() throws(XMLReadFailure) -> Range<Int> {
        let start = index
        guard index < bytes.count else { throw failure(.unexpectedEnd(expected: "a name")) }
        guard isNameStart(bytes[index]) else { throw failure(.unexpectedByte(bytes[index], expected: "a name")) }
        index += 1
        while index < bytes.count && isNameCharacter(bytes[index]) { index += 1 }
        return start..<index
    }

    /// Whether `byte` may start a name.
    func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
             UInt8(ascii: ":"), 0x80...: true
        default: false
        }
    }

    /// Whether `byte` may continue a name.
    private func isNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: isNameStart(byte)
        }
    }

    /// Steps over `byte`, else fails naming `expected`.
    mutating func expect(_ byte: UInt8, _ expected: String) throws(XMLReadFailure) {
        guard index < bytes.count else { throw failure(.unexpectedEnd(expected: expected)) }
        guard bytes[index] == byte else { throw failure(.unexpectedByte(bytes[index], expected: expected)) }
        index += 1
    }
}
