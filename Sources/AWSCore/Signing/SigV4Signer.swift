import Foundation

/// AWS Signature Version 4 signer for header-signed requests. For every service but S3, paths are normalised and
/// encoded twice and the payload hash is not sent as a header; for S3 (`service == "s3"`, botocore's `s3v4`) the
/// canonical URI is the path exactly as sent (no normalisation, no second encoding) and the payload hash is sent and
/// signed as `x-amz-content-sha256`.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
public struct SigV4Signer: RequestSigner {
    /// Signing keys derived so far (each is used for one day, region and service).
    private let signingKeys: SigV4SigningKeyCache

    /// Creates a signer. Credentials, region, service and time are passed to each call; the signer keeps only the
    /// signing keys it derived, each checked against the secret it came from.
    public init() {
        signingKeys = SigV4SigningKeyCache()
    }

    /// Returns `request` with `Host` (when absent), `X-Amz-Date`, `X-Amz-Security-Token` (when `credentials` has a
    /// session token; it is signed) and `Authorization` set, computed for `date`.
    public func sign(
        _ request: HTTPRequest,
        credentials: AWSCredentials,
        region: String,
        service: String,
        date: Date
    ) -> HTTPRequest {
        let timestamp = SigV4Timestamp(date)
        var signed = request
        if signed.header("Host") == nil, let host = Self.hostHeaderValue(for: request.url) {
            signed.headers.append(HTTPHeader("Host", host))
        }
        signed.setHeader("X-Amz-Date", timestamp.dateTime)
        if let token = credentials.sessionToken {
            signed.setHeader("X-Amz-Security-Token", token)
        }
        let isS3 = service == Self.s3SigningName
        if isS3 {
            signed.setHeader("x-amz-content-sha256", Self.payloadHash(body: signed.body))
        }
        let input = SigV4Input(
            method: signed.method,
            path: signed.url.path(percentEncoded: true),
            query: signed.url.query(percentEncoded: true) ?? "",
            headers: signed.headers,
            body: signed.body,
            normalizesPath: !isS3
        )
        let key = signingKeys.key(for: credentials, date: timestamp.date, region: region, service: service) {
            Self.signingKey(secretAccessKey: $0, date: timestamp.date, region: region, service: service)
        }
        let result = Self.signingResult(
            for: input, credentials: credentials, region: region, service: service, timestamp: timestamp,
            signingKey: key)
        signed.setHeader("Authorization", result.authorization)
        return signed
    }

    /// The signing name whose requests follow S3's rules.
    static let s3SigningName = "s3"

    /// Runs every SigV4 stage over `input` exactly as given (no headers are added) and returns each product.
    /// `signingKey` is the key derived for the credentials' secret, the timestamp's date, `region` and `service`
    /// (derived here when not given).
    static func signingResult(
        for input: SigV4Input,
        credentials: AWSCredentials,
        region: String,
        service: String,
        timestamp: SigV4Timestamp,
        signingKey key: SigV4SigningKey? = nil
    ) -> SigV4Result {
        let headerList = canonicalHeaderList(headers: input.headers)
        let canonical = canonicalRequest(input, headers: headerList)
        let scope = credentialScope(date: timestamp.date, region: region, service: service)
        let toSign = stringToSign(canonicalRequest: canonical, dateTime: timestamp.dateTime, scope: scope)
        let key = key ?? SigV4SigningKey(signingKey(
            secretAccessKey: credentials.secretAccessKey, date: timestamp.date, region: region, service: service))
        let signatureHex = key.signature(of: toSign)
        let signed = signedHeaders(headerList)
        return SigV4Result(
            canonicalRequest: canonical,
            stringToSign: toSign,
            signedHeaders: signed,
            signature: signatureHex,
            authorization: authorizationHeader(
                accessKeyId: credentials.accessKeyId, scope: scope, signedHeaders: signed, signature: signatureHex)
        )
    }

    /// The `Host` header for `url`: host, plus `:port` unless the port is the scheme's default (80 for http, 443
    /// for https). IPv6 literals are bracketed. Nil when the URL has no host.
    static func hostHeaderValue(for url: URL) -> String? {
        guard let host = url.host(percentEncoded: true), !host.isEmpty else { return nil }
        let bracketed = host.utf8.contains(UInt8(ascii: ":")) && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let port = url.port else { return bracketed }
        let defaultPort: Int? =
            switch url.scheme?.lowercased() {
            case "http": 80
            case "https": 443
            default: nil
            }
        return port == defaultPort ? bracketed : "\(bracketed):\(port)"
    }
}
