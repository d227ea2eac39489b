import Foundation
import Testing

@testable import AWSCore

/// SigV4 with S3's rules, checked against the worked examples of AWS's S3 documentation ("Signature Calculations for
/// the Authorization Header: Transferring Payload in a Single Chunk", example credentials, 2013-05-24).
@Suite struct SigV4S3SignerTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z

    static func sign(_ request: HTTPRequest) -> HTTPRequest {
        SigV4Signer().sign(request, credentials: credentials, region: "us-east-1", service: "s3", date: date)
    }

    /// GET Object: `Range` signed, the empty payload's hash sent as `x-amz-content-sha256`.
    @Test func getObjectExample() throws {
        let request = HTTPRequest(method: "GET", url: try #require(URL(string: "https://examplebucket.s3.amazonaws.com/test.txt")),
                                  headers: [HTTPHeader("Range", "bytes=0-9")])
        let signed = Self.sign(request)
        #expect(signed.header("x-amz-content-sha256")
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let authorization = try #require(signed.header("Authorization"))
        #expect(authorization.contains("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date"))
        #expect(authorization.hasSuffix("Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"))
    }

    /// PUT Object of `test$file.text`: the key's `$` is sent as `%24` and signed exactly so (no second encoding).
    @Test func putObjectExample() throws {
        let request = HTTPRequest(
            method: "PUT", url: try #require(URL(string: "https://examplebucket.s3.amazonaws.com/test%24file.text")),
            headers: [HTTPHeader("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                      HTTPHeader("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            body: Data("Welcome to Amazon S3.".utf8))
        let signed = Self.sign(request)
        #expect(signed.header("x-amz-content-sha256")
            == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let authorization = try #require(signed.header("Authorization"))
        #expect(authorization.contains("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class"))
        #expect(authorization.hasSuffix("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"))
    }

    /// The canonical URI of an S3 request is the path as sent: not normalised, not encoded again.
    @Test func s3PathIsNeitherNormalisedNorEncodedTwice() {
        let input = SigV4Input(method: "GET", path: "/bucket/a%20b/..//c%2Bd", query: "", headers: [],
                               body: Data(), normalizesPath: false)
        let canonical = SigV4Signer.canonicalRequest(input, headers: [])
        #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[1] == "/bucket/a%20b/..//c%2Bd")
        let other = SigV4Input(method: "GET", path: "/bucket/a%20b", query: "", headers: [], body: Data())
        #expect(SigV4Signer.canonicalRequest(other, headers: []).split(separator: "\n")[1] == "/bucket/a%2520b")
    }

    /// Other services never get the S3 header.
    @Test func otherServicesDoNotSendThePayloadHash() throws {
        let request = HTTPRequest(method: "POST", url: try #require(URL(string: "https://sts.amazonaws.com/")))
        let signed = SigV4Signer().sign(request, credentials: Self.credentials, region: "us-east-1", service: "sts",
                                        date: Self.date)
        #expect(signed.header("x-amz-content-sha256") == nil)
    }
}
