import Foundation
import Testing
@testable import AWSCore

/// A trimmed Cognito `UserPoolType`, written the way service types are.
private struct UserPool: Codable, Sendable, Equatable {
    /// `SmsConfigurationType`.
    struct SmsConfiguration: Codable, Sendable, Equatable {
        var snsCallerArn: String
        var externalId: String?
        var snsRegion: String?
    }
    /// `PasswordPolicyType`.
    struct PasswordPolicy: Codable, Sendable, Equatable {
        var minimumLength: Int
        var requireSymbols: Bool
    }
    /// `UserPoolPolicyType`.
    struct Policies: Codable, Sendable, Equatable {
        var passwordPolicy: PasswordPolicy
    }
    var id: String
    var name: String
    var arn: String
    var creationDate: Date
    var lastModifiedDate: Date
    var mfaConfiguration: String
    var policies: Policies
    var smsConfiguration: SmsConfiguration?
    var userPoolTags: [String: String]?
}

/// `DescribeUserPoolResponse`.
private struct DescribeUserPoolOutput: Codable, Sendable {
    var userPool: UserPool
}

/// A member whose AWS name starts with an acronym: CodingKeys hold the AWS name with its first letter lower-cased.
private struct Country: Codable, Sendable, Equatable {
    var isoCountryCode: String
    enum CodingKeys: String, CodingKey {
        case isoCountryCode = "iSOCountryCode"
    }
}

/// Tests of AWSJSON.
@Suite struct AWSJSONTests {
    /// Decodes a real DescribeUserPool body: nested types, epoch dates, tag keys untouched.
    @Test func decodesARealDescribeUserPoolBody() throws {
        let output = try AWSJSON.decode(DescribeUserPoolOutput.self,
                                                from: Data(AWSSamples.cognitoDescribeUserPool.utf8))
        let pool = output.userPool
        #expect(pool.id == "eu-west-1_eaf923b6a9ab4f16b144aa7a0bc37a68")
        #expect(pool.creationDate == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(abs(pool.lastModifiedDate.timeIntervalSince1970 - 1_795_440_548.732) < 0.001)
        #expect(pool.policies.passwordPolicy == .init(minimumLength: 8, requireSymbols: true))
        #expect(pool.smsConfiguration?.externalId == "qnatime-external")
        #expect(pool.smsConfiguration?.snsRegion == nil)
        #expect(pool.userPoolTags == ["team": "auth", "cost-center": "42"])
    }

    /// Encodes pascal case keys epoch dates and omits nil.
    @Test func encodesPascalCaseKeysEpochDatesAndOmitsNil() throws {
        let pool = UserPool(
            id: "p", name: "n", arn: "a", creationDate: Date(timeIntervalSince1970: 1_700_000_000.5),
            lastModifiedDate: Date(timeIntervalSince1970: 0), mfaConfiguration: "OFF",
            policies: .init(passwordPolicy: .init(minimumLength: 8, requireSymbols: false)),
            smsConfiguration: .init(snsCallerArn: "arn:role", externalId: nil, snsRegion: nil),
            userPoolTags: ["lower-case key": "v"])
        let json = String(decoding: try AWSJSON.encoder.encode(pool), as: UTF8.self)
        #expect(json == #"{"Arn":"a","CreationDate":1700000000.5,"Id":"p","LastModifiedDate":0,"#
                + #""MfaConfiguration":"OFF","Name":"n","Policies":{"PasswordPolicy":{"MinimumLength":8,"#
                + #""RequireSymbols":false}},"SmsConfiguration":{"SnsCallerArn":"arn:role"},"#
                + #""UserPoolTags":{"lower-case key":"v"}}"#)
    }

    /// Round trips through the coders.
    @Test func roundTripsThroughTheCoders() throws {
        let output = try AWSJSON.decode(DescribeUserPoolOutput.self,
                                                from: Data(AWSSamples.cognitoDescribeUserPool.utf8))
        let again = try AWSJSON.decode(DescribeUserPoolOutput.self,
                                               from: AWSJSON.encoder.encode(output))
        #expect(again.userPool == output.userPool)
    }

    /// Irregular names use coding keys with the first letter lower cased.
    @Test func irregularNamesUseCodingKeysWithTheFirstLetterLowerCased() throws {
        let encoded = String(decoding: try AWSJSON.encoder.encode(Country(isoCountryCode: "US")), as: UTF8.self)
        #expect(encoded == #"{"ISOCountryCode":"US"}"#)
        let decoded = try AWSJSON.decode(Country.self, from: Data(#"{"ISOCountryCode":"DE"}"#.utf8))
        #expect(decoded == Country(isoCountryCode: "DE"))
    }

    /// Empty output encodes as an empty object.
    @Test func emptyOutputEncodesAsAnEmptyObject() throws {
        #expect(String(decoding: try AWSJSON.encoder.encode(EmptyOutput()), as: UTF8.self) == "{}")
        #expect(try AWSJSON.decode(EmptyOutput.self, from: Data("{}".utf8)) == EmptyOutput())
    }
}
