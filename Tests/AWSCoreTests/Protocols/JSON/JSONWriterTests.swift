import Foundation
import Testing
@testable import AWSCore

/// `JSONWriter` writes exactly the bytes `AWSJSON.encoder` writes for the same `JSONValue`, and leaves to it the
/// numbers it does not format itself.
@Suite struct JSONWriterTests {
    /// What `AWSJSON.encoder` writes for `value`.
    static func encoded(_ value: JSONValue) throws -> Data { try AWSJSON.encoder.encode(value) }

    @Test func writesWhatTheEncoderWrites() throws {
        let values: [JSONValue] = [
            .null, true, false, 0, 60, -3, 123_456_789_012_345, .number(9_007_199_254_740_991), .number(-9_007_199_254_740_991),
            "", "a/b\"\\\u{01}\n\t\u{7f}é😀", "\u{08}\u{0c}\r\u{1f}\u{1b}\u{00}", "e\u{301}", [], [:],
            ["b": 60, "SMSa": "x", "Sms": "y", "a2": -3, "a10": [1, 2, ["k": .null]], "é": true, "E": false, "z": [:]],
            ["UserPoolId": "us-east-1_abc", "MaxResults": 60, "NextToken": "a+b/c=="],
        ]
        for value in values {
            let written = try #require(JSONWriter.data(value), "\(value)")
            #expect(written == (try Self.encoded(value)), "\(value)")
        }
    }

    /// Random trees (a fixed seed): strings of quotes, escapes, control characters, non-ASCII and combining marks,
    /// whole numbers up to 2^53, nested arrays and objects with such keys.
    @Test func randomTreesAreWrittenAsTheEncoderWritesThem() throws {
        var random = SeededRandom(seed: 0x5eed)
        let characters: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{00}", "\u{1f}", "\u{7f}", "é",
                                       "e\u{301}", "ß", "€", "😀", "中", "<", "&"]
        func text() -> String {
            String((0..<random.below(8)).map { _ in random.pick(characters) })
        }
        func tree(_ depth: Int) -> JSONValue {
            switch random.below(depth > 3 ? 4 : 6) {
            case 0: return random.chance(50) ? .null : .bool(random.chance(50))
            case 1: return .number(Double(Int64(bitPattern: random.next()) % 9_007_199_254_740_992))
            case 2, 3: return .string(text())
            case 4: return .array((0..<random.below(4)).map { _ in tree(depth + 1) })
            default: return .object(Dictionary((0..<random.below(5)).map { _ in (text(), tree(depth + 1)) },
                                               uniquingKeysWith: { first, _ in first }))
            }
        }
        for _ in 0..<2000 {
            let value = tree(0)
            let written = try #require(JSONWriter.data(value), "\(value)")
            let expected = try Self.encoded(value)
            #expect(written == expected, "\(String(decoding: written, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
        }
    }

    @Test func numbersItDoesNotFormatAreLeftToTheEncoder() {
        for number in [0.5, -2.25, 1e21, 1e-7, -0.0, 9_007_199_254_740_992, .infinity, .nan] {
            #expect(JSONWriter.data(["Limit": .number(number)]) == nil, "\(number)")
            #expect(JSONWriter.data([.string("x"), .number(number)]) == nil, "\(number)")
        }
    }

    /// Around the encoder's nesting limit: what the writer writes, the encoder writes the same; deeper, the writer
    /// leaves it to the encoder (which refuses it).
    @Test func deepNestingIsLeftToTheEncoder() throws {
        for depth in 505...520 {
            var value: JSONValue = 1
            for level in 0..<depth { value = level % 2 == 0 ? [value] : ["k": value] }
            if let written = JSONWriter.data(value) {
                #expect(written == (try Self.encoded(value)), "depth \(depth)")
            } else {
                #expect(depth > JSONWriter.maximumDepth, "depth \(depth)")
            }
        }
    }
}
