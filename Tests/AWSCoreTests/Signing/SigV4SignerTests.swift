import Foundation
import Testing

@testable import AWSCore

/// `SigV4Signer.sign(_:)` on `HTTPRequest`s: headers it adds, agreement with the AWS suite, and secret hygiene.
@Suite("SigV4Signer")
struct SigV4SignerTests {
    /// Session token published with the suite's `post-sts-token` cases.
    static let sessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRq"
        + "TflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75Y"
        + "U9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9K"
        + "SYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    /// Temporary credentials with the suite's keys and session token.
    static let temporaryCredentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: SigV4SuiteCase.Fixture.secretAccessKey,
        sessionToken: sessionToken)

    /// Signs `request` with the suite's region, service and date.
    static func sign(_ request: HTTPRequest, credentials: AWSCredentials = SigV4SuiteCase.Fixture.credentials)
        -> HTTPRequest
    {
        SigV4Signer().sign(
            request, credentials: credentials, region: SigV4SuiteCase.Fixture.region,
            service: SigV4SuiteCase.Fixture.service, date: SigV4SuiteCase.Fixture.date)
    }

    /// Requests built from URLs, equivalent to three suite cases.
    static func suiteEquivalents() throws -> [(caseName: String, request: HTTPRequest, credentials: AWSCredentials)] {
        let url = try #require(URL(string: "https://example.amazonaws.com/"))
        let form = HTTPRequest(
            method: "POST", url: url,
            headers: [
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded"), HTTPHeader("Content-Length", "13"),
            ],
            body: Data("Param1=value1".utf8))
        return [
            ("get-vanilla", HTTPRequest(method: "GET", url: url), SigV4SuiteCase.Fixture.credentials),
            ("post-x-www-form-urlencoded", form, SigV4SuiteCase.Fixture.credentials),
            ("post-sts-token/post-sts-header-before", HTTPRequest(method: "POST", url: url), temporaryCredentials),
        ]
    }

    /// Signing an `HTTPRequest` gives the suite's Authorization for `get-vanilla`, `post-x-www-form-urlencoded` and
    /// the signed-session-token case; the token header is added and signed.
    @Test func signMatchesSuiteAuthorization() throws {
        for (caseName, request, credentials) in try Self.suiteEquivalents() {
            let expected = try SigV4SuiteCase(name: caseName).authorization
            let signed = Self.sign(request, credentials: credentials)
            #expect(signed.header("Authorization") == expected, "\(caseName)")
            #expect(signed.header("Host") == "example.amazonaws.com")
            #expect(signed.header("X-Amz-Date") == "20150830T123600Z")
            #expect(signed.header("X-Amz-Security-Token") == credentials.sessionToken)
        }
    }

    /// No header of any signed request contains the secret access key, and the token only appears as the token
    /// header.
    @Test func signedHeadersNeverContainSecret() throws {
        for (_, request, credentials) in try Self.suiteEquivalents() {
            let signed = Self.sign(request, credentials: credentials)
            for header in signed.headers {
                #expect(!header.value.contains(credentials.secretAccessKey))
                #expect(!header.name.contains(credentials.secretAccessKey))
                if let token = credentials.sessionToken, header.name != "X-Amz-Security-Token" {
                    #expect(!header.value.contains(token))
                }
            }
        }
    }

    /// Re-signing replaces `X-Amz-Date` and `Authorization` instead of adding second copies, keeps a given `Host`,
    /// and never adds `x-amz-content-sha256`.
    @Test func resigningReplacesSigningHeaders() throws {
        let url = try #require(URL(string: "https://example.amazonaws.com/"))
        let request = HTTPRequest(method: "GET", url: url, headers: [HTTPHeader("host", "example.amazonaws.com")])
        let once = Self.sign(request)
        let later = SigV4Signer().sign(
            once, credentials: SigV4SuiteCase.Fixture.credentials, region: "us-east-1", service: "service",
            date: SigV4SuiteCase.Fixture.date.addingTimeInterval(60))
        for name in ["host", "x-amz-date", "authorization"] {
            #expect(later.headers.filter { $0.name.lowercased() == name }.count == 1, "\(name)")
        }
        #expect(later.header("X-Amz-Date") == "20150830T123700Z")
        #expect(later.header("Authorization") != once.header("Authorization"))
        #expect(later.header("x-amz-content-sha256") == nil)
        let resignedSameTime = Self.sign(once)
        #expect(resignedSameTime.header("Authorization") == once.header("Authorization"))
    }

    /// `Host` carries the port only when it is not the scheme's default.
    @Test(arguments: [
        ("https://sns.us-east-1.amazonaws.com/", "sns.us-east-1.amazonaws.com"),
        ("https://sns.us-east-1.amazonaws.com:443/", "sns.us-east-1.amazonaws.com"),
        ("http://127.0.0.1:80/", "127.0.0.1"),
        ("http://127.0.0.1:4566/", "127.0.0.1:4566"),
        ("https://example.com:8443/a?b=c", "example.com:8443"),
        ("http://[::1]:9000/", "[::1]:9000"),
    ])
    func hostHeaderOmitsDefaultPorts(url: String, expected: String) throws {
        let parsed = try #require(URL(string: url))
        #expect(SigV4Signer.hostHeaderValue(for: parsed) == expected)
    }
}
