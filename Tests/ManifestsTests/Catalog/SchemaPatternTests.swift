import Foundation
import Testing
@testable import Manifests

/// The schema's regular expressions and the validator's format checks accept exactly the same values.
@Suite struct SchemaPatternTests {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test(arguments: ["qnatime", "a", "a-b", "a1", "0", "-a", "a-", "A", "a_b", "", String(repeating: "a", count: 63),
                      String(repeating: "a", count: 64), "qna time"])
    func resourceName(_ text: String) throws {
        #expect(try Self.matches(SchemaPatterns.resourceName, text) == Formats.isResourceName(text))
    }

    @Test(arguments: ["us-east-1", "us-gov-west-1", "eu-central-2", "ap-southeast-10", "us-east", "US-EAST-1", "useast1",
                      "u-east-1", "us--east-1", "us-east-1a", ""])
    func region(_ text: String) throws {
        #expect(try Self.matches(SchemaPatterns.region, text) == Formats.isRegion(text))
    }

    @Test(arguments: ["+14155550123", "+12", "+1", "+0123", "14155550123", "+1415555012345678", "+1415555012345", "+1 415", ""])
    func e164(_ text: String) throws {
        #expect(try Self.matches(SchemaPatterns.e164, text) == Formats.isE164(text))
    }

    @Test(arguments: ["US", "IN", "us", "USA", "U", ""])
    func countryCode(_ text: String) throws {
        #expect(try Self.matches(SchemaPatterns.countryCode, text) == Formats.isCountryCode(text))
    }

    @Test(arguments: ["cognito_sms", "a+b=c,d.e@f-g", "R", String(repeating: "r", count: 64),
                      String(repeating: "r", count: 65), "", "bad name", "r/x", "rôle", "r*"])
    func roleName(_ text: String) throws {
        #expect(try Self.matches(SchemaPatterns.roleName, text) == Formats.isRoleName(text))
    }
}
