extension JSONReader {
    /// Integers with at most this many digits convert to `Double` exactly without going through text.
    private static let exactIntegerDigits = 15

    /// Reads a number (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`) as the nearest `Double`.
    mutating func readNumber() throws(JSONReadError) -> Double {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure(.invalidNumber, at: digitsStart) }
        } else {
            try readDigits()
        }
        let integerDigits = index - digitsStart
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try readDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try readDigits()
        }
        if isInteger && integerDigits <= Self.exactIntegerDigits {
            var magnitude: Int64 = 0
            for offset in digitsStart..<index { magnitude = magnitude * 10 + Int64(bytes[offset] &- UInt8(ascii: "0")) }
            return negative ? -Double(magnitude) : Double(magnitude)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure(.numberOutOfRange, at: start) }
        return value
    }

    /// Reads one or more decimal digits.
    private mutating func readDigits() throws(JSONReadError) {
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        guard isDigit(bytes[index]) else { throw failure(.invalidNumber) }
        repeat { index += 1 } while index < bytes.count && isDigit(bytes[index])
    }

    /// Whether `byte` is `0`–`9`.
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
