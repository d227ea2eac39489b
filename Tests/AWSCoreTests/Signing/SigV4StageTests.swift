import Foundation
import Testing

@testable import AWSCore

/// Individual SigV4 stages on inputs the AWS suite does not cover.
@Suite("SigV4 stages")
struct SigV4StageTests {
    /// The canonical URI encodes a percent-encoded wire path a second time and resolves dot segments.
    @Test(arguments: [
        ("", "/"),
        ("/", "/"),
        ("/a%20b", "/a%2520b"),
        ("/a/b/../c/./d/", "/a/c/d/"),
        ("/a/b/..", "/a/"),
        ("/../..", "/"),
        ("/a+b=c:d", "/a%2Bb%3Dc%3Ad"),
    ])
    func canonicalURI(path: String, expected: String) {
        #expect(SigV4Signer.canonicalURI(path: path) == expected)
    }

    /// The canonical query string decodes and re-encodes names and values, keeps `+` literal, and sorts by name
    /// then value.
    @Test(arguments: [
        ("", ""),
        ("b=2&a=1", "a=1&b=2"),
        ("a=b%20c", "a=b%20c"),
        ("a=b+c", "a=b%2Bc"),
        ("flag&a=", "a=&flag="),
        ("x=%2F%3d&x=%2f", "x=%2F&x=%2F%3D"),
        ("bad=%zz", "bad=%25zz"),
    ])
    func canonicalQueryString(query: String, expected: String) {
        #expect(SigV4Signer.canonicalQueryString(query: query) == expected)
    }

    /// Header values are trimmed and whitespace runs (spaces and tabs) collapsed; unsignable headers are left out.
    @Test func canonicalHeaderList() {
        let list = SigV4Signer.canonicalHeaderList(headers: [
            HTTPHeader("X-B", " \t one \t two  "),
            HTTPHeader("User-Agent", "smsauth"),
            HTTPHeader("Content-Length", "3"),
            HTTPHeader("authorization", "old"),
            HTTPHeader("x-a", "1"),
            HTTPHeader("X-B", "three"),
        ])
        #expect(list == [
            SigV4CanonicalHeader(name: "x-a", value: "1"),
            SigV4CanonicalHeader(name: "x-b", value: "one two,three"),
        ])
        #expect(SigV4Signer.signedHeaders(list) == "x-a;x-b")
        #expect(SigV4Signer.canonicalHeaders(list) == "x-a:1\nx-b:one two,three\n")
    }

    /// The timestamp is UTC, zero-padded and truncated to whole seconds, independent of the process time zone.
    @Test(arguments: [
        (1_440_938_160.0, "20150830T123600Z"),
        (981_173_106.75, "20010203T040506Z"),
        (0.0, "19700101T000000Z"),
    ])
    func timestamp(seconds: Double, expected: String) {
        let timestamp = SigV4Timestamp(Date(timeIntervalSince1970: seconds))
        #expect(timestamp.dateTime == expected)
        #expect(timestamp.date == String(expected.prefix(8)))
    }

    /// Signing key derivation matches AWS's documented example (secret `wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY`,
    /// 20120215, us-east-1, iam).
    @Test func signingKeyMatchesAWSExample() {
        let key = SigV4Signer.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", date: "20120215", region: "us-east-1",
            service: "iam")
        #expect(key.hexEncodedString() == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    /// Credential scope, string to sign and Authorization have the documented layout.
    @Test func signatureStageLayout() {
        let scope = SigV4Signer.credentialScope(date: "20150830", region: "us-east-1", service: "sns")
        #expect(scope == "20150830/us-east-1/sns/aws4_request")
        let toSign = SigV4Signer.stringToSign(canonicalRequest: "", dateTime: "20150830T123600Z", scope: scope)
        #expect(
            toSign == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/sns/aws4_request\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let header = SigV4Signer.authorizationHeader(
            accessKeyId: "AKID", scope: scope, signedHeaders: "host;x-amz-date", signature: "abc")
        #expect(
            header == "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sns/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc")
    }
}
