/// Why `JSONReader` refused its input, and where.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the input.
    public enum Reason: Sendable, Equatable {
        /// The input ends inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue what is being read (`expected` names what could).
        case unexpectedByte(UInt8, expected: String)
        /// A number that breaks the RFC 8259 grammar (leading zero, missing digits).
        case invalidNumber
        /// A number too large for a `Double`.
        case numberOutOfRange
        /// A backslash escape RFC 8259 does not define, or a `\u` without four hex digits.
        case invalidEscape
        /// A `\u` escape of a UTF-16 surrogate without its partner.
        case loneSurrogate
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString(UInt8)
        /// A string that is not valid UTF-8.
        case invalidUTF8
        /// Arrays and objects nested deeper than `JSONReader.maximumDepth`.
        case tooDeep
    }

    /// What is wrong.
    public var reason: Reason
    /// The offset of the offending byte from the start of the input.
    public var offset: Int

    /// The reason and the byte offset, for messages.
    public var description: String {
        let what = switch reason {
        case .unexpectedEnd: "unexpected end of input"
        case let .unexpectedByte(byte, expected):
            "unexpected \(Self.describe(byte)), expected \(expected)"
        case .invalidNumber: "invalid number"
        case .numberOutOfRange: "number out of range"
        case .invalidEscape: "invalid escape sequence"
        case .loneSurrogate: "unpaired UTF-16 surrogate escape"
        case let .controlCharacterInString(byte): "unescaped control character \(Self.describe(byte)) in string"
        case .invalidUTF8: "invalid UTF-8 in string"
        case .tooDeep: "nesting deeper than \(JSONReader.maximumDepth)"
        }
        return "\(what) at byte \(offset)"
    }

    /// A byte as a quoted ASCII character, else as hex.
    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
