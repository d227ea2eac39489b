import Foundation

/// A `Decoder` over a `JSONValue` tree that follows `rules`: the AWS JSON rules of `AWSJSON` (keys of keyed
/// containers are matched after lower-casing their first letter, dates are epoch seconds) or the plain ones of
/// `PlainJSON` (keys as written, ISO 8601 dates). Either way `[String: T]` keys are kept as sent and `Data` is Base64.
/// Errors are the `DecodingError`s Foundation's `JSONDecoder` throws, with their coding paths.
struct JSONTreeDecoder: Decoder {
    /// The value being decoded.
    let value: JSONValue
    /// Where `value` sits in the document.
    let path: CodingPath
    /// How keys and dates are read.
    let rules: JSONTreeRules

    /// Decodes `data` as a `T` by `rules`; malformed JSON is `dataCorrupted` with the `JSONReadError` beneath.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, rules: JSONTreeRules) throws -> T {
        let tree: JSONValue
        do {
            tree = try JSONReader.read(data)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription:
                "The given data was not valid JSON: \(error)", underlyingError: error))
        }
        return try unbox(tree, as: type, path: .root, rules: rules)
    }

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let members = try Self.members(of: value, path: path)
        let keyed = rules.awsKeys ? AWSJSON.lowerCasingFirstLetters(members) : members
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(members: keyed, path: path, rules: rules))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        JSONUnkeyedContainer(elements: try Self.elements(of: value, path: path), path: path, rules: rules)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(value: value, path: path, rules: rules)
    }
}

/// The rules `JSONTreeDecoder` reads keys and dates by.
struct JSONTreeRules: Sendable {
    /// Whether keys are matched after lower-casing their first letter (AWS's PascalCase members), else as written.
    let awsKeys: Bool
    /// Whether dates are ISO 8601 strings (as `JSONDecoder`'s `.iso8601` reads them), else epoch seconds.
    let iso8601Dates: Bool

    /// `AWSJSON`'s rules.
    static let aws = JSONTreeRules(awsKeys: true, iso8601Dates: false)
    /// `PlainJSON`'s rules.
    static let plain = JSONTreeRules(awsKeys: false, iso8601Dates: true)
}

/// A coding path kept as a linked list, so that descending costs one node and no array copy.
indirect enum CodingPath {
    /// The top of the document.
    case root
    /// `key` inside `parent`.
    case child(key: any CodingKey, parent: CodingPath)

    /// This path extended by `key`.
    func appending(_ key: any CodingKey) -> CodingPath {
        .child(key: key, parent: self)
    }

    /// The keys from the top down.
    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while case let .child(key, parent) = node {
            keys.append(key)
            node = parent
        }
        return keys.reversed()
    }
}

/// A key the decoder makes itself: an array index, a dictionary key or `super`.
struct JSONTreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key of `superDecoder()`.
    static let `super` = JSONTreeKey(stringValue: "super")
}
