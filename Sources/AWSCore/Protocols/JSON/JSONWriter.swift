import Foundation

/// Writes a `JSONValue` as the bytes `AWSJSON.encoder` writes for it (keys sorted by their UTF-8 bytes, not
/// normalised; `/` escaped as `\/`, other characters below U+0020 as `\b`, `\f`, `\n`, `\r`, `\t` or `\u00xx`,
/// everything else as UTF-8), without `JSONEncoder`'s boxing and dynamic casts: every JSON-protocol request body
/// is a `JSONValue`, and encoding them took about 2 % of a dry run's CPU. Numbers are written only when they are whole and exact in a
/// `Double` (|n| < 2^53, not -0, as AWS's counts, sizes and limits are); for any other number `data(_:)` returns nil
/// and the caller uses `AWSJSON.encoder`, whose formatting of fractions and exponents is not repeated here.
enum JSONWriter {
    /// The most arrays and objects nested in one another that the writer writes; a value nested deeper is left to
    /// `JSONEncoder`, which refuses 512 and more.
    static let maximumDepth = 511

    /// The bytes of `value`, or nil when it holds a number that is not a whole number written exactly, or nesting
    /// deeper than `maximumDepth`.
    static func data(_ value: JSONValue) -> Data? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        guard write(value, depth: 0, into: &bytes) else { return nil }
        return Data(bytes)
    }

    /// Appends `value`, nested `depth` deep; false when it holds what this writer leaves to `JSONEncoder`.
    private static func write(_ value: JSONValue, depth: Int, into bytes: inout [UInt8]) -> Bool {
        switch value {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            guard number.rounded() == number, abs(number) < 9_007_199_254_740_992,
                  !(number == 0 && number.sign == .minus) else { return false }
            bytes.append(contentsOf: String(Int64(number)).utf8)
        case .string(let text):
            writeString(text, into: &bytes)
        case .array(let elements):
            guard depth < maximumDepth else { return false }
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, depth: depth + 1, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard depth < maximumDepth else { return false }
            bytes.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(members[key]!, depth: depth + 1, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// Appends `text` quoted and escaped.
    private static func writeString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/"): bytes.append(contentsOf: #"\/"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
