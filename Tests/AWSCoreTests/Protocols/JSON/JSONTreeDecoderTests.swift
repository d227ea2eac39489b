import Foundation
import Testing
@testable import AWSCore

/// Tests of `AWSJSON.decode`: the AWS key rule, dictionaries, dates, optionals, nesting and `DecodingError`s.
@Suite struct JSONTreeDecoderTests {
    /// A Cognito-like shape with a leading-acronym member.
    struct Settings: Decodable, Equatable {
        struct Attribute: Decodable, Equatable {
            var name: String
            var mutable: Bool?
        }
        var userPoolId: String
        var isoCountryCode: String
        var schemaAttributes: [Attribute]
        var tags: [String: String]
        var nested: [String: [String: Int]]?
        enum CodingKeys: String, CodingKey {
            case userPoolId, schemaAttributes, tags, nested
            case isoCountryCode = "iSOCountryCode"
        }
    }

    /// Decodes `text` with the AWS decoder.
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try AWSJSON.decode(type, from: Data(text.utf8))
    }

    /// The `DecodingError` decoding `text` throws, if any.
    private func decodingError<T: Decodable>(_ type: T.Type, _ text: String) -> DecodingError? {
        do {
            _ = try decode(type, text)
            return nil
        } catch {
            return error as? DecodingError
        }
    }

    /// Path of an error as `a.[1].b`.
    private func path(_ error: DecodingError?) -> String? {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, found), let .valueNotFound(_, found), let .dataCorrupted(found): context = found
        case let .keyNotFound(key, found):
            return (found.codingPath + [key]).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        default: return nil
        }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// PascalCase members match camelCase properties, acronyms through CodingKeys; dictionary keys stay as sent.
    @Test func keysFollowTheAWSRuleAndDictionaryKeysAreData() throws {
        let settings = try decode(Settings.self, #"""
            {"UserPoolId": "p", "ISOCountryCode": "DE",
             "SchemaAttributes": [{"Name": "email", "Mutable": true}, {"Name": "sub"}],
             "Tags": {"Team": "auth", "team": "other", "cost-center": "42"},
             "Nested": {"Outer": {"Inner": 1}}}
            """#)
        #expect(settings == Settings(
            userPoolId: "p", isoCountryCode: "DE",
            schemaAttributes: [.init(name: "email", mutable: true), .init(name: "sub", mutable: nil)],
            tags: ["Team": "auth", "team": "other", "cost-center": "42"], nested: ["Outer": ["Inner": 1]]))
    }

    /// A key that already starts lower-case matches too (the rule only lower-cases), and non-ASCII keys follow
    /// `changingFirstLetter`.
    @Test func lowerCaseAndNonASCIIKeys() throws {
        struct Shape: Decodable, Equatable {
            var userPoolId: String
            var ärger: Int
            var _private: Int
        }
        #expect(try decode(Shape.self, #"{"userPoolId":"p","Ärger":1,"_private":2}"#)
                == Shape(userPoolId: "p", ärger: 1, _private: 2))
        #expect(AWSJSON.lowerCasingFirstLetter(of: "İd") == AWSJSON.changingFirstLetter(of: "İd", upper: false))
        #expect(AWSJSON.lowerCasingFirstLetter(of: "A\u{301}b") == AWSJSON.changingFirstLetter(of: "A\u{301}b", upper: false))
    }

    /// Dates are epoch seconds, integral or not; a string is a type mismatch.
    @Test func datesAreEpochSeconds() throws {
        struct Stamped: Decodable { var creationDate: Date; var lastModifiedDate: Date? }
        let stamped = try decode(Stamped.self, #"{"CreationDate": 1.7e9, "LastModifiedDate": 1795440548.732}"#)
        #expect(stamped.creationDate == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(stamped.lastModifiedDate == Date(timeIntervalSince1970: 1_795_440_548.732))
        guard case .typeMismatch = decodingError(Stamped.self, #"{"CreationDate": "2026-01-01"}"#) else {
            Issue.record("a string date must be a type mismatch")
            return
        }
    }

    /// Data is Base64, as `JSONDecoder` reads it by default.
    @Test func dataIsBase64() throws {
        struct Blob: Decodable { var body: Data }
        #expect(try decode(Blob.self, #"{"Body": "aGk="}"#).body == Data("hi".utf8))
        guard case .dataCorrupted = decodingError(Blob.self, #"{"Body": "*"}"#) else {
            Issue.record("invalid Base64 must be data corrupted")
            return
        }
    }

    /// Absent and null optionals are nil; a null required member is `valueNotFound`, an absent one `keyNotFound`.
    @Test func optionalsAndNulls() throws {
        struct Shape: Decodable, Equatable { var name: String; var size: Int?; var tags: [String]? }
        #expect(try decode(Shape.self, #"{"Name":"n"}"#) == Shape(name: "n", size: nil, tags: nil))
        #expect(try decode(Shape.self, #"{"Name":"n","Size":null,"Tags":null}"#) == Shape(name: "n", size: nil, tags: nil))
        #expect(try decode(Shape.self, #"{"Name":"n","Size":3,"Tags":["a"]}"#) == Shape(name: "n", size: 3, tags: ["a"]))
        let null = decodingError(Shape.self, #"{"Name":null}"#)
        guard case .valueNotFound = null else { Issue.record("null name: \(String(describing: null))"); return }
        #expect(path(null) == "name")
        let absent = decodingError(Shape.self, #"{}"#)
        guard case .keyNotFound = absent else { Issue.record("absent name: \(String(describing: absent))"); return }
        #expect(path(absent) == "name")
        #expect(try decode([Int?].self, "[1,null]") == [1, nil])
    }

    /// Every optional member type decodes as with `JSONDecoder`: nil when absent or null, the value when present, and
    /// a wrong type is the same error at the same path.
    @Test func optionalMembersOfEveryTypeMatchJSONDecoder() throws {
        struct Shape: Decodable, Equatable {
            var flag: Bool?, text: String?, double: Double?, float: Float?, int: Int?, int8: Int8?, int16: Int16?
            var int32: Int32?, int64: Int64?, uint: UInt?, uint8: UInt8?, uint16: UInt16?, uint32: UInt32?
            var uint64: UInt64?, list: [String]?, nested: [String: Int]?
        }
        let keys = ["flag", "text", "double", "float", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
                    "uint16", "uint32", "uint64", "list", "nested"]
        let values = [#"true"#, #""t""#, "1.5", "2.5", "-3", "-4", "5", "6", "7", "8", "9", "10", "11", "12", #"["a"]"#,
                      #"{"k":1}"#]
        func both(_ text: String) -> (ours: Result<Shape, any Error>, foundation: Result<Shape, any Error>) {
            let data = Data(text.utf8)
            return (Result { try PlainJSON.decode(Shape.self, from: data) },
                    Result { try JSONDecoder().decode(Shape.self, from: data) })
        }
        let present = "{" + zip(keys, values).map { "\"\($0)\":\($1)" }.joined(separator: ",") + "}"
        let null = "{" + keys.map { "\"\($0)\":null" }.joined(separator: ",") + "}"
        for text in ["{}", null, present] {
            let (ours, foundation) = both(text)
            #expect(try ours.get() == foundation.get(), "\(text)")
        }
        #expect(try both(present).ours.get().uint64 == 12)
        #expect(try both(null).ours.get() == Shape())
        for key in keys {
            let wrong = key == "text" ? "1" : #""x""#
            let (ours, foundation) = both("{\"\(key)\":\(wrong)}")
            guard case let .failure(ourError) = ours, case let .failure(theirError) = foundation,
                  let mine = ourError as? DecodingError, let theirs = theirError as? DecodingError else {
                Issue.record("\(key): expected both to fail with a DecodingError: \(ours) \(foundation)")
                continue
            }
            #expect(path(mine) == path(theirs) && path(mine) == key, "\(key)")
            switch (mine, theirs) {
            case (.typeMismatch, .typeMismatch): break
            default: Issue.record("\(key): \(mine) against \(theirs)")
            }
        }
    }

    /// Integers below 2^53 in magnitude read exactly; larger ones, which `Double` cannot tell from their
    /// neighbours, are refused instead of read as a neighbour.
    @Test func integersBeyondDoublePrecisionAreRefused() throws {
        #expect(try decode([Int].self, "[9007199254740991,-9007199254740991,0]") == [9_007_199_254_740_991,
                                                                                      -9_007_199_254_740_991, 0])
        for text in ["[9007199254740992]", "[9007199254740993]", "[-9007199254740993]", "[9223372036854775807]"] {
            guard case .dataCorrupted = decodingError([Int].self, text) else {
                Issue.record("\(text) was read")
                continue
            }
        }
        guard case .dataCorrupted = decodingError([UInt64].self, "[18446744073709551615]") else {
            Issue.record("UInt64.max was read")
            return
        }
    }

    /// Errors in arrays of structs carry the full coding path.
    @Test func errorsCarryTheCodingPath() {
        let error = decodingError(Settings.self, #"""
            {"UserPoolId":"p","ISOCountryCode":"DE","Tags":{},"SchemaAttributes":[{"Name":"a"},{"Name":7}]}
            """#)
        guard case let .typeMismatch(type, context) = error else {
            Issue.record("expected a type mismatch, got \(String(describing: error))")
            return
        }
        #expect(ObjectIdentifier(type) == ObjectIdentifier(String.self))
        #expect(path(error) == "schemaAttributes.[1].name")
        #expect(context.debugDescription == "Expected to decode String but found number instead.")
        let tag = decodingError(Settings.self, #"{"UserPoolId":"p","ISOCountryCode":"DE","SchemaAttributes":[],"Tags":{"Team":1}}"#)
        #expect(path(tag) == "tags.Team")
    }

    /// A dictionary given something other than an object fails as `JSONDecoder` fails: a type mismatch naming
    /// `Dictionary<String, Any>`, or a missing value for null, at the member's path.
    @Test func aDictionaryNeedsAnObject() throws {
        let base = #""UserPoolId":"p","ISOCountryCode":"DE","SchemaAttributes":[]"#
        for (tags, found) in [("[]", "an array"), (#""x""#, "a string"), ("1", "number"), ("true", "bool")] {
            let error = decodingError(Settings.self, "{\(base),\"Tags\":\(tags)}")
            guard case let .typeMismatch(type, context) = error else {
                Issue.record("\(tags): expected a type mismatch, got \(String(describing: error))")
                continue
            }
            #expect(ObjectIdentifier(type) == ObjectIdentifier([String: Any].self))
            #expect(context.debugDescription == "Expected to decode Dictionary<String, Any> but found \(found) instead.")
            #expect(path(error) == "tags")
        }
        let null = decodingError(Settings.self, "{\(base),\"Tags\":null}")
        guard case .valueNotFound = null else {
            Issue.record("null: expected a missing value, got \(String(describing: null))")
            return
        }
        #expect(path(null) == "tags")
        let nested = decodingError(Settings.self, "{\(base),\"Tags\":{},\"Nested\":{\"Outer\":[1]}}")
        guard case .typeMismatch = nested else {
            Issue.record("nested: expected a type mismatch, got \(String(describing: nested))")
            return
        }
        #expect(path(nested) == "nested.Outer")
    }

    /// Numbers convert to the asked type only when they fit, as with `JSONDecoder`.
    @Test func numbersAreRangeChecked() throws {
        #expect(try decode([Int].self, "[1e2, -0, 9007199254740991]") == [100, 0, 9_007_199_254_740_991])
        #expect(try decode([UInt8].self, "[255]") == [255])
        #expect(try decode([Float].self, "[1.5]") == [1.5])
        #expect(try decode([Double].self, "[1e308]") == [1e308])
        for (type, text) in [(Int.self as any Decodable.Type, "[1.5]"), (Int8.self, "[300]"), (UInt.self, "[-1]"),
                             (Int64.self, "[1e19]"), (Float.self, "[1e300]")] {
            func attempt<T: Decodable>(_: T.Type) -> DecodingError? { decodingError([T].self, text) }
            let error = attempt(type)
            guard case .dataCorrupted = error else {
                Issue.record("\(type) from \(text): \(String(describing: error))")
                continue
            }
            #expect(path(error) == "[0]")
        }
        guard case .typeMismatch = decodingError(Bool.self, "1"), case .typeMismatch = decodingError(Int.self, "true"),
              case .typeMismatch = decodingError(Double.self, #""1""#) else {
            Issue.record("types must not convert into each other")
            return
        }
    }

    /// `JSONValue` members take the tree as read: keys untouched, every type as itself.
    @Test func jsonValueTakesTheTree() throws {
        struct Output: Decodable { var userPool: JSONValue }
        let output = try decode(Output.self, #"{"UserPool":{"LambdaConfig":{"PreSignUp":"arn"},"Flags":[true,1,"1",null]}}"#)
        #expect(output.userPool == ["LambdaConfig": ["PreSignUp": "arn"], "Flags": [true, 1, "1", nil]])
    }

    /// Malformed JSON is `dataCorrupted` with the reader's error beneath.
    @Test func malformedJSONIsDataCorrupted() {
        let error = decodingError(EmptyOutput.self, #"{"A":1,}"#)
        guard case let .dataCorrupted(context) = error else {
            Issue.record("expected data corrupted, got \(String(describing: error))")
            return
        }
        #expect(context.underlyingError as? JSONReadError
                == JSONReadError(reason: .unexpectedByte(UInt8(ascii: "}"), expected: "a member name"), offset: 7))
        #expect(context.debugDescription == "The given data was not valid JSON: unexpected '}', expected a member name at byte 7")
    }

    /// A failed decode in an unkeyed container does not advance it, so another type may be tried.
    @Test func unkeyedContainersAdvanceOnlyOnSuccess() throws {
        struct Mixed: Decodable, Equatable {
            var values: [String]
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                values = []
                while !container.isAtEnd {
                    if try container.decodeNil() {
                        values.append("null")
                    } else if let number = try? container.decode(Int.self) {
                        values.append("\(number)")
                    } else {
                        values.append(try container.decode(String.self))
                    }
                }
            }
        }
        #expect(try decode(Mixed.self, #"[1,"a",null]"#).values == ["1", "a", "null"])
    }
}
