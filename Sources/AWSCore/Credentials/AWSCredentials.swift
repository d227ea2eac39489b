import Foundation

/// AWS credentials: an access key pair and, for temporary credentials, a session token and expiry.
/// `description` never shows the secret or the token.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    /// Access key id (`AKIA…` or `ASIA…`).
    public var accessKeyId: String
    /// Secret access key. Never log it.
    public var secretAccessKey: String
    /// Session token of temporary credentials. Never log it.
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// Redacted description: the access key id only.
    public var description: String { "AWSCredentials(accessKeyId: \(accessKeyId), secret: <redacted>)" }
}

/// A source of credentials (environment, profile, STS, container, IMDS, or a chain of them).
public protocol CredentialProvider: Sendable {
    /// A short name for error messages, e.g. `environment` or `profile dev (~/.aws/credentials)`.
    var sourceName: String { get }
    /// Returns valid credentials, refreshing temporary ones before they expire.
    func credentials() async throws -> AWSCredentials
}
