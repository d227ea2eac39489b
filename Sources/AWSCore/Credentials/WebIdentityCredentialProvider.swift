import Foundation

/// Temporary credentials from `sts:AssumeRoleWithWebIdentity` with a token read from a file on every refresh
/// (EKS IRSA and similar rotate the file).
public struct WebIdentityCredentialProvider: CredentialProvider {
    /// `web identity` from the environment, `profile NAME` from a profile.
    public let sourceName: String
    /// The role to assume.
    public let roleArn: String
    /// Fixed session name; nil means `smsauth-<epoch>` at each call.
    public let sessionName: String?
    /// File holding the OIDC token.
    public let tokenFilePath: String
    /// STS, region and clock.
    let dependencies: CredentialDependencies

    /// Creates a provider.
    public init(sourceName: String, roleArn: String, sessionName: String?, tokenFilePath: String,
                dependencies: CredentialDependencies) {
        self.sourceName = sourceName
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.tokenFilePath = tokenFilePath
        self.dependencies = dependencies
    }

    /// The provider configured by `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN` and `AWS_ROLE_SESSION_NAME`.
    /// `notConfigured` without a token file; `invalidEnvironment` with a token file but no role.
    public static func fromEnvironment(_ dependencies: CredentialDependencies)
        throws(CredentialsError) -> WebIdentityCredentialProvider {
        let name = "web identity"
        guard let tokenFile = dependencies.variable("AWS_WEB_IDENTITY_TOKEN_FILE") else {
            throw .notConfigured(source: name, reason: "AWS_WEB_IDENTITY_TOKEN_FILE not set")
        }
        guard let roleArn = dependencies.variable("AWS_ROLE_ARN") else {
            throw .invalidEnvironment(source: name,
                                      reason: "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")
        }
        return WebIdentityCredentialProvider(
            sourceName: name, roleArn: roleArn, sessionName: dependencies.variable("AWS_ROLE_SESSION_NAME"),
            tokenFilePath: tokenFile, dependencies: dependencies)
    }

    /// Reads the token and calls AssumeRoleWithWebIdentity.
    public func credentials() async throws -> AWSCredentials {
        let token = try TokenFile.read(tokenFilePath, source: sourceName)
        do {
            return try await dependencies.sts.assumeRoleWithWebIdentity(
                roleArn: roleArn, sessionName: sessionName ?? dependencies.defaultSessionName(),
                webIdentityToken: token, region: dependencies.stsRegion)
        } catch let error as CredentialsError {
            throw error
        } catch {
            throw CredentialsError.stsFailed(source: sourceName, roleArn: roleArn, reason: String(describing: error))
        }
    }
}

/// Reads small secret files (web identity and container authorization tokens).
enum TokenFile {
    /// The file's text without surrounding whitespace; `tokenFileUnreadable` when missing, unreadable or empty.
    static func read(_ path: String, source: String) throws(CredentialsError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .tokenFileUnreadable(source: source, path: path)
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .tokenFileUnreadable(source: source, path: path) }
        return token
    }
}
