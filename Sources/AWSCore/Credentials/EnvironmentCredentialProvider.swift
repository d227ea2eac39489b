/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optional `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    /// `environment`.
    public let sourceName = "environment"
    /// The variables to read.
    let environment: [String: String]

    /// Creates a provider over `environment`.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Returns the keys; `notConfigured` without an access key id, `invalidEnvironment` when it has no secret.
    public func credentials() async throws -> AWSCredentials {
        guard let accessKeyId = value("AWS_ACCESS_KEY_ID") else {
            throw CredentialsError.notConfigured(source: sourceName, reason: "AWS_ACCESS_KEY_ID not set")
        }
        guard let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw CredentialsError.invalidEnvironment(
                source: sourceName, reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                              sessionToken: value("AWS_SESSION_TOKEN"))
    }

    /// The variable's value, nil when unset or empty.
    private func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
