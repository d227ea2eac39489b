import Foundation
import Testing
@testable import AWSCore

/// `PlainJSON.decode` gives what `JSONDecoder` with ISO 8601 dates gives (the decoder status files were read with),
/// or both fail.
@Suite struct PlainJSONTests {
    struct Record: Codable, Equatable {
        struct Entry: Codable, Equatable {
            var time: Date
            var note: String?
        }
        var name: String
        var count: Int
        var ratio: Double?
        var when: Date?
        var entries: [Entry]
        var labels: [String: String]
        var upper: String?

        enum CodingKeys: String, CodingKey {
            case name, count, ratio, when, entries, labels
            case upper = "Upper"
        }
    }

    private static var foundation: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Both decoders' answer for `json`: the value, or nil when the decoder refused it.
    private func both(_ json: String) -> (plain: Record?, foundation: Record?) {
        let data = Data(json.utf8)
        return (try? PlainJSON.decode(Record.self, from: data), try? Self.foundation.decode(Record.self, from: data))
    }

    @Test func keysAreMatchedAsWrittenAndMapKeysKept() throws {
        let json = """
            {"name": "a", "count": 2, "ratio": 0.5, "when": null, "entries": [{"time": "2026-12-05T18:38:39Z"}],
             "labels": {"Team": "x", "env": "y"}, "Upper": "kept", "Name": "ignored"}
            """
        let decoded = both(json)
        let plain = try #require(decoded.plain)
        #expect(plain == decoded.foundation)
        #expect(plain.name == "a" && plain.upper == "kept" && plain.labels == ["Team": "x", "env": "y"])
        #expect(plain.entries.first?.time == Date(timeIntervalSince1970: 1_796_495_919))
        #expect(both(#"{"Name": "a", "count": 2, "entries": [], "labels": {}}"#).plain == nil)
    }

    @Test(arguments: [
        "2026-12-05T18:38:39Z", "2026-12-05T18:38:39+02:00", "2026-12-05T18:38:39-01:30", "2026-12-05T18:38:39+0200",
        "2026-12-05T18:38:39.250Z", "2026-12-05T18:38:39", "2026-12-05 18:38:39Z", "2026-12-05", "20261205T183839Z",
        "2026-13-05T18:38:39Z", "2026-12-05T25:38:39Z", "1970-01-01T00:00:00Z", "2026-12-05t18:38:39z", "", "soon",
    ])
    func datesReadAsJSONDecoderReadsThem(_ text: String) {
        let decoded = both(#"{"name": "a", "count": 1, "when": "\#(text)", "entries": [], "labels": {}}"#)
        #expect(decoded.plain == decoded.foundation)
    }

    /// A byte order mark, UTF-16 and UTF-32 (with their mark or without) are read, as `JSONDecoder` reads them.
    @Test(arguments: [
        ("utf-8 mark", [0xEF, 0xBB, 0xBF], String.Encoding.utf8),
        ("utf-16le mark", [0xFF, 0xFE], .utf16LittleEndian), ("utf-16be mark", [0xFE, 0xFF], .utf16BigEndian),
        ("utf-16le", [], .utf16LittleEndian), ("utf-16be", [], .utf16BigEndian),
        ("utf-32le mark", [0xFF, 0xFE, 0x00, 0x00], .utf32LittleEndian),
        ("utf-32be mark", [0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian),
        ("utf-32le", [], .utf32LittleEndian), ("utf-32be", [], .utf32BigEndian),
    ] as [(String, [UInt8], String.Encoding)])
    func encodingsReadAsJSONDecoderReadsThem(name: String, mark: [UInt8], encoding: String.Encoding) throws {
        let json = #"{"name": "é ☎", "count": 3, "entries": [], "labels": {"k": "v"}}"#
        let data = Data(mark) + (try #require(json.data(using: encoding)))
        let plain = try PlainJSON.decode(Record.self, from: data)
        #expect(plain.name == "é ☎" && plain.labels == ["k": "v"], "\(name)")
        // JSONDecoder refuses some of these (UTF-32LE with its mark, here); where it reads, both agree.
        if let foundation = try? Self.foundation.decode(Record.self, from: data) { #expect(plain == foundation) }
    }

    /// Short documents are not mistaken for UTF-16 or UTF-32.
    @Test func shortDocumentsStayUTF8() throws {
        #expect(try PlainJSON.decode(Int.self, from: Data("7".utf8)) == 7)
        #expect(try PlainJSON.decode([Int].self, from: Data("[]".utf8)) == [])
    }

    @Test func refusalsAreDecodingErrors() {
        for json in ["", "{", #"{"name": 1}"#, #"{"name": "a", "count": 1.5, "entries": [], "labels": {}}"#] {
            #expect(throws: DecodingError.self) { try PlainJSON.decode(Record.self, from: Data(json.utf8)) }
        }
    }

    /// The direct reading of `JSONEncoder`'s spelling gives the format style's date for 20,000 times from 1970 to 9999
    /// (leap days and the last second of a day included).
    @Test func encoderSpellingReadsAsTheFormatStyle() throws {
        var generator = SystemRandomNumberGenerator()
        let edges: [TimeInterval] = [0, 86_399, 951_782_400, 1_709_164_800, 1_709_251_199, 253_402_300_799]
        let times = edges + (0..<20_000).map { _ in TimeInterval(Int.random(in: 0...253_402_300_799, using: &generator)) }
        for time in times {
            let text = Date(timeIntervalSince1970: time).formatted(.iso8601)
            let direct = try #require(JSONTreeDecoder.encoderSpelling(text), "\(text)")
            let styled = try Date.ISO8601FormatStyle().parse(text)
            #expect(direct == Date(timeIntervalSince1970: time) && direct == styled, "\(text)")
        }
    }

    /// What the direct reading leaves to the format style, which then answers as `JSONDecoder` does.
    @Test(arguments: ["2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-05T24:00:00Z", "2026-12-05T18:60:00Z",
                      "2026-12-05T18:38:60Z", "1969-12-31T23:59:59Z", "2026-00-05T18:38:39Z", "2026-12-00T18:38:39Z",
                      "2026-12-05T18:38:39z", "2026-12-05T18:38:3aZ", "+026-12-05T18:38:39Z"])
    func otherSpellingsGoToTheFormatStyle(_ text: String) {
        #expect(JSONTreeDecoder.encoderSpelling(text) == nil)
        #expect(JSONTreeDecoder.iso8601Date(text) == (try? Date.ISO8601FormatStyle().parse(text)))
        let decoded = both(#"{"name": "a", "count": 1, "when": "\#(text)", "entries": [], "labels": {}}"#)
        #expect(decoded.plain == decoded.foundation)
    }
}
