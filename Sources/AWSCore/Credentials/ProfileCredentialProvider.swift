/// Credentials from one named profile of the shared files: static keys, AssumeRole from a `source_profile` or a
/// `credential_source`, or AssumeRoleWithWebIdentity from a `web_identity_token_file`.
/// The profile is resolved once, when the provider is created; temporary credentials are cached and refreshed.
public struct ProfileCredentialProvider: CredentialProvider {
    /// `profile NAME`.
    public let sourceName: String
    /// The resolved source, or why the profile gives none.
    let resolved: Result<any CredentialProvider, CredentialsError>

    /// Resolves profile `name`. When `explicit` (named by `--profile` or `AWS_PROFILE`) a missing profile is
    /// `profileNotFound`; otherwise it is `notConfigured`, so a chain moves on.
    public init(profileName name: String, explicit: Bool, sharedConfig: SharedConfig,
                dependencies: CredentialDependencies) {
        sourceName = "profile \(name)"
        let resolver = ProfileCredentialResolver(config: sharedConfig, dependencies: dependencies)
        resolved = Result { () throws(CredentialsError) in try resolver.resolve(profileName: name, explicit: explicit) }
    }

    /// Credentials of the resolved source, or the resolution error.
    public func credentials() async throws -> AWSCredentials {
        try await resolved.get().credentials()
    }
}
