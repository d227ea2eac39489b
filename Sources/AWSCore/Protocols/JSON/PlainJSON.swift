import Foundation

/// Decodes JSON that `JSONEncoder` wrote with ISO 8601 dates (smsauth's own files, such as status files): keys as
/// the types name them, dates as `JSONDecoder`'s `.iso8601` reads them, `Data` Base64. Reads with `JSONReader` and
/// decodes the tree with `JSONTreeDecoder`, as `AWSJSON.decode` does; it refuses what RFC 8259 refuses.
public enum PlainJSON {
    /// Decodes `data` as a `T`. Errors are `DecodingError`s (malformed JSON is `dataCorrupted` with the
    /// `JSONReadError` beneath).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONTreeDecoder.decode(type, from: data, rules: .plain)
    }
}
