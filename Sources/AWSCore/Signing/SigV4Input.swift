import Foundation

/// The parts of a request that SigV4 covers, in their wire form: what the canonical request is built from.
/// `SigV4Signer.sign(_:credentials:region:service:date:)` fills it from an `HTTPRequest`; tests fill it from the raw
/// request lines of the AWS test suite.
struct SigV4Input: Sendable, Equatable {
    /// HTTP method, e.g. `GET`.
    var method: String
    /// Path as sent on the request line (normally percent-encoded already; SigV4 encodes it once more).
    var path: String
    /// Query as sent, without the leading `?`; empty when there is none.
    var query: String
    /// Headers in order, as they will be sent.
    var headers: [HTTPHeader]
    /// Body bytes.
    var body: Data
    /// Whether the canonical URI is the path normalised and encoded again (every service but S3), or the path
    /// exactly as sent (S3).
    var normalizesPath = true
}

/// Every product of signing one request, so each SigV4 stage can be checked on its own.
struct SigV4Result: Sendable, Equatable {
    /// Stage 1: the canonical request.
    let canonicalRequest: String
    /// Stage 2: the string to sign.
    let stringToSign: String
    /// Semicolon-separated lower-case names of the signed headers.
    let signedHeaders: String
    /// Stage 4: the signature, lowercase hex.
    let signature: String
    /// The `Authorization` header value.
    let authorization: String
}
