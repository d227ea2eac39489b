/// The unkeyed container of `JSONTreeDecoder`: an array read front to back. A failed decode does not advance
/// (as with `JSONDecoder`), so a caller may try another type.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    /// The elements.
    let elements: [JSONValue]
    /// Where the array sits.
    let path: CodingPath
    /// How keys and dates are read.
    let rules: JSONTreeRules

    var codingPath: [any CodingKey] { path.keys }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }
    private(set) var currentIndex = 0

    init(elements: [JSONValue], path: CodingPath, rules: JSONTreeRules) {
        self.elements = elements
        self.path = path
        self.rules = rules
    }

    /// The path of the current element.
    private var elementPath: CodingPath { path.appending(JSONTreeKey(intValue: currentIndex)) }

    /// The current element, else `valueNotFound` at the end.
    private func current(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: elementPath.keys,
                                                          debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try current(Any?.self) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next { try JSONTreeDecoder.unbox($0, as: type, path: $1) }
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next { try JSONTreeDecoder.unbox($0, as: type, path: $1) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next { try JSONTreeDecoder.unboxNumber($0, as: type, path: $1) }
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next { try JSONTreeDecoder.unbox($0, as: type, path: $1) }
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let rules = rules
        return try next { try JSONTreeDecoder.unbox($0, as: type, path: $1, rules: rules) }
    }

    /// The current element as an integer type.
    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        try next { try JSONTreeDecoder.unboxInteger($0, as: type, path: $1) }
    }

    /// The current element read by `unbox` (given the element and its path); the container moves past it only when
    /// that succeeds.
    private mutating func next<T>(_ unbox: (JSONValue, CodingPath) throws -> T) throws -> T {
        let value = try unbox(current(T.self), elementPath)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try superDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try superDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = JSONTreeDecoder(value: try current((any Decoder).self), path: elementPath, rules: rules)
        currentIndex += 1
        return decoder
    }
}
