import Foundation
import Testing
@testable import AWSCore

/// Property test: for many generated AWS-shaped documents, `AWSJSON.decode` gives what Foundation's `JSONDecoder`
/// gave with the AWS strategy it replaced (first letter of every key lower-cased, epoch-second dates), or both fail.
@Suite struct JSONDecoderParityTests {
    /// A user-pool-like output: nested structs, arrays, string-keyed maps, optionals, dates, `JSONValue`.
    struct Output: Decodable, Equatable {
        struct Attribute: Decodable, Equatable {
            var name: String
            var attributeDataType: String?
            var mutable: Bool?
            var stringAttributeConstraints: [String: String]?
        }
        struct SmsSettings: Decodable, Equatable {
            var isoCountryCode: String?
            var snsRegion: String?
            enum CodingKeys: String, CodingKey {
                case isoCountryCode = "iSOCountryCode"
                case snsRegion
            }
        }
        var id: String
        var name: String?
        var creationDate: Date
        var estimatedNumberOfUsers: Int?
        var ratio: Double?
        var schemaAttributes: [Attribute]
        var userPoolTags: [String: String]?
        var lambdaConfig: JSONValue?
        var smsSettings: SmsSettings?
        var history: [[Int]]?
    }

    /// Foundation's decoder with the strategy `AWSJSON` used before its own reader.
    private static var foundationDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            PascalCaseKey(path.last.map { AWSJSON.changingFirstLetter(of: $0.stringValue, upper: false) } ?? "")
        }
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    /// Both decoders agree on 500 generated documents (some deliberately of the wrong shape).
    @Test func agreesWithFoundationOnGeneratedDocuments() throws {
        var generator = DocumentGenerator(seed: 0x5EED)
        var decoded = 0
        for _ in 0..<500 {
            let text = generator.document()
            let data = Data(text.utf8)
            let old = Result { try Self.foundationDecoder.decode(Output.self, from: data) }
            let new = Result { try AWSJSON.decode(Output.self, from: data) }
            switch (old, new) {
            case let (.success(expected), .success(actual)):
                #expect(actual == expected, "\(text)")
                decoded += 1
            case (.failure, .failure): continue
            case let (.success, .failure(error)): Issue.record("only the new decoder failed (\(error)): \(text)")
            case let (.failure(error), .success): Issue.record("only Foundation failed (\(error)): \(text)")
            }
        }
        #expect(decoded > 200)
    }

    /// Both read arbitrary generated JSON the same as `JSONValue`.
    @Test func agreesWithFoundationOnArbitraryValues() throws {
        var generator = DocumentGenerator(seed: 42)
        for _ in 0..<300 {
            var text = ""
            generator.write(generator.anyValue(depth: 0), to: &text)
            let data = Data(text.utf8)
            #expect(try AWSJSON.decode(JSONValue.self, from: data) == Self.foundationDecoder.decode(JSONValue.self, from: data),
                    "\(text)")
        }
    }
}

/// Generates JSON text of the `Output` shape with random spacing, escapes, numbers and omissions.
private struct DocumentGenerator: SeededGenerator {
    /// The random source.
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A document: an object of the output's members, each sometimes omitted, null or of the wrong type.
    mutating func document() -> String {
        var members: [(String, JSONValue)] = [
            ("Id", .string(text())),
            ("Name", .string(text())),
            ("CreationDate", .number(pick([1_700_000_000, 1.7e9, 1_795_440_548.732, 0, -1.5]))),
            ("EstimatedNumberOfUsers", .number(Double(below(100_000)))),
            ("Ratio", .number(number())),
            ("SchemaAttributes", .array((0..<below(4)).map { _ in attribute() })),
            ("UserPoolTags", .object(Dictionary((0..<below(4)).map { _ in
                (pick(["Team", "team", "cost-center", "ÄB"]) + text(), .string(text()))
            }, uniquingKeysWith: { first, _ in first }))),
            ("LambdaConfig", anyValue(depth: 1)),
            ("SmsSettings", .object(["ISOCountryCode": .string(pick(["US", "DE"])), "SnsRegion": .string("eu-west-1")])),
            ("History", .array((0..<below(3)).map { _ in .array((0..<below(3)).map { _ in .number(Double(below(9))) }) })),
        ]
        members = members.compactMap { member in
            if chance(10) { return nil }
            if chance(3) { return (member.0, .null) }
            if chance(2) { return (member.0, .bool(true)) }
            if chance(2), case let .number(value) = member.1 { return (member.0, .number(value + 0.5)) }
            return member
        }
        if chance(20) { members.append(("Extra" + text(), anyValue(depth: 1))) }
        var out = ""
        write(.object([:]), members: members, to: &out)
        return out
    }

    /// A schema attribute.
    private mutating func attribute() -> JSONValue {
        var members: [String: JSONValue] = ["Name": .string(text())]
        if chance(70) { members["AttributeDataType"] = .string(pick(["String", "Number"])) }
        if chance(70) { members["Mutable"] = .bool(chance(50)) }
        if chance(30) { members["StringAttributeConstraints"] = ["MinLength": "1", "MaxLength": "2048"] }
        return .object(members)
    }

    /// Any JSON value, nested at most four deep.
    mutating func anyValue(depth: Int) -> JSONValue {
        switch below(depth >= 4 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .number(number())
        case 3: return .string(text())
        case 4: return .array((0..<below(4)).map { _ in anyValue(depth: depth + 1) })
        default:
            return .object(Dictionary((0..<below(4)).map { _ in (text(), anyValue(depth: depth + 1)) },
                                      uniquingKeysWith: { first, _ in first }))
        }
    }

    /// A number: integers, fractions, large and small magnitudes, negative zero.
    private mutating func number() -> Double {
        switch below(5) {
        case 0: return Double(below(1_000_000)) - 500_000
        case 1: return Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) * (chance(50) ? 1 : -1)
        case 2: return Double(below(1_000_000)) / 1000
        case 3: return -0.0
        default: return pick([1e-300, 5e-324, 1.7976931348623157e308, 0.1, 1.0 / 3])
        }
    }

    /// A short string mixing ASCII, quotes, controls, accents and astral characters.
    private mutating func text() -> String {
        let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "€", "😀", "𝄞", "arn:aws:iam::1:role/x"]
        return (0..<below(6)).map { _ in pick(pieces) }.joined()
    }

    /// `value` as JSON text with random whitespace and escapes (`members` keeps an object's order when given).
    mutating func write(_ value: JSONValue, members: [(String, JSONValue)]? = nil, to out: inout String) {
        space(&out)
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .number(number): out += numberText(number)
        case let .string(string): quote(string, to: &out)
        case let .array(elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                write(element, to: &out)
            }
            space(&out)
            out += "]"
        case let .object(dictionary):
            out += "{"
            for (offset, (key, element)) in (members ?? dictionary.map { ($0.key, $0.value) }).enumerated() {
                if offset > 0 { out += "," }
                space(&out)
                quote(key, to: &out)
                space(&out)
                out += ":"
                write(element, to: &out)
            }
            space(&out)
            out += "}"
        }
        space(&out)
    }

    /// A number written plainly, in exponent form, or as an integer.
    private mutating func numberText(_ number: Double) -> String {
        if number == number.rounded(), number.magnitude < 1e15, chance(50) {
            return number.sign == .minus && number == 0 ? "-0" : String(Int(number))
        }
        if chance(30) { return String(format: "%.17e", number).replacingOccurrences(of: "e+", with: pick(["e+", "E"])) }
        return "\(number)"
    }

    /// `string` quoted, each character raw or escaped at random (controls always escaped).
    private mutating func quote(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += chance(50) ? "\\n" : "\\u000a"
            case "\t": out += "\\t"
            case "/" where chance(50): out += "\\/"
            case _ where scalar.value < 0x20 || chance(20):
                for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Nothing, or JSON whitespace.
    private mutating func space(_ out: inout String) {
        if chance(15) { out += pick([" ", "\n", "\t ", "\r\n  "]) }
    }
}
