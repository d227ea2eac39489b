import Foundation

/// Decodes JSON that `JSONEncoder` wrote with ISO 8601 dates (smsauth's own files, such as status files): keys as
/// the types name them, dates as `JSONDecoder`'s `.iso8601` reads them, `Data` Base64. Reads with `JSONReader` and
/// decodes the tree with `JSONTreeDecoder`, as `AWSJSON.decode` does; it refuses what RFC 8259 refuses. A file saved
/// by an editor with a byte order mark, or in UTF-16 or UTF-32, is read as `JSONDecoder` reads it.
public enum PlainJSON {
    /// Decodes `data` as a `T`. Errors are `DecodingError`s (malformed JSON is `dataCorrupted` with the
    /// `JSONReadError` beneath).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONTreeDecoder.decode(type, from: try utf8(data), rules: .plain)
    }

    /// `data` as UTF-8 without a byte order mark: UTF-16 and UTF-32 (told by their mark, or without one by where the
    /// zero bytes of the first two characters fall, as RFC 4627 and `JSONDecoder` do) converted, a UTF-8 mark
    /// dropped, anything else as it is.
    static func utf8(_ data: Data) throws -> Data {
        let head = Array(data.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - data.count))
        let encoding: String.Encoding
        var mark = 0
        switch (head[0], head[1], head[2], head[3]) {
        case (0xEF, 0xBB, 0xBF, _): return Data(data.dropFirst(3))
        case (0x00, 0x00, 0xFE, 0xFF): (encoding, mark) = (.utf32BigEndian, 4)
        case (0xFF, 0xFE, 0x00, 0x00): (encoding, mark) = (.utf32LittleEndian, 4)
        case (0xFE, 0xFF, _, _): (encoding, mark) = (.utf16BigEndian, 2)
        case (0xFF, 0xFE, _, _): (encoding, mark) = (.utf16LittleEndian, 2)
        case (0x00, 0x00, 0x00, _) where data.count >= 4: encoding = .utf32BigEndian
        case (_, 0x00, 0x00, 0x00) where data.count >= 4: encoding = .utf32LittleEndian
        case (0x00, _, _, _) where data.count >= 2: encoding = .utf16BigEndian
        case (_, 0x00, _, _) where data.count >= 2: encoding = .utf16LittleEndian
        default: return data
        }
        guard let text = String(data: data.dropFirst(mark), encoding: encoding) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription:
                "The given data was not valid JSON: it is not valid \(encoding) text."))
        }
        return Data(text.utf8)
    }
}
