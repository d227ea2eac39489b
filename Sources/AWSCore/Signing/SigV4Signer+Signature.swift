import Foundation

/// Stages 2 to 4 of SigV4: string to sign, signing key and the `Authorization` header (the signature itself is
/// `SigV4SigningKey.signature(of:)`, on the key readied once).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
extension SigV4Signer {
    /// The signing algorithm name, first line of the string to sign and first word of `Authorization`.
    static let algorithm = "AWS4-HMAC-SHA256"

    /// The credential scope: `date/region/service/aws4_request`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
    static func credentialScope(date: String, region: String, service: String) -> String {
        "\(date)/\(region)/\(service)/aws4_request"
    }

    /// The string to sign: algorithm, request time, credential scope and the hex SHA-256 of the canonical request,
    /// separated by newlines.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
    static func stringToSign(canonicalRequest: String, dateTime: String, scope: String) -> String {
        [algorithm, dateTime, scope, Digest.sha256Hex(canonicalRequest)].joined(separator: "\n")
    }

    /// The signing key: HMAC-SHA256 chained over date, region, service and `aws4_request`, starting from
    /// `"AWS4" + secret`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
    static func signingKey(secretAccessKey: String, date: String, region: String, service: String) -> Data {
        let dateKey = Digest.hmacSHA256(key: Data("AWS4\(secretAccessKey)".utf8), data: Data(date.utf8))
        let regionKey = Digest.hmacSHA256(key: dateKey, data: Data(region.utf8))
        let serviceKey = Digest.hmacSHA256(key: regionKey, data: Data(service.utf8))
        return Digest.hmacSHA256(key: serviceKey, data: Data("aws4_request".utf8))
    }

    /// The `Authorization` header value:
    /// `AWS4-HMAC-SHA256 Credential=KEY/SCOPE, SignedHeaders=a;b, Signature=hex`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#add-signature-to-request
    static func authorizationHeader(accessKeyId: String, scope: String, signedHeaders: String, signature: String)
        -> String
    {
        "\(algorithm) Credential=\(accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}
