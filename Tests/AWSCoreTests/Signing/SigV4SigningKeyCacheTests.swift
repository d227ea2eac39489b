import Foundation
import Testing

@testable import AWSCore

/// The signer derives each signing key once per scope and secret, and signs exactly as without the cache. Keys are
/// compared by the signature they give for one probe string.
struct SigV4SigningKeyCacheTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    /// Counts derivations.
    final class Counter: @unchecked Sendable {
        var derivations = 0
    }

    @Test func derivesOncePerScopeAndAgainForANewSecret() {
        let cache = SigV4SigningKeyCache()
        let counter = Counter()
        func key(_ credentials: AWSCredentials, date: String = "20150830", region: String = "us-east-1",
                 service: String = "iam") -> String {
            cache.key(for: credentials, date: date, region: region, service: service) { secret in
                counter.derivations += 1
                return SigV4Signer.signingKey(secretAccessKey: secret, date: date, region: region, service: service)
            }.signature(of: "probe")
        }
        let first = key(Self.credentials)
        #expect(key(Self.credentials) == first)
        #expect(counter.derivations == 1)
        _ = key(Self.credentials, date: "20150831")
        _ = key(Self.credentials, region: "eu-west-1")
        _ = key(Self.credentials, service: "sns")
        #expect(counter.derivations == 4)
        var rotated = Self.credentials
        rotated.secretAccessKey = "another-secret"
        let rotatedKey = key(rotated)
        #expect(counter.derivations == 5)
        #expect(rotatedKey != first)
        let expected = SigV4SigningKey(SigV4Signer.signingKey(secretAccessKey: "another-secret", date: "20150830",
                                                              region: "us-east-1", service: "iam"))
        #expect(rotatedKey == expected.signature(of: "probe"))
    }

    @Test func staysWithinItsCapacity() {
        let cache = SigV4SigningKeyCache(capacity: 3)
        for day in 10...19 {
            _ = cache.key(for: Self.credentials, date: "201508\(day)", region: "us-east-1", service: "iam") {
                SigV4Signer.signingKey(secretAccessKey: $0, date: "201508\(day)", region: "us-east-1", service: "iam")
            }
            #expect(cache.count <= 3)
        }
    }

    /// One signer signing many requests on different days and services gives the signatures a fresh signer gives.
    @Test func reusedSignerSignsLikeAFreshOne() {
        let signer = SigV4Signer()
        let request = HTTPRequest(method: "POST", url: URL(string: "https://cognito-idp.us-east-1.amazonaws.com/")!,
                                  headers: [HTTPHeader("Content-Type", "application/x-amz-json-1.1")],
                                  body: Data("{}".utf8))
        for (offset, service) in [(0.0, "cognito-idp"), (86_400, "cognito-idp"), (0, "sns"), (0, "cognito-idp")] {
            let date = Date(timeIntervalSince1970: 1_440_938_160 + offset)
            let reused = signer.sign(request, credentials: Self.credentials, region: "us-east-1", service: service,
                                     date: date)
            let fresh = SigV4Signer().sign(request, credentials: Self.credentials, region: "us-east-1",
                                           service: service, date: date)
            #expect(reused == fresh)
        }
    }
}
