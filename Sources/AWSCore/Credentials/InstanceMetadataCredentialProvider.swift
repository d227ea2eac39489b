import Foundation

/// Credentials of the EC2 instance role through IMDSv2: `PUT /latest/api/token`, then the role name from
/// `GET /latest/meta-data/iam/security-credentials/`, then that role's credentials. One attempt per request with a
/// 1 s timeout, so a machine that is not on EC2 fails fast.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    /// `EC2 instance metadata`.
    public let sourceName = "EC2 instance metadata"
    /// Base URL without trailing slash, e.g. `http://169.254.169.254`.
    public let endpoint: String
    /// HTTP.
    let transport: any HTTPTransport

    /// Per-request timeout.
    static let timeout: Duration = .seconds(1)
    /// Token lifetime requested from IMDS.
    static let tokenTTLSeconds = "21600"
    /// Path listing the instance role.
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    /// Reads `AWS_EC2_METADATA_DISABLED`, `AWS_EC2_METADATA_SERVICE_ENDPOINT` and
    /// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`. `notConfigured` when disabled.
    public init(environment: [String: String], transport: any HTTPTransport) throws(CredentialsError) {
        let source = "EC2 instance metadata"
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw .notConfigured(source: source, reason: "disabled by AWS_EC2_METADATA_DISABLED")
        }
        let configured = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        let ipv6 = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
        let base = configured ?? (ipv6 ? "http://[fd00:ec2::254]" : "http://169.254.169.254")
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        guard let url = URL(string: trimmed), url.scheme != nil, url.host != nil else {
            throw .invalidEnvironment(source: source, reason: "AWS_EC2_METADATA_SERVICE_ENDPOINT is not a valid URL")
        }
        endpoint = trimmed
        self.transport = transport
    }

    /// Fetches a session token, the role name, then the role's credentials.
    public func credentials() async throws -> AWSCredentials {
        let token = try await sessionToken()
        let listing = try await get(Self.credentialsPath, token: token)
        if listing.status == 404 {
            throw CredentialsError.notConfigured(source: sourceName, reason: "no IAM role attached to the instance")
        }
        try requireSuccess(listing, path: Self.credentialsPath)
        let roles = String(decoding: listing.body, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let role = roles.first.map({ $0.trimmingCharacters(in: .whitespaces) }), !role.isEmpty else {
            throw CredentialsError.notConfigured(source: sourceName, reason: "no IAM role attached to the instance")
        }
        let encoded = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? role
        let path = Self.credentialsPath + encoded
        let document = try await get(path, token: token)
        try requireSuccess(document, path: path)
        return try MetadataCredentialsDocument.credentials(from: document.body, source: sourceName)
    }

    /// `PUT /latest/api/token`. No answer (not on EC2) or a refusal means this source is not available.
    private func sessionToken() async throws -> String {
        var request = HTTPRequest(method: "PUT", url: try url("/latest/api/token"))
        request.setHeader("X-aws-ec2-metadata-token-ttl-seconds", Self.tokenTTLSeconds)
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: Self.timeout)
        } catch let error as TransportError {
            throw CredentialsError.notConfigured(source: sourceName, reason: "not reachable: \(error.description)")
        }
        guard (200..<300).contains(response.status) else {
            throw CredentialsError.notConfigured(
                source: sourceName, reason: "IMDSv2 token request answered HTTP \(response.status)")
        }
        let token = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw CredentialsError.badResponse(source: sourceName, reason: "empty IMDSv2 token")
        }
        return token
    }

    /// GET `path` with the session token.
    private func get(_ path: String, token: String) async throws -> HTTPResponse {
        let request = HTTPRequest(method: "GET", url: try url(path),
                                  headers: [HTTPHeader("X-aws-ec2-metadata-token", token)])
        do {
            return try await transport.send(request, timeout: Self.timeout)
        } catch let error as TransportError {
            throw CredentialsError.unreachable(source: sourceName, reason: error.description)
        }
    }

    /// `badResponse` unless the status is 2xx.
    private func requireSuccess(_ response: HTTPResponse, path: String) throws(CredentialsError) {
        guard (200..<300).contains(response.status) else {
            throw .badResponse(source: sourceName, reason: "HTTP \(response.status) for \(path)")
        }
    }

    /// `endpoint` + `path` as a URL.
    private func url(_ path: String) throws(CredentialsError) -> URL {
        guard let url = URL(string: endpoint + path) else {
            throw .badResponse(source: sourceName, reason: "cannot build a URL for \(path)")
        }
        return url
    }
}
