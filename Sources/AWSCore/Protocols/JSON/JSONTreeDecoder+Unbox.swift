import Foundation

/// Conversions of tree nodes to Swift values, shared by the containers. `path` is where the node sits.
extension JSONTreeDecoder {
    /// Any decodable type, with the special cases: dates (by `rules`), Base64 data and string-keyed dictionaries.
    static func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, path: @autoclosure () -> CodingPath,
                                    rules: JSONTreeRules) throws -> T {
        if type == Date.self {
            guard rules.iso8601Dates else {
                return Date(timeIntervalSince1970: try unboxNumber(value, as: Double.self, path: path())) as! T
            }
            let text = try unbox(value, as: String.self, path: path())
            guard let date = iso8601Date(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path().keys,
                                                        debugDescription: "Expected date string to be ISO8601-formatted."))
            }
            return date as! T
        }
        if type == Data.self {
            let text = try unbox(value, as: String.self, path: path())
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path().keys,
                                                        debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        // Only an object can be a dictionary, and the dynamic cast costs a conformance lookup: other values skip it
        // (a dictionary type meets the same type mismatch through `Dictionary.init(from:)`).
        if case let .object(members) = value, let dictionary = type as? any JSONStringKeyedDictionary.Type {
            return try dictionary.init(members: members, path: path(), rules: rules) as! T
        }
        return try T(from: JSONTreeDecoder(value: value, path: path(), rules: rules))
    }

    /// A string.
    static func unbox(_ value: JSONValue, as type: String.Type, path: @autoclosure () -> CodingPath) throws -> String {
        guard case let .string(text) = value else { throw mismatch(type, value, path()) }
        return text
    }

    /// A boolean.
    static func unbox(_ value: JSONValue, as type: Bool.Type, path: @autoclosure () -> CodingPath) throws -> Bool {
        guard case let .bool(flag) = value else { throw mismatch(type, value, path()) }
        return flag
    }

    /// A number as `Double` (`type` names the type asked for, in errors).
    static func unboxNumber(_ value: JSONValue, as type: Any.Type, path: @autoclosure () -> CodingPath) throws
        -> Double {
        guard case let .number(number) = value else { throw mismatch(type, value, path()) }
        return number
    }

    /// A number as `Float`, if within its range.
    static func unbox(_ value: JSONValue, as type: Float.Type, path: @autoclosure () -> CodingPath) throws -> Float {
        let number = try unboxNumber(value, as: type, path: path())
        guard number.magnitude <= Double(Float.greatestFiniteMagnitude) else { throw misfit(number, type, path()) }
        return Float(number)
    }

    /// A number as an integer, if it is whole, within the type's range and below 2^53 in magnitude: `JSONValue`
    /// holds numbers as `Double`, where 9007199254740993 already reads as …992, so a larger integer is refused
    /// rather than read as a neighbour.
    static func unboxInteger<I: FixedWidthInteger>(_ value: JSONValue, as type: I.Type,
                                                   path: @autoclosure () -> CodingPath) throws -> I {
        let number = try unboxNumber(value, as: type, path: path())
        guard number.magnitude < exactIntegerLimit, let integer = I(exactly: number) else {
            throw misfit(number, type, path())
        }
        return integer
    }

    /// 2^53: every integer below it in magnitude is exactly one `Double`, and no other integer reads as it.
    static let exactIntegerLimit: Double = 9_007_199_254_740_992

    /// The members of an object.
    static func members(of value: JSONValue, path: @autoclosure () -> CodingPath) throws -> [String: JSONValue] {
        guard case let .object(members) = value else { throw mismatch([String: Any].self, value, path()) }
        return members
    }

    /// The elements of an array.
    static func elements(of value: JSONValue, path: @autoclosure () -> CodingPath) throws -> [JSONValue] {
        guard case let .array(elements) = value else { throw mismatch([Any].self, value, path()) }
        return elements
    }

    /// `valueNotFound` for null, else `typeMismatch`, worded as `JSONDecoder` words them.
    private static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: CodingPath) -> DecodingError {
        let context = { (text: String) in DecodingError.Context(codingPath: path.keys, debugDescription: text) }
        let found: String
        switch value {
        case .null: return .valueNotFound(type, context("Cannot get value of type \(type) -- found null value instead"))
        case .bool: found = "bool"
        case .number: found = "number"
        case .string: found = "a string"
        case .array: found = "an array"
        case .object: found = "a dictionary"
        }
        return .typeMismatch(type, context("Expected to decode \(type) but found \(found) instead."))
    }

    /// `dataCorrupted` for a number outside what `type` holds.
    private static func misfit(_ number: Double, _ type: Any.Type, _ path: CodingPath) -> DecodingError {
        .dataCorrupted(.init(codingPath: path.keys,
                             debugDescription: "Parsed JSON number <\(number)> does not fit in \(type)."))
    }
}

/// `[String: T]`, whose keys are data: decoded member by member, keys as sent (as `JSONDecoder` does).
protocol JSONStringKeyedDictionary {
    /// The dictionary of the object `members` at `path`.
    init(members: [String: JSONValue], path: CodingPath, rules: JSONTreeRules) throws
}

extension Dictionary: JSONStringKeyedDictionary where Key == String, Value: Decodable {
    init(members: [String: JSONValue], path: CodingPath, rules: JSONTreeRules) throws {
        self.init(minimumCapacity: members.count)
        for (key, value) in members {
            self[key] = try JSONTreeDecoder.unbox(value, as: Value.self,
                                                  path: path.appending(JSONTreeKey(stringValue: key)), rules: rules)
        }
    }
}
