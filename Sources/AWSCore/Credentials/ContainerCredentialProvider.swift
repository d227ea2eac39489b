import Foundation

/// Credentials from the ECS / EKS Pod Identity container endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
/// (on `http://169.254.170.2`) or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with an optional `Authorization` header
/// from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on every call) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: CredentialProvider {
    /// `container`.
    public let sourceName = "container"
    /// The credentials URL.
    public let url: URL
    /// Literal authorization token, if configured.
    let authorizationToken: String?
    /// Authorization token file, if configured (takes precedence over the literal token).
    let authorizationTokenFile: String?
    /// HTTP.
    let transport: any HTTPTransport

    /// ECS task credentials host for relative URIs.
    static let ecsHost = "http://169.254.170.2"
    /// Hosts allowed over plain http besides loopback addresses (as botocore enforces).
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"]
    /// Per-request timeout.
    static let timeout: Duration = .seconds(2)

    /// Reads the `AWS_CONTAINER_*` variables. `notConfigured` when neither URI is set; `invalidEnvironment` for a
    /// malformed URI; `endpointNotAllowed` for a FULL_URI host the SDKs refuse.
    public init(environment: [String: String], transport: any HTTPTransport) throws(CredentialsError) {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let source = "container"
        if let relative = variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            guard let url = URL(string: Self.ecsHost + path) else {
                throw .invalidEnvironment(source: source,
                                          reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not a valid path")
            }
            self.url = url
        } else if let full = variable("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            guard let url = URL(string: full), let scheme = url.scheme?.lowercased(),
                  let host = url.host, !host.isEmpty else {
                throw .invalidEnvironment(source: source,
                                          reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a valid URL")
            }
            guard Self.isAllowed(scheme: scheme, host: host) else {
                throw .endpointNotAllowed(source: source, host: host)
            }
            self.url = url
        } else {
            throw .notConfigured(source: source, reason: "AWS_CONTAINER_CREDENTIALS_* not set")
        }
        authorizationToken = variable("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        authorizationTokenFile = variable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
        self.transport = transport
    }

    /// https anywhere; http only to loopback addresses and the ECS/EKS link-local hosts.
    static func isAllowed(scheme: String, host: String) -> Bool {
        if scheme == "https" { return true }
        guard scheme == "http" else { return false }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return allowedHTTPHosts.contains(bare) || isLoopback(bare)
    }

    /// `127.0.0.0/8` or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }

    /// GETs the credentials JSON.
    public func credentials() async throws -> AWSCredentials {
        var request = HTTPRequest(method: "GET", url: url)
        if let token = try authorization() { request.setHeader("Authorization", token) }
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: Self.timeout)
        } catch let error as TransportError {
            throw CredentialsError.unreachable(source: sourceName, reason: error.description)
        }
        guard (200..<300).contains(response.status) else {
            throw CredentialsError.badResponse(source: sourceName,
                                               reason: "HTTP \(response.status) from \(url.absoluteString)")
        }
        return try MetadataCredentialsDocument.credentials(from: response.body, source: sourceName)
    }

    /// The Authorization header value, file first; a value with a line break is refused.
    private func authorization() throws(CredentialsError) -> String? {
        let token: String?
        if let file = authorizationTokenFile {
            token = try TokenFile.read(file, source: sourceName)
        } else {
            token = authorizationToken
        }
        if let token, token.contains(where: \.isNewline) {
            throw .invalidEnvironment(source: sourceName, reason: "container authorization token contains a line break")
        }
        return token
    }
}
