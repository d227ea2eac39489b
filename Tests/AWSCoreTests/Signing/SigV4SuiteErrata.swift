import Foundation

@testable import AWSCore

/// A known inconsistency inside one case of the AWS SigV4 test suite, and how the suite test compensates so that every
/// comparison stays exact.
struct SigV4SuiteErratum: Sendable {
    /// Why the case's files disagree with each other.
    let reason: String
    /// Headers the `.creq` lists that the signer deliberately never signs (`SigV4Signer.unsignedHeaderNames`) and
    /// that the case's own `.sts`, `.authz` and `.sreq` do not cover either; removed from the expected canonical
    /// request.
    let unsignedHeadersInCanonicalRequest: [String]
    /// Header values the suite actually signed when it produced `.sts` and `.sreq`, where they differ from `.req`.
    let signedHeaderOverrides: [HTTPHeader]
    /// Whether the expected `Authorization` is taken from `.sreq` because `.authz` contradicts its own signature.
    let authorizationFromSignedRequest: Bool

    /// `creq` without the lines and signed-header entries of `unsignedHeadersInCanonicalRequest`.
    func expectedCanonicalRequest(from creq: String) -> String {
        var lines = creq.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for name in unsignedHeadersInCanonicalRequest {
            lines.removeAll { $0.hasPrefix("\(name):") }
            lines = lines.map { line in
                let names = line.split(separator: ";").map(String.init)
                return names.count > 1 && names.contains(name)
                    ? names.filter { $0 != name }.joined(separator: ";") : line
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `input` with `signedHeaderOverrides` replacing the headers of the same names.
    func signingInput(from input: SigV4Input) -> SigV4Input {
        var adjusted = input
        for override in signedHeaderOverrides {
            adjusted.headers = adjusted.headers.map { header in
                header.name.caseInsensitiveCompare(override.name) == .orderedSame
                    ? HTTPHeader(header.name, override.value) : header
            }
        }
        return adjusted
    }
}

/// The errata of the AWS SigV4 test suite, by case name. Each entry was checked by hashing: the suite's `.sts` hash
/// equals the SHA-256 of the canonical request described in `reason`.
enum SigV4SuiteErrata {
    /// Errata by case name (relative to the suite root).
    static let byCase: [String: SigV4SuiteErratum] = [
        "post-x-www-form-urlencoded": SigV4SuiteErratum(
            reason: """
                The .creq includes content-length, but the .sts hash, .authz (SignedHeaders=content-type;host;\
                x-amz-date) and .sreq were computed without it. The signer never signs Content-Length, matching .sts \
                and .authz.
                """,
            unsignedHeadersInCanonicalRequest: ["content-length"],
            signedHeaderOverrides: [],
            authorizationFromSignedRequest: false
        ),
        "post-x-www-form-urlencoded-parameters": SigV4SuiteErratum(
            reason: """
                The .creq includes content-length, which the signer never signs. The .sts and the signature were \
                computed from a request whose Content-Type ends in `charset=utf8` (the .req says `charset=utf-8`) \
                and without content-length; the .authz nevertheless lists content-length in SignedHeaders, while \
                the .sreq's Authorization (same signature) does not. The test signs the Content-Type the suite \
                signed and compares with .sts and the .sreq Authorization.
                """,
            unsignedHeadersInCanonicalRequest: ["content-length"],
            signedHeaderOverrides: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf8")],
            authorizationFromSignedRequest: true
        ),
    ]
}
