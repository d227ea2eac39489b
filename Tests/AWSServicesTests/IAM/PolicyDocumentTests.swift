import Foundation
import Testing
@testable import AWSServices

@Suite struct PolicyDocumentTests {
    static let trust = """
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},\
    "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc","aws:SourceAccount":"123456789012"}}}]}
    """

    @Test func urlEncodedDocumentFromIAMEqualsThePlainOne() throws {
        let encoded = try #require(Self.trust.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(try PolicyDocument(text: encoded) == PolicyDocument(text: Self.trust))
    }

    @Test(arguments: [
        // Key order and whitespace do not count.
        ("{\"Statement\":[{\"Action\":\"sns:Publish\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}",
         "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": \"sns:Publish\" } ] }",
         true),
        // A single action string equals a one-element list.
        ("{\"Statement\":[{\"Action\":[\"sns:Publish\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
         "{\"Statement\":[{\"Action\":\"sns:Publish\",\"Effect\":\"Allow\",\"Resource\":[\"*\"]}]}",
         true),
        // Action order does not count.
        ("{\"Statement\":[{\"Action\":[\"a:B\",\"a:A\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
         "{\"Statement\":[{\"Action\":[\"a:A\",\"a:B\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
         true),
        // A different external id is a change.
        ("{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"one\"}}}]}",
         "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":[\"two\"]}}}]}",
         false),
        // Deny is not Allow.
        ("{\"Statement\":[{\"Effect\":\"Allow\"}]}", "{\"Statement\":[{\"Effect\":\"Deny\"}]}", false),
    ])
    func equivalence(left: String, right: String, equal: Bool) throws {
        #expect((try PolicyDocument(text: left) == PolicyDocument(text: right)) == equal)
    }

    @Test func rejectsNonObjects() {
        #expect(throws: PolicyDocument.Failure.self) { try PolicyDocument(text: "[1,2]") }
        #expect(throws: PolicyDocument.Failure.self) { try PolicyDocument(text: "not json") }
    }

    @Test func conditionOperatorsStayObjectsWithSetValues() throws {
        let document = try PolicyDocument(text: "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"abc\"}}}]}")
        #expect(document.json == "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":[\"abc\"]}}}]}")
    }

    @Test func canonicalJSONIsStable() throws {
        let document = try PolicyDocument(text: "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"*\"}}")
        #expect(document.json == "{\"Statement\":[{\"Action\":[\"sns:Publish\"],\"Effect\":\"Allow\",\"Resource\":[\"*\"]}],\"Version\":\"2012-10-17\"}")
    }

    /// Percent-decoding as IAM documents need it, and as Foundation's `removingPercentEncoding` does it: nil for a
    /// `%` without two hex digits after it and for bytes that are not UTF-8.
    @Test(arguments: [
        ("", ""),
        ("plain {}", "plain {}"),
        ("%7B%22a%22%3A1%7D", "{\"a\":1}"),
        ("%7b%22A%22%3a%5B%5d%7d", "{\"A\":[]}"),
        ("%C3%A9t%C3%A9 %E2%82%AC", "été €"),
        ("100%25", "100%"),
        ("%2525", "%25"),
        ("a+b", "a+b"),
        ("%00", "\u{0}"),
        ("%", nil),
        ("%2", nil),
        ("abc%", nil),
        ("%zz", nil),
        ("%2g", nil),
        ("%%41", nil),
        ("%22%", nil),
        ("%FF", nil),
        ("%C3", nil),
        ("%C3%28", nil),
        ("%ED%A0%80", nil),
    ] as [(String, String?)])
    func percentDecoding(encoded: String, decoded: String?) {
        #expect(PolicyDocument.percentDecoded(encoded) == decoded)
        #expect(PolicyDocument.percentDecoded(encoded) == encoded.removingPercentEncoding)
    }

    /// A document whose escapes do not decode is read as written: JSON if it is JSON, else not a document.
    @Test func undecodableEscapesLeaveTheTextAsWritten() throws {
        let document = try PolicyDocument(text: "{\"Sid\":\"%22%zz\"}")
        #expect(document.canonical == .object(["Sid": .string("%22%zz")]))
        #expect(throws: PolicyDocument.Failure.self) { try PolicyDocument(text: "%7B%22Sid%22%3A%ZZ%7D") }
        #expect(throws: PolicyDocument.Failure.self) { try PolicyDocument(text: "%7B%22Sid%22%3A%22%FF%22%7D") }
    }

    /// Text that neither starts with `%` nor holds `%22` is not decoded, even when it holds other escapes.
    @Test func onlyEncodedLookingTextIsDecoded() throws {
        let document = try PolicyDocument(text: "{\"Sid\":\"100%41\"}")
        #expect(document.canonical == .object(["Sid": .string("100%41")]))
    }
}
