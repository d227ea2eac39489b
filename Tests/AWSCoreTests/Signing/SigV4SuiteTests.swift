import Foundation
import Testing

@testable import AWSCore

/// Runs every case of AWS's official SigV4 test suite through each signing stage.
@Suite("SigV4 test suite")
struct SigV4SuiteTests {
    /// Every case folder of the suite, found recursively.
    static let caseNames = SigV4SuiteCase.discoverNames()

    /// Signs a suite request exactly as given, with the suite's fixed credentials, region, service and date.
    static func sign(_ input: SigV4Input) -> SigV4Result {
        SigV4Signer.signingResult(
            for: input,
            credentials: SigV4SuiteCase.Fixture.credentials,
            region: SigV4SuiteCase.Fixture.region,
            service: SigV4SuiteCase.Fixture.service,
            timestamp: SigV4Timestamp(SigV4SuiteCase.Fixture.date)
        )
    }

    /// The suite folder is present and holds all 31 cases, including the nested ones.
    @Test func suiteIsComplete() {
        #expect(Self.caseNames.count == 31)
        #expect(Self.caseNames.contains("normalize-path/get-space"))
        #expect(Self.caseNames.contains("post-sts-token/post-sts-header-before"))
        #expect(Self.caseNames.contains("post-sts-token/post-sts-header-after"))
    }

    /// Canonical request, string to sign and Authorization match the case's `.creq`, `.sts` and `.authz`
    /// (adjusted only as `SigV4SuiteErrata` documents).
    @Test(arguments: caseNames)
    func signingStagesMatchSuite(caseName: String) throws {
        let testCase = try SigV4SuiteCase(name: caseName)
        let erratum = SigV4SuiteErrata.byCase[caseName]

        let result = Self.sign(testCase.input)
        let expectedCanonical = erratum?.expectedCanonicalRequest(from: testCase.canonicalRequest)
        #expect(result.canonicalRequest == expectedCanonical ?? testCase.canonicalRequest)

        let signed = erratum.map { Self.sign($0.signingInput(from: testCase.input)) } ?? result
        #expect(signed.stringToSign == testCase.stringToSign)
        let expectedAuthorization =
            erratum?.authorizationFromSignedRequest == true
            ? testCase.signedRequestAuthorization : testCase.authorization
        #expect(signed.authorization == expectedAuthorization)
        #expect(signed.authorization.hasSuffix("Signature=\(signed.signature)"))
        #expect(signed.authorization.contains("SignedHeaders=\(signed.signedHeaders),"))
    }

    /// Every erratum names a real case, so a renamed case cannot silently lose its adjustment.
    @Test func errataNameExistingCases() {
        for name in SigV4SuiteErrata.byCase.keys {
            #expect(Self.caseNames.contains(name))
        }
    }
}
