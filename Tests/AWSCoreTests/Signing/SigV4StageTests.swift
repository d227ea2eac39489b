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

    /// A name repeated among others keeps its values in the order sent, whatever the names around them.
    @Test func repeatedHeadersKeepTheirOrder() {
        let list = SigV4Signer.canonicalHeaderList(headers: [
            HTTPHeader("x-c", "c"), HTTPHeader("X-B", "1"), HTTPHeader("x-a", "a"), HTTPHeader("x-b", "2"),
            HTTPHeader("x-d", "d"), HTTPHeader("x-B", "3"), HTTPHeader("x-a", "a2"),
        ])
        #expect(SigV4Signer.canonicalHeaders(list) == "x-a:a,a2\nx-b:1,2,3\nx-c:c\nx-d:d\n")
    }

    /// Values already in normal form are kept; any tab, CR, LF, edge space or doubled space is normalised.
    @Test(arguments: [
        ("20150830T123600Z", "20150830T123600Z"),
        ("a b c", "a b c"),
        ("", ""),
        (" ", ""),
        ("a  b", "a b"),
        (" a", "a"),
        ("a ", "a"),
        ("a\tb", "a b"),
        ("a\nb", "a b"),
        ("a\rb", "a b"),
        ("\t", ""),
    ])
    func headerValueNormalisation(value: String, expected: String) {
        #expect(SigV4Signer.canonicalHeaderList(headers: [HTTPHeader("x", value)]).first?.value == expected)
    }

    /// The timestamp is UTC, zero-padded and truncated to whole seconds, independent of the process time zone.
    @Test(arguments: [
        (1_440_938_160.0, "20150830T123600Z"),
        (981_173_106.75, "20010203T040506Z"),
        (0.0, "19700101T000000Z"),
        (253_402_300_800.0, "100000101T000000Z"),  // year 10000: five digits
        (-62_167_219_200.0, "00000101T000000Z"),  // year 0
        (-62_167_219_201.0, "00-11231T235959Z"),  // year -1: its decimal text, padded (no date AWS takes)
    ])
    func timestamp(seconds: Double, expected: String) {
        let timestamp = SigV4Timestamp(Date(timeIntervalSince1970: seconds))
        #expect(timestamp.dateTime == expected)
        #expect(timestamp.date == String(expected.prefix(8)))
    }

    /// The arithmetic timestamp equals Foundation's Gregorian calendar in UTC on leap days, century years, the days
    /// around 1970 and 20,000 seeded instants from 1600 to 2400.
    @Test func timestampMatchesGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        func expected(_ seconds: Double) -> String {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                                from: Date(timeIntervalSince1970: seconds))
            return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!,
                          parts.hour!, parts.minute!, parts.second!)
        }
        let fixed: [Double] = [
            -1, -0.5, -86_400, -86_401, 951_782_400, 951_868_799.9, 4_107_542_400, 4_107_628_800,
            -2_208_988_800, 1_709_164_800, 253_402_300_799,
        ]
        var state: UInt64 = 0x5EED
        let seeded = (0..<20_000).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let second = Double(state >> 11).truncatingRemainder(dividingBy: 25_245_561_600)
            return second - 11_676_096_000 + Double(state & 3) / 4
        }
        for seconds in fixed + seeded {
            #expect(SigV4Timestamp(Date(timeIntervalSince1970: seconds)).dateTime == expected(seconds),
                    "\(seconds)")
        }
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
