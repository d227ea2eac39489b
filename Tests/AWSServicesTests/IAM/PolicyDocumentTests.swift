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
}
