import Foundation

/// Tries sources in order and returns the first credentials. A source that is not configured
/// (`CredentialsError.notConfigured`) is skipped; any other error stops the chain, because a source that is
/// configured but broken must not be silently replaced by another identity. When every source is skipped, one
/// `CredentialsError.noCredentials` lists each source and why.
public struct CredentialChain: CredentialProvider {
    /// `credential chain`.
    public let sourceName = "credential chain"
    /// The sources, in the order tried.
    public let providers: [any CredentialProvider]

    /// Creates a chain over `providers`.
    public init(providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// Credentials of the first configured source.
    public func credentials() async throws -> AWSCredentials {
        var tried: [CredentialSourceFailure] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let CredentialsError.notConfigured(source, reason) {
                tried.append(CredentialSourceFailure(source: source, reason: reason))
            }
        }
        throw CredentialsError.noCredentials(tried: tried)
    }

    /// The AWS SDK default chain: environment → web identity (`AWS_WEB_IDENTITY_TOKEN_FILE`) → profile
    /// (`profileFlag`, else `AWS_PROFILE`, else `default`) → container → EC2 instance metadata.
    /// With `profileFlag` the chain is that profile alone, as the AWS CLI does. STS calls go to the region
    /// `RegionResolver` finds (`regionFlag`, env, profile), else `us-east-1`.
    public static func make(environment: [String: String], profileFlag: String?, regionFlag: String? = nil,
                            sharedConfig: SharedConfig, transport: any HTTPTransport, sts: any STSCredentialsService,
                            now: @escaping @Sendable () -> Date = { Date() }) -> CredentialChain {
        let regions = RegionResolver(environment: environment, regionFlag: regionFlag, profileFlag: profileFlag,
                                     sharedConfig: sharedConfig)
        let dependencies = CredentialDependencies(environment: environment, transport: transport, sts: sts,
                                                  stsRegion: regions.region ?? "us-east-1", now: now)
        let explicitProfile = !(profileFlag ?? "").isEmpty
        let namedProfile = explicitProfile || !(environment["AWS_PROFILE"] ?? "").isEmpty
        let profile = ProfileCredentialProvider(profileName: regions.profileName, explicit: namedProfile,
                                                sharedConfig: sharedConfig, dependencies: dependencies)
        if explicitProfile { return CredentialChain(providers: [profile]) }
        return CredentialChain(providers: [
            EnvironmentCredentialProvider(environment: environment),
            deferred("web identity", now: now) { () throws(CredentialsError) in
                try WebIdentityCredentialProvider.fromEnvironment(dependencies)
            },
            profile,
            deferred("container", now: now) { () throws(CredentialsError) in
                try ContainerCredentialProvider(environment: environment, transport: transport)
            },
            deferred("EC2 instance metadata", now: now) { () throws(CredentialsError) in
                try InstanceMetadataCredentialProvider(environment: environment, transport: transport)
            },
        ])
    }

    /// A source built now, whose temporary credentials are cached and refreshed, or its set-up error.
    private static func deferred(
        _ name: String, now: @escaping @Sendable () -> Date,
        build: () throws(CredentialsError) -> any CredentialProvider
    ) -> DeferredCredentialProvider {
        let resolved = Result { () throws(CredentialsError) -> any CredentialProvider in
            RefreshingCredentialProvider(wrapping: try build(), now: now)
        }
        return DeferredCredentialProvider(sourceName: name, resolved: resolved)
    }
}
