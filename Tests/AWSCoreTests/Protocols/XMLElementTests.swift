import Foundation
import Testing
@testable import AWSCore

/// Tests of XMLElement.
@Suite struct XMLElementTests {
    /// Reads IAM get role with its URL encoded trust policy.
    @Test func readsIAMGetRoleWithItsURLEncodedTrustPolicy() throws {
        let root = try XMLElement.parse(Data(AWSSamples.iamGetRole.utf8))
        #expect(root.name == "GetRoleResponse")
        let result = try #require(root.child("GetRoleResult"))
        #expect(result.value("Role", "Arn") == "arn:aws:iam::123456789012:role/service-role/sms-role")
        #expect(result.value("Role", "MaxSessionDuration") == "3600")
        #expect(result.value("Role", "RoleLastUsed") == "")
        #expect(result.value("Role", "Missing") == nil)
        let encoded = try #require(result.value("Role", "AssumeRolePolicyDocument"))
        let policy = try #require(encoded.removingPercentEncoding)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any])
        #expect(object["Version"] as? String == "2012-10-17")
        #expect(root.value("ResponseMetadata", "RequestId") == "QGBkGPQa3ZCSKFm7o6VHdiiX0GH5qgCYRZ07yJ1gquVCAokcuF9d")
    }

    /// Reads pretty printed STS get caller identity.
    @Test func readsPrettyPrintedSTSGetCallerIdentity() throws {
        let root = try XMLElement.parse(Data(AWSSamples.stsGetCallerIdentity.utf8))
        let result = try #require(root.child("GetCallerIdentityResult"))
        #expect(result.text == "")
        #expect(result.value("Account") == "123456789012")
        #expect(result.value("Arn") == "arn:aws:sts::123456789012:user/moto")
        #expect(result.children.map(\.name) == ["UserId", "Account", "Arn"])
    }

    /// Members entities and CDATA.
    @Test func membersEntitiesAndCDATA() throws {
        let xml = """
            <R><List><member><N>a &amp; b</N></member><member><N><![CDATA[<x>]]></N></member></List>\
            <List><member><N>second list</N></member></List></R>
            """
        let root = try XMLElement.parse(Data(xml.utf8))
        #expect(root.members("List").compactMap { $0.value("N") } == ["a & b", "<x>"])
        #expect(root.children("List").count == 2)
        #expect(root.members("Nope").isEmpty)
        #expect(root.child("List")?.members() == root.members("List"))
    }

    /// Malformed XML (and HTML) is an error with a code.
    @Test func malformedXMLIsAnErrorWithACode() {
        #expect(throws: XMLParseError.self) { try XMLElement.parse(Data("<a><b></a>".utf8)) }
        do {
            _ = try XMLElement.parse(Data(AWSSamples.htmlServerError.utf8))
            Issue.record("HTML parsed as XML")
        } catch {
            #expect(error.code == "MalformedXML")
        }
    }
}
