import Foundation

/// Reads JSON text (RFC 8259, strict) into a `JSONValue` tree in one pass over the bytes.
///
/// The input must be UTF-8 without a byte order mark; any value may stand at the top; only space, tab, CR and LF
/// count as whitespace. Numbers become `Double`s (correctly rounded; out of range is an error). When an object
/// repeats a key the first member wins, as with Foundation's `JSONDecoder`.
struct JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    /// The input.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    /// Arrays and objects currently open.
    private var depth = 0
    /// The members read so far of the objects currently open, innermost last: each object's dictionary is made
    /// once its size is known, so it never grows.
    private var pendingMembers: [(key: String, value: JSONValue)] = []

    /// Reads the single JSON value `data` holds.
    static func read(_ data: Data) throws(JSONReadError) -> JSONValue {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONReadError) -> JSONValue in
                var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
                return try reader.readDocument()
            }
        }
        return try result.get()
    }

    /// Reads one value surrounded by optional whitespace and nothing else.
    private mutating func readDocument() throws(JSONReadError) -> JSONValue {
        skipWhitespace()
        let value = try readValue()
        skipWhitespace()
        if index < bytes.count { throw failure(.unexpectedByte(bytes[index], expected: "end of input")) }
        return value
    }

    /// Reads the value starting at `index`.
    private mutating func readValue() throws(JSONReadError) -> JSONValue {
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        case let byte: throw failure(.unexpectedByte(byte, expected: "a value"))
        }
    }

    /// Reads an object; `index` is at its `{`.
    private mutating func readObject() throws(JSONReadError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        let first = pendingMembers.count
        while true {
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw failure(.unexpectedByte(byte, expected: "a member name")) }
            let key = try readString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            pendingMembers.append((key, try readValue()))
            skipWhitespace()
            if try readSeparator(closing: UInt8(ascii: "}"), expected: "',' or '}'") { break }
            skipWhitespace()
        }
        var members = [String: JSONValue](minimumCapacity: pendingMembers.count - first)
        for (key, value) in pendingMembers[first...] { keepFirst(&members[key, default: value]) }
        pendingMembers.removeSubrange(first...)
        return .object(members)
    }

    /// Reads an array; `index` is at its `[`.
    private mutating func readArray() throws(JSONReadError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue())
            skipWhitespace()
            if try readSeparator(closing: UInt8(ascii: "]"), expected: "',' or ']'") { return .array(elements) }
            skipWhitespace()
        }
    }

    /// Leaves a member as it is: through `members[key, default: value]` this inserts `value` only when `key` is new,
    /// hashing the key once.
    private func keepFirst(_ member: inout JSONValue) {}

    /// Steps over the `{` or `[` at `index`, refusing to nest deeper than `maximumDepth`.
    private mutating func enterContainer() throws(JSONReadError) {
        depth += 1
        if depth > Self.maximumDepth { throw failure(.tooDeep) }
        index += 1
    }

    /// Reads a `,` (false) or the container's closing byte (true, leaving the container).
    private mutating func readSeparator(closing: UInt8, expected: String) throws(JSONReadError) -> Bool {
        let byte = try peek()
        guard byte == UInt8(ascii: ",") || byte == closing else {
            throw failure(.unexpectedByte(byte, expected: expected))
        }
        index += 1
        if byte == closing { depth -= 1 }
        return byte == closing
    }

    /// Reads `true`, `false` or `null`.
    private mutating func readLiteral(_ literal: StaticString) throws(JSONReadError) {
        for offset in 0..<literal.utf8CodeUnitCount {
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            let expected = literal.utf8Start[offset]
            guard bytes[index] == expected else {
                throw failure(.unexpectedByte(bytes[index], expected: "'\(Character(Unicode.Scalar(expected)))'"))
            }
            index += 1
        }
    }

    /// Steps over `byte`, else fails naming `expected`.
    private mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONReadError) {
        let found = try peek()
        guard found == byte else { throw failure(.unexpectedByte(found, expected: expected)) }
        index += 1
    }

    /// The byte at `index`; the input must not end here.
    func peek() throws(JSONReadError) -> UInt8 {
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        return bytes[index]
    }

    /// Steps over JSON whitespace.
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// An error at `offset` (by default the current byte).
    func failure(_ reason: JSONReadError.Reason, at offset: Int? = nil) -> JSONReadError {
        JSONReadError(reason: reason, offset: offset ?? index)
    }
}
