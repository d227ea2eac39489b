import Foundation
import Testing
@testable import AWSCore

/// Tests of `XMLReader` through `XMLElement.parse`.
@Suite struct XMLReaderTests {
    /// A document and values it must hold at element paths (the last path component's text).
    struct ValidCase: CustomTestStringConvertible, Sendable {
        var name: String
        var xml: String
        var values: [([String], String)]
        var testDescription: String { name }
    }

    static let awsResponses: [ValidCase] = [
        ValidCase(name: "IAM GetRole", xml: AWSSamples.iamGetRole, values: [
            (["GetRoleResult", "Role", "RoleName"], "sms-role"),
            (["GetRoleResult", "Role", "AssumeRolePolicyDocument"], "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement"
                + "%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22cognito-idp.amazonaws.com"
                + "%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"),
            (["GetRoleResult", "Role", "RoleLastUsed"], ""),
            (["GetRoleResult", "Role"], ""),
        ]),
        ValidCase(name: "IAM GetRole, pretty-printed", xml: XMLSamples.iamGetRoleLarge, values: [
            (["GetRoleResult", "Role", "Description"], "Lets Cognito user pool qnatime send SMS through SNS & nothing else"),
            (["GetRoleResult", "Role", "RoleLastUsed", "Region"], "eu-west-1"),
            (["GetRoleResult", "Role", "Tags", "member", "Value"], "smsauth"),
        ]),
        ValidCase(name: "SNS GetSMSAttributes", xml: XMLSamples.snsGetSMSAttributes, values: [
            (["GetSMSAttributesResult", "attributes", "entry", "key"], "DefaultSMSType"),
            (["GetSMSAttributesResult", "attributes", "entry", "value"], "Transactional"),
            (["GetSMSAttributesResult", "attributes"], ""),
        ]),
        ValidCase(name: "STS GetCallerIdentity", xml: AWSSamples.stsGetCallerIdentity, values: [
            (["GetCallerIdentityResult", "Account"], "123456789012"),
            (["ResponseMetadata", "RequestId"], "01234567-89ab-cdef-0123-456789abcdef"),
        ]),
        ValidCase(name: "IAM ErrorResponse", xml: AWSSamples.iamNoSuchEntity, values: [
            (["Error", "Code"], "NoSuchEntity"), (["Error", "Message"], "Role nope not found"),
        ]),
        ValidCase(name: "SNS ErrorResponse", xml: AWSSamples.snsThrottling, values: [
            (["Error", "Code"], "Throttling"), (["RequestId"], "9b1f4b5e-5a3c-5d1e-8c2a-1f2e3d4c5b6a"),
        ]),
        ValidCase(name: "EC2-style Response/Errors", xml: AWSSamples.responseErrors, values: [
            (["Errors", "Error", "Code"], "RequestLimitExceeded"),
        ]),
        ValidCase(name: "S3 ListBucketResult", xml: XMLSamples.s3ListBucketResult, values: [
            (["Contents", "Key"], "pools/a&b.json"),
            (["Contents", "ETag"], "\"9b2cf535f27731c974343645a3985328\""),
            (["NextContinuationToken"], "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="),
        ]),
        ValidCase(name: "S3 Error", xml: XMLSamples.s3NoSuchBucket, values: [
            (["Code"], "NoSuchBucket"), (["HostId"], "vjVbcS9XhO8Lx+pu+QEvxb+7Mn0="),
        ]),
    ]

    /// Reads AWS responses.
    @Test(arguments: awsResponses) func readsAWSResponses(_ sample: ValidCase) throws {
        let root = try XMLElement.parse(Data(sample.xml.utf8))
        for (path, value) in sample.values {
            #expect(root.element(path)?.text == value, "\(path)")
        }
    }

    /// Documents and the exact trees they give.
    static let trees: [(String, XMLElement)] = [
        ("<?xml version='1.0'?><!-- c --><a/><!-- after --><?pi after?>\n", XMLElement(name: "a")),
        ("\u{FEFF}<a>x</a>", XMLElement(name: "a", text: "x")),
        ("<ns:Foo xmlns:ns='urn:x'><ns:Bar>1</ns:Bar></ns:Foo>",
         XMLElement(name: "ns:Foo", children: [XMLElement(name: "ns:Bar", text: "1")])),
        ("<a b = \"x>y\" c='\"&amp;&#60;'\n d=''>t</a >", XMLElement(name: "a", text: "t")),
        ("<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;</a>", XMLElement(name: "a", text: "<>&'\"AB😀")),
        ("<a>x<![CDATA[<&amp;>]]>y<!-- no -->z<?p i?></a>", XMLElement(name: "a", text: "x<&amp;>yz")),
        ("<a><![CDATA[\r\n]]>\r\n</a>", XMLElement(name: "a", text: "\r\n\n")),
        ("<a>\r\n x\r<b/>\r</a>", XMLElement(name: "a", text: "\n x\n\n", children: [XMLElement(name: "b")])),
        ("<a>\n  <b> </b>\n  <c/>\n</a>",
         XMLElement(name: "a", children: [XMLElement(name: "b", text: " "), XMLElement(name: "c")])),
        ("<a>&#32;<b/>&#xA;</a>", XMLElement(name: "a", children: [XMLElement(name: "b")])),
        ("<a>é ü 中 🙂]]</a>", XMLElement(name: "a", text: "é ü 中 🙂]]")),
        ("<_a-1.b>x</_a-1.b>", XMLElement(name: "_a-1.b", text: "x")),
    ]

    /// Gives exactly the expected trees.
    @Test(arguments: trees) func givesExactTrees(_ xml: String, _ expected: XMLElement) throws {
        #expect(try XMLElement.parse(Data(xml.utf8)) == expected)
    }

    /// Accepts nesting up to the maximum depth.
    @Test func acceptsNestingUpToTheMaximumDepth() throws {
        let depth = XMLReader.maximumDepth
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        var element = try XMLElement.parse(Data(xml.utf8))
        var levels = 1
        while let child = element.children.first { element = child; levels += 1 }
        #expect(levels == depth)
    }

    /// A start tag with 50,000 attributes is read in linear time (comparing each name with all before it took
    /// minutes).
    @Test(.timeLimit(.minutes(1))) func readsManyAttributesInLinearTime() throws {
        let xml = "<a " + (0..<50_000).map { "a\($0)=''" }.joined(separator: " ") + "><b/></a>"
        #expect(try XMLElement.parse(Data(xml.utf8)) == XMLElement(name: "a", children: [XMLElement(name: "b")]))
    }
}
