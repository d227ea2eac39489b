import Foundation

/// A `Decoder` over a `JSONValue` tree that follows the AWS JSON rules of `AWSJSON`: keys of keyed containers are
/// matched after lower-casing their first letter, `[String: T]` keys are kept as sent, dates are epoch seconds and
/// `Data` is Base64. Errors are the `DecodingError`s Foundation's `JSONDecoder` throws, with their coding paths.
struct JSONTreeDecoder: Decoder {
    /// The value being decoded.
    let value: JSONValue
    /// Where `value` sits in the document.
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let members = try Self.members(of: value, path: path)
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(members: AWSJSON.lowerCasingFirstLetters(members),
                                                              path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        JSONUnkeyedContainer(elements: try Self.elements(of: value, path: path), path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(value: value, path: path)
    }
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
