/// The single-value container of `JSONTreeDecoder`.
struct JSONSingleValueContainer: SingleValueDecodingContainer {
    /// The value.
    let value: JSONValue
    /// Where it sits.
    let path: CodingPath
    /// How keys and dates are read.
    let rules: JSONTreeRules

    var codingPath: [any CodingKey] { path.keys }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try JSONTreeDecoder.unbox(value, as: type, path: path) }
    func decode(_ type: String.Type) throws -> String { try JSONTreeDecoder.unbox(value, as: type, path: path) }
    func decode(_ type: Double.Type) throws -> Double { try JSONTreeDecoder.unboxNumber(value, as: type, path: path) }
    func decode(_ type: Float.Type) throws -> Float { try JSONTreeDecoder.unbox(value, as: type, path: path) }
    func decode(_ type: Int.Type) throws -> Int { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONTreeDecoder.unboxInteger(value, as: type, path: path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONTreeDecoder.unbox(value, as: type, path: path, rules: rules)
    }
}
