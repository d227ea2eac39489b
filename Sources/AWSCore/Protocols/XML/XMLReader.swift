import Foundation

/// Reads an XML 1.0 document into an `XMLElement` tree in one pass over its bytes, strictly and without a DTD.
///
/// The input must be UTF-8 (a byte order mark is skipped). Element names are kept as written, prefix included;
/// non-ASCII characters are accepted anywhere in a name. Attributes are checked and dropped. An element's text is
/// its character data and CDATA concatenated, references decoded and, in character data, line ends normalised to
/// LF (CDATA is kept as written, as libxml2 did); it is empty when the element has children and the text is only
/// whitespace. Comments and processing instructions (the XML declaration among them) are skipped. DOCTYPE
/// declarations are refused, so the only entities are the five predefined ones.
struct XMLReader {
    /// The deepest nesting of elements accepted.
    static let maximumDepth = 256

    /// An element whose start tag has been read and whose end tag has not.
    struct OpenElement {
        /// The element so far: text and children read until now.
        var element: XMLElement
        /// Where its name is in the input, for matching the end tag.
        let name: Range<Int>
    }

    /// The input.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    /// Open elements, innermost last.
    var open: [OpenElement] = []
    /// The root element, once its end tag has been read.
    var root: XMLElement?
    /// The attribute names of the start tag being read, to refuse duplicates: the first
    /// `attributesComparedInPlace`, compared byte by byte.
    var attributeNames: [Range<Int>] = []
    /// All attribute names of the start tag being read once it has more than `attributesComparedInPlace`: a tag
    /// with thousands of attributes would otherwise cost the square of their number.
    var manyAttributeNames: Set<String> = []
    /// How many attribute names of one start tag are compared in place before they are hashed.
    static let attributesComparedInPlace = 16

    /// Reads the document `data` holds and returns its root element.
    static func read(_ data: Data) throws(XMLParseError) -> XMLElement {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(XMLParseError) -> XMLElement in
                var reader = XMLReader(bytes: raw.bindMemory(to: UInt8.self))
                do throws(XMLReadFailure) {
                    return try reader.readDocument()
                } catch {
                    throw reader.parseError(error)
                }
            }
        }
        return try result.get()
    }

    /// Reads the prolog, the root element and what may follow it.
    private mutating func readDocument() throws(XMLReadFailure) -> XMLElement {
        try validateCharacters()
        index = startOfDocument
        try skipMisc()
        guard index < bytes.count else { throw failure(.noRootElement) }
        guard bytes[index] == UInt8(ascii: "<") else {
            throw failure(.unexpectedByte(bytes[index], expected: "the root element"))
        }
        try readStartTag()
        while !open.isEmpty { try readContent() }
        try skipMisc()
        guard index == bytes.count, let root else { throw failure(.contentAfterRoot) }
        return root
    }

    /// Steps over whitespace, comments and processing instructions outside the root element.
    private mutating func skipMisc() throws(XMLReadFailure) {
        while true {
            skipWhitespace()
            if starts(with: "<!--") {
                try skipComment()
            } else if starts(with: "<?") {
                try skipProcessingInstruction()
            } else if starts(with: "<!DOCTYPE") {
                throw failure(.doctype)
            } else {
                return
            }
        }
    }

    /// Reads the next piece of the innermost open element: text, a child's start tag, its own end tag, CDATA, a
    /// comment or a processing instruction.
    private mutating func readContent() throws(XMLReadFailure) {
        guard index < bytes.count else { throw failure(.unclosedElement(string(open[open.count - 1].name))) }
        guard bytes[index] == UInt8(ascii: "<") else { return try readText() }
        guard index + 1 < bytes.count else { throw failure(.unexpectedEnd(expected: "markup"), at: bytes.count) }
        switch bytes[index + 1] {
        case UInt8(ascii: "/"): try readEndTag()
        case UInt8(ascii: "?"): try skipProcessingInstruction()
        case UInt8(ascii: "!"):
            if starts(with: "<!--") {
                try skipComment()
            } else if starts(with: "<![CDATA[") {
                try readCDATA()
            } else if starts(with: "<!DOCTYPE") {
                throw failure(.doctype)
            } else {
                guard index + 2 < bytes.count else { throw failure(.unexpectedEnd(expected: "markup"), at: bytes.count) }
                throw failure(.unexpectedByte(bytes[index + 2], expected: "a comment or CDATA"), at: index + 2)
            }
        default: try readStartTag()
        }
    }

    /// Appends `text` to the innermost open element.
    mutating func appendText(_ text: String) {
        open[open.count - 1].element.text += text
    }

    /// Whether the input at `index` starts with `prefix`.
    func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    /// Where the document starts: after the byte order mark, if there is one.
    var startOfDocument: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Whether `byte` is XML whitespace (space, tab, CR, LF).
    func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Steps over whitespace; whether there was any.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = index
        while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
        return index > start
    }

    /// The input bytes in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A failure at `offset` (by default the current byte).
    func failure(_ reason: XMLReadFailure.Reason, at offset: Int? = nil) -> XMLReadFailure {
        XMLReadFailure(reason: reason, offset: offset ?? index)
    }
}
