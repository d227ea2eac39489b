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

    @Test func refusalsAreDecodingErrors() {
        for json in ["", "{", #"{"name": 1}"#, #"{"name": "a", "count": 1.5, "entries": [], "labels": {}}"#] {
            #expect(throws: DecodingError.self) { try PlainJSON.decode(Record.self, from: Data(json.utf8)) }
        }
    }
}
