import Foundation
import Testing
@testable import AWSCore

/// Table tests of `JSONReader`: what RFC 8259 accepts becomes the right tree, what it refuses fails at the right byte.
@Suite struct JSONReaderTests {
    /// A well-formed document and its tree.
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var value: JSONValue
        var testDescription: String { text }
    }

    /// A malformed document, the reason and the byte offset.
    struct Invalid: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var reason: JSONReadError.Reason
        var offset: Int
        init(_ text: String, _ reason: JSONReadError.Reason, at offset: Int) {
            self.init(Array(text.utf8), reason, at: offset)
        }
        init(_ bytes: [UInt8], _ reason: JSONReadError.Reason, at offset: Int) {
            self.bytes = bytes
            self.reason = reason
            self.offset = offset
        }
        var testDescription: String { String(decoding: bytes, as: UTF8.self) }
    }

    static let valid: [Valid] = [
        .init(text: #""a\"b\\c\/d\b\f\n\r\t""#, value: .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
        .init(text: #""\u00e9\u20AC\u0041""#, value: .string("é€A")),
        .init(text: #""\ud83d\ude00 \uD834\uDD1E""#, value: .string("😀 𝄞")),
        .init(text: #""é😀 raw""#, value: .string("é😀 raw")),
        .init(text: #""\u0000""#, value: .string("\u{0}")),
        .init(text: #""""#, value: .string("")),
        .init(text: "0", value: .number(0)),
        .init(text: "-12.25", value: .number(-12.25)),
        .init(text: "1.5e3", value: .number(1500)),
        .init(text: "1E-2", value: .number(0.01)),
        .init(text: "2e+2", value: .number(200)),
        .init(text: "0.1", value: .number(0.1)),
        .init(text: "1700000000.732", value: .number(1_700_000_000.732)),
        .init(text: "123456789012345", value: .number(123_456_789_012_345)),
        .init(text: "9007199254740993", value: .number(9_007_199_254_740_992)),
        .init(text: "123456789012345678901234567890", value: .number(1.2345678901234568e29)),
        .init(text: "1e308", value: .number(1e308)),
        .init(text: "2.2250738585072014e-308", value: .number(2.2250738585072014e-308)),
        .init(text: "1e-400", value: .number(0)),
        .init(text: "true", value: .bool(true)),
        .init(text: "false", value: .bool(false)),
        .init(text: "null", value: .null),
        .init(text: " \t\n\r[ 1 ,\n2 ]\r\n", value: [1, 2]),
        .init(text: "[]", value: []),
        .init(text: "{}", value: [:]),
        .init(text: #"{"a":[1,{"b":null}],"c":{},"d":[[]]}"#,
              value: ["a": [1, ["b": nil]], "c": [:], "d": [[]]]),
        .init(text: #"{"a":1,"a":2,"A":3}"#, value: ["a": 1, "A": 3]),
        .init(text: String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
              value: (1..<512).reduce(JSONValue.array([])) { inner, _ in .array([inner]) }),
    ]

    static let invalid: [Invalid] = [
        .init("", .unexpectedEnd, at: 0),
        .init("   ", .unexpectedEnd, at: 3),
        .init("[1,]", .unexpectedByte(UInt8(ascii: "]"), expected: "a value"), at: 3),
        .init(#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"), expected: "a member name"), at: 7),
        .init("{1:2}", .unexpectedByte(UInt8(ascii: "1"), expected: "a member name"), at: 1),
        .init(#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"), expected: "':'"), at: 5),
        .init("[1 2]", .unexpectedByte(UInt8(ascii: "2"), expected: "',' or ']'"), at: 3),
        .init(#"{"a":1 "b":2}"#, .unexpectedByte(UInt8(ascii: "\""), expected: "',' or '}'"), at: 7),
        .init("1 2", .unexpectedByte(UInt8(ascii: "2"), expected: "end of input"), at: 2),
        .init(#""\ud800""#, .loneSurrogate, at: 1),
        .init(#""\udc00""#, .loneSurrogate, at: 1),
        .init(#""\ud800\u0041""#, .loneSurrogate, at: 1),
        .init(#""x\ud83d""#, .loneSurrogate, at: 2),
        .init("\"a\tb\"", .controlCharacterInString(0x09), at: 2),
        .init("\"a\\n\u{1F}\"", .controlCharacterInString(0x1F), at: 4),
        .init(#""\x""#, .invalidEscape, at: 1),
        .init(#""\u12G4""#, .invalidEscape, at: 1),
        .init(#""\u12"#, .unexpectedEnd, at: 5),
        .init([0x22, 0xC3, 0x28, 0x22], .invalidUTF8, at: 1),
        .init([0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8, at: 1),
        .init([0xEF, 0xBB, 0xBF, 0x31], .unexpectedByte(0xEF, expected: "a value"), at: 0),
        .init("01", .invalidNumber, at: 0),
        .init("-01", .invalidNumber, at: 1),
        .init("1.", .unexpectedEnd, at: 2),
        .init("1.e5", .invalidNumber, at: 2),
        .init(".5", .unexpectedByte(UInt8(ascii: "."), expected: "a value"), at: 0),
        .init("-", .unexpectedEnd, at: 1),
        .init("-a", .invalidNumber, at: 1),
        .init("1e", .unexpectedEnd, at: 2),
        .init("1e+", .unexpectedEnd, at: 3),
        .init("+1", .unexpectedByte(UInt8(ascii: "+"), expected: "a value"), at: 0),
        .init("1e400", .numberOutOfRange, at: 0),
        .init("-1e400", .numberOutOfRange, at: 0),
        .init("NaN", .unexpectedByte(UInt8(ascii: "N"), expected: "a value"), at: 0),
        .init("[1", .unexpectedEnd, at: 2),
        .init(#"{"a""#, .unexpectedEnd, at: 4),
        .init(#"{"a":"#, .unexpectedEnd, at: 5),
        .init(#""abc"#, .unexpectedEnd, at: 4),
        .init("tru", .unexpectedEnd, at: 3),
        .init("nulx", .unexpectedByte(UInt8(ascii: "x"), expected: "'l'"), at: 3),
        .init("True", .unexpectedByte(UInt8(ascii: "T"), expected: "a value"), at: 0),
        .init(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), .tooDeep, at: 512),
        .init(String(repeating: #"{"a":"#, count: 513), .tooDeep, at: 2_560),
    ]

    /// Well-formed documents become their trees.
    @Test(arguments: valid) func readsWellFormedDocuments(_ example: Valid) throws {
        #expect(try JSONReader.read(Data(example.text.utf8)) == example.value)
    }

    /// Negative zero keeps its sign.
    @Test func negativeZeroKeepsItsSign() throws {
        let value = try JSONReader.read(Data("-0".utf8))
        guard case let .number(number) = value else { Issue.record("not a number: \(value)"); return }
        #expect(number == 0 && number.sign == .minus)
    }

    /// Malformed documents fail with the reason and the offset of the offending byte.
    @Test(arguments: invalid) func refusesMalformedDocuments(_ example: Invalid) {
        #expect(throws: JSONReadError(reason: example.reason, offset: example.offset)) {
            try JSONReader.read(Data(example.bytes))
        }
    }

    /// The error says what and where.
    @Test func errorsDescribeTheReasonAndOffset() {
        let error = JSONReadError(reason: .unexpectedByte(UInt8(ascii: "]"), expected: "a value"), offset: 3)
        #expect(error.description == "unexpected ']', expected a value at byte 3")
        #expect(JSONReadError(reason: .controlCharacterInString(9), offset: 2).description
                == "unescaped control character byte 0x9 in string at byte 2")
    }
}
