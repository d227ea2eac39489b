/// A source whose set-up was checked when the chain was built: it either delegates to the provider it built or
/// throws the set-up error (e.g. `notConfigured`) on every call.
public struct DeferredCredentialProvider: CredentialProvider {
    /// The source's name.
    public let sourceName: String
    /// The built provider or why it could not be built.
    let resolved: Result<any CredentialProvider, CredentialsError>

    /// Creates a provider from the outcome of building the source.
    public init(sourceName: String, resolved: Result<any CredentialProvider, CredentialsError>) {
        self.sourceName = sourceName
        self.resolved = resolved
    }

    /// Delegates to the built provider, or throws the set-up error.
    public func credentials() async throws -> AWSCredentials {
        try await resolved.get().credentials()
    }
}
