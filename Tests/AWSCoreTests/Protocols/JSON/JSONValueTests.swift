import Foundation
import Testing
@testable import AWSCore

@Suite struct JSONValueTests {
    @Test func roundTripKeepsEveryMemberAndKeyAsSent() throws {
        let text = #"{"LambdaConfig":{"PreSignUp":"arn:aws:lambda:us-east-1:123456789012:function:f"},"UserPoolTags":{"smsauth:managed-by":"smsauth"},"MfaConfiguration":"OFF","EstimatedNumberOfUsers":3,"Flags":[true,null]}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["UserPoolTags"]?["smsauth:managed-by"]?.stringValue == "smsauth")
        #expect(value["EstimatedNumberOfUsers"]?.intValue == 3)
        #expect(value["Flags"]?.arrayValue == [.bool(true), .null])
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        #expect(again == value)
    }

    /// Each JSON type decodes as itself, never converted into another (a number is not a bool, a bool not a number,
    /// a numeric string not a number), whatever order the types are tried in.
    @Test func everyTypeDecodesAsItself() throws {
        let text = #"[true, false, 1, 0, 1.5, "1", "true", null, {}, [], {"a": [0, "b"]}, -2e3]"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == .array([
            .bool(true), .bool(false), .number(1), .number(0), .number(1.5), .string("1"), .string("true"), .null,
            .object([:]), .array([]), .object(["a": .array([.number(0), .string("b")])]), .number(-2000),
        ]))
    }
}
