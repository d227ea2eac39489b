/// Why `XMLReader` refused its input, and where; turned into an `XMLParseError` with line and column.
struct XMLReadFailure: Error, Equatable {
    /// What is wrong with the input.
    enum Reason: Equatable, CustomStringConvertible {
        /// The input ends where `expected` had to come.
        case unexpectedEnd(expected: String)
        /// A byte that cannot start or continue what is being read (`expected` names what could).
        case unexpectedByte(UInt8, expected: String)
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A character XML does not allow in a document (a control character, U+FFFE, U+FFFF).
        case invalidCharacter(UInt32)
        /// A `<!DOCTYPE`: never sent by AWS, and refusing it rules out entity declarations.
        case doctype
        /// An entity reference other than the five predefined ones.
        case undefinedEntity(String)
        /// A `&` that does not start `&name;`, `&#digits;` or `&#xhex;`.
        case malformedReference
        /// A character reference to a code point XML does not allow (a surrogate, a control character, > U+10FFFF).
        case invalidCharacterReference
        /// An end tag that does not close the open element.
        case mismatchedEndTag(expected: String, found: String)
        /// The input ends while an element is open.
        case unclosedElement(String)
        /// An attribute given twice in one start tag.
        case duplicateAttribute(String)
        /// `]]>` in character data.
        case cdataEndInText
        /// `--` inside a comment.
        case doubleHyphenInComment
        /// An XML declaration (`<?xml`) anywhere but at the very start.
        case misplacedXMLDeclaration
        /// Text or another element after the root element.
        case contentAfterRoot
        /// Nothing but whitespace, comments and processing instructions.
        case noRootElement
        /// Elements nested deeper than `XMLReader.maximumDepth`.
        case tooDeep

        /// The reason in words.
        var description: String {
            switch self {
            case let .unexpectedEnd(expected): "unexpected end of input, expected \(expected)"
            case let .unexpectedByte(byte, expected): "unexpected \(Self.describe(byte)), expected \(expected)"
            case .invalidUTF8: "invalid UTF-8"
            case let .invalidCharacter(scalar): "character U+\(String(scalar, radix: 16, uppercase: true)) not allowed"
            case .doctype: "DOCTYPE declarations are not supported"
            case let .undefinedEntity(name): "undefined entity '&\(name);'"
            case .malformedReference: "'&' does not start an entity or character reference"
            case .invalidCharacterReference: "character reference to a code point XML does not allow"
            case let .mismatchedEndTag(expected, found): "end tag '\(found)' does not match start tag '\(expected)'"
            case let .unclosedElement(name): "element '\(name)' is not closed"
            case let .duplicateAttribute(name): "attribute '\(name)' given twice"
            case .cdataEndInText: "']]>' in character data"
            case .doubleHyphenInComment: "'--' inside a comment"
            case .misplacedXMLDeclaration: "XML declaration not at the start of the document"
            case .contentAfterRoot: "content after the root element"
            case .noRootElement: "no root element"
            case .tooDeep: "elements nested deeper than \(XMLReader.maximumDepth)"
            }
        }

        /// A byte as a quoted ASCII character, else as hex.
        private static func describe(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }
    }

    /// What is wrong.
    var reason: Reason
    /// The offset of the offending byte from the start of the input.
    var offset: Int
}
