/// Fixed credentials, e.g. the keys of a profile.
public struct StaticCredentialProvider: CredentialProvider {
    /// Where the keys came from, e.g. `profile dev`.
    public let sourceName: String
    /// The credentials returned on every call.
    let fixed: AWSCredentials

    /// Creates a provider returning `credentials`.
    public init(sourceName: String, credentials: AWSCredentials) {
        self.sourceName = sourceName
        fixed = credentials
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> AWSCredentials { fixed }
}
