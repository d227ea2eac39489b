import Foundation
import Testing
@testable import AWSCore

/// Seeded mutation fuzzing of `JSONReader` and `XMLReader`: AWS-shaped documents with bytes flipped, inserted,
/// deleted, spliced and repeated, and hostile fragments (bad UTF-8, surrogates, huge numbers, DOCTYPE, references)
/// inserted. Neither reader may crash, and every refusal must be its typed error; decoding must only throw
/// `DecodingError`s. Deterministic: a failing input is the same on every run.

/// Mutated documents per reader.
private let fuzzIterations = 4000
/// The seed of the mutations.
private let fuzzSeed: UInt64 = 1

/// Valid JSON to mutate.
private let jsonSamples: [String] = [
    #"{"UserPool":{"Id":"us-east-1_abc","Name":"pool","LambdaConfig":{},"MfaConfiguration":"OFF","CreationDate":1.7e9,"EstimatedNumberOfUsers":0,"SchemaAttributes":[{"Name":"sub","Mutable":false,"Required":true}]}}"#,
    #"{"__type":"ResourceNotFoundException","message":"Pool \u00e9\ud83d\ude00 not found \n\t\"x\""}"#,
    #"[1,-0,0.5,-1.25e-3,1E+2,true,false,null,"",[],{},[[{}]],{"a":{"b":[1,2,3]}}]"#,
    #"{"Tags":{"env":"prod","Name":"x"},"NextToken":"abc/def==","Count":18446744073709551615,"Neg":-9223372036854775808}"#,
    #"{"PhoneNumbers":[{"PhoneNumberArn":"arn:aws:sms-voice:us-east-1:123:phone-number/x","CreatedTimestamp":1700000000.123,"Status":"ACTIVE"}]}"#,
]

/// Valid XML to mutate.
private let xmlSamples: [String] = [
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
      <GetRoleResult>
        <Role>
          <Path>/</Path>
          <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
          <Arn>arn:aws:iam::123:role/x &amp; y &#x41;&#66; &lt;&gt;&apos;&quot;</Arn>
          <Tags><member><Key>a</Key><Value><![CDATA[<raw> ]] ]>]]></Value></member></Tags>
        </Role>
      </GetRoleResult>
      <ResponseMetadata><RequestId>abc</RequestId></ResponseMetadata>
    </GetRoleResponse>
    """,
    "<ErrorResponse><Error a='1' b=\"2&amp;\"><Type>Sender</Type><Code>Throttling</Code><Message>Rate\r\nexceeded é😀</Message></Error><!-- c --><?pi x?></ErrorResponse>",
    "<a:b xmlns:a='u'><a:c/>text<d e = \"f\" /></a:b>",
]

/// JSON pieces to insert.
private let jsonFragments: [String] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "\\uDC00", "\\ud83d\\ude00", "1e999999", "-", "0",
    "00", "1.", ".5", "NaN", "Infinity", "-Infinity", "true", "nul", "1e", "1e+", "\u{0}", "\u{1F}", "\u{7F}",
    "\"a\":", "{\"a\":1}", "[1,]", "{,}", "\u{FEFF}", "123456789012345678901234567890", "-0.0e-0",
    "\\u0000", "\\/", "\\x", "   ", "\t\n\r", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e309",
]

/// Byte sequences that are not UTF-8 (overlongs, surrogates, above U+10FFFF, truncated) and some that are.
private let jsonBytes: [[UInt8]] = [
    [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
    [0xF5], [0xFF], [0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80],
]

/// XML pieces to insert.
private let xmlFragments: [String] = [
    "<", ">", "</", "/>", "<!--", "-->", "--", "<![CDATA[", "]]>", "<?", "?>", "<?xml version='1.0'?>", "<!DOCTYPE a>",
    "<!ENTITY x 'y'>", "&", "&amp;", "&lt", "&#0;", "&#x10FFFF;", "&#x110000;", "&#xD800;", "&#99999999999;", "&#;",
    "&#x;", "&nbsp;", "&x;", "a='b'", " a=b", " a=\"<\"", "\"", "'", "=", ":", "a:b", "<a>", "</a>", "<a/>",
    "<a:b>", "</b>", "\r", "\r\n", "\u{0}", "\u{1}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "é", "😀", "<!", "<!x",
]

/// A mutation.
private enum FuzzOp { case flip, insert, delete, splice, repeatFragment, fragment, bytes, truncate }

/// `input` with one to four random mutations.
private func mutate(_ input: [UInt8], _ random: inout SeededRandom, fragments: [String], corpus: [[UInt8]])
    -> [UInt8] {
    var bytes = input
    let rounds = 1 + random.below(4)
    for _ in 0..<rounds {
        let op: FuzzOp = random.pick([.flip, .insert, .delete, .splice, .repeatFragment, .fragment, .fragment, .bytes,
                                      .truncate])
        let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch op {
        case .flip where !bytes.isEmpty:
            let i = min(at, bytes.count - 1)
            bytes[i] ^= UInt8(1 << random.below(8))
        case .insert:
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case .delete where !bytes.isEmpty:
            let i = min(at, bytes.count - 1)
            let n = min(1 + random.below(8), bytes.count - i)
            bytes.removeSubrange(i..<i + n)
        case .splice:
            let other = random.pick(corpus)
            guard !other.isEmpty else { break }
            let from = random.below(other.count)
            let to = from + random.below(other.count - from + 1)
            bytes.insert(contentsOf: other[from..<to], at: at)
        case .repeatFragment where !bytes.isEmpty:
            let i = min(at, bytes.count - 1)
            let n = min(1 + random.below(16), bytes.count - i)
            let piece = Array(bytes[i..<i + n])
            let times = 1 + random.below(50)
            for _ in 0..<times { bytes.insert(contentsOf: piece, at: i) }
        case .fragment:
            bytes.insert(contentsOf: Array(random.pick(fragments).utf8), at: at)
        case .bytes:
            bytes.insert(contentsOf: random.pick(jsonBytes), at: at)
        case .truncate where !bytes.isEmpty:
            bytes.removeSubrange(min(at, bytes.count)...)
        default: break
        }
    }
    return bytes
}

/// A response shape with the awkward types: narrow and unsigned integers, dates, Base64, string-keyed maps.
private struct FuzzShape: Decodable {
    var userPool: Pool?
    var tags: [String: String]?
    var count: UInt64?
    var neg: Int64?
    var small: Int8?
    var message: String?
    var when: Date?
    var blob: Data?
    var list: [[Int]]?
    struct Pool: Decodable {
        var id: String?
        var creationDate: Date?
        var estimatedNumberOfUsers: Int?
        var schemaAttributes: [Attribute]?
        var lambdaConfig: [String: JSONValue]?
    }
    struct Attribute: Decodable {
        var name: String
        var mutable: Bool?
        var required: UInt8?
    }
}

@Suite struct ReaderFuzzTests {
    /// Mutated JSON is read or refused with a `JSONReadError`, and decoded or refused with a `DecodingError`.
    @Test func jsonReaderSurvivesMutatedDocuments() {
        var random = SeededRandom(seed: fuzzSeed)
        let corpus = jsonSamples.map { Array($0.utf8) }
        for _ in 0..<fuzzIterations {
            let input = mutate(random.pick(corpus), &random, fragments: jsonFragments, corpus: corpus)
            let data = Data(input)
            let tree = try? JSONValue(parsing: data)
            do {
                _ = try AWSJSON.decode(FuzzShape.self, from: data)
            } catch is DecodingError {
            } catch {
                Issue.record("\(type(of: error)) for \(String(decoding: input, as: UTF8.self).debugDescription)")
            }
            if let tree { #expect((try? AWSJSON.decode(JSONValue.self, from: data)) == tree) }
        }
    }

    /// Mutated XML is read or refused with an `XMLParseError` whose position lies within the input.
    @Test func xmlReaderSurvivesMutatedDocuments() {
        var random = SeededRandom(seed: fuzzSeed &+ 7)
        let corpus = xmlSamples.map { Array($0.utf8) }
        for _ in 0..<fuzzIterations {
            let input = mutate(random.pick(corpus), &random, fragments: xmlFragments, corpus: corpus)
            do {
                _ = try AWSCore.XMLElement.parse(Data(input))
            } catch {
                #expect(error.line >= 1 && error.line <= input.count + 1 && error.column >= 1
                        && error.column <= input.count + 1)
            }
        }
    }
}
