import Foundation

/// The parameters of an AWS query-protocol request, in order, with the AWS flattening conventions for lists
/// (`Key.member.N`), maps (`Key.entry.N.key`) and tags (`Key.member.N.Key`).
public struct QueryParameters: Sendable, Equatable {
    /// One name/value pair.
    struct Item: Sendable, Equatable {
        /// Parameter name, e.g. `Tags.member.1.Key`.
        var name: String
        /// Parameter value, unencoded.
        var value: String
    }

    /// The pairs in the order they were set.
    private var storage: [Item] = []

    /// Creates an empty parameter list.
    public init() {}

    /// The pairs in order, unencoded.
    public var items: [(name: String, value: String)] { storage.map { ($0.name, $0.value) } }

    /// Sets `key` to `value`, replacing an earlier value of the same key in place; nil leaves the list unchanged.
    public mutating func set(_ key: String, _ value: String?) {
        guard let value else { return }
        if let index = storage.firstIndex(where: { $0.name == key }) {
            storage[index].value = value
        } else {
            storage.append(Item(name: key, value: value))
        }
    }

    /// Sets `key` to the decimal text of `value`; nil is omitted.
    public mutating func set(_ key: String, _ value: Int?) {
        set(key, value.map { String($0) })
    }

    /// Sets `key` to `true` or `false`; nil is omitted.
    public mutating func set(_ key: String, _ value: Bool?) {
        set(key, value.map { $0 ? "true" : "false" })
    }

    /// Sets `key.member.1…N`; nil is omitted and an empty list is sent as `key=` (how AWS expects an empty list).
    public mutating func setList(_ key: String, _ values: [String]?) {
        guard let values else { return }
        if values.isEmpty {
            set(key, "")
            return
        }
        for (offset, value) in values.enumerated() {
            set("\(key).member.\(offset + 1)", value)
        }
    }

    /// Sets `key.entry.N.<keyName>` and `key.entry.N.<valueName>` for each entry, sorted by key; nil or empty is omitted.
    public mutating func setMap(_ key: String, _ values: [String: String]?, keyName: String = "key",
                                valueName: String = "value") {
        guard let values else { return }
        for (offset, entry) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            set("\(key).entry.\(offset + 1).\(keyName)", entry.key)
            set("\(key).entry.\(offset + 1).\(valueName)", entry.value)
        }
    }

    /// Sets `key.member.N.Key` and `key.member.N.Value` for each tag, sorted by key; nil is omitted and no tags are
    /// sent as `key=` (an empty list).
    public mutating func setTags(_ key: String, _ tags: [String: String]?) {
        guard let tags else { return }
        if tags.isEmpty {
            set(key, "")
            return
        }
        for (offset, tag) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            set("\(key).member.\(offset + 1).Key", tag.key)
            set("\(key).member.\(offset + 1).Value", tag.value)
        }
    }

    /// `name=value&…` with every byte outside the RFC 3986 unreserved set percent-encoded (space is `%20`),
    /// as the AWS SDKs send query bodies.
    public var formEncoded: String {
        storage.map { Self.percentEncode($0.name) + "=" + Self.percentEncode($0.value) }.joined(separator: "&")
    }

    /// The RFC 3986 unreserved characters, left as they are.
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8))

    /// Form-encodes `text` as the AWS SDKs do (botocore's `urlencode`, Go's `url.Values.Encode`): a space becomes `+`,
    /// other UTF-8 bytes outside the unreserved set are percent-encoded with upper-case hex digits.
    static func percentEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                encoded += "+"
            } else if unreserved.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }
}
