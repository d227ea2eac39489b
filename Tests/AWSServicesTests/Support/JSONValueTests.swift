import Foundation
import Testing
@testable import AWSServices

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
}
