import Foundation

/// The JSON the container and instance metadata endpoints return:
/// `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}` (IMDS adds `"Code": "Success"`).
struct MetadataCredentialsDocument: Decodable {
    /// `Code` (IMDS only); anything but `Success` is a failure.
    let code: String?
    /// `AccessKeyId`.
    let accessKeyId: String?
    /// `SecretAccessKey`.
    let secretAccessKey: String?
    /// `Token`.
    let token: String?
    /// `Expiration`, ISO 8601.
    let expiration: String?

    /// JSON member names.
    private enum CodingKeys: String, CodingKey {
        case code = "Code"
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
    }

    /// Decodes `data` into credentials; `badResponse` naming what is wrong (never a value) otherwise.
    static func credentials(from data: Data, source: String) throws(CredentialsError) -> AWSCredentials {
        guard let document = try? JSONDecoder().decode(MetadataCredentialsDocument.self, from: data) else {
            throw .badResponse(source: source, reason: "response is not a credentials JSON object")
        }
        if let code = document.code, code != "Success" {
            throw .badResponse(source: source, reason: "endpoint returned Code \(code)")
        }
        guard let accessKeyId = document.accessKeyId, !accessKeyId.isEmpty,
              let secret = document.secretAccessKey, !secret.isEmpty else {
            throw .badResponse(source: source, reason: "response lacks AccessKeyId or SecretAccessKey")
        }
        var expiration: Date?
        if let text = document.expiration {
            guard let date = parseTimestamp(text) else {
                throw .badResponse(source: source, reason: "Expiration is not an ISO 8601 timestamp")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                              sessionToken: document.token.flatMap { $0.isEmpty ? nil : $0 }, expiration: expiration)
    }

    /// Parses ISO 8601 with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
