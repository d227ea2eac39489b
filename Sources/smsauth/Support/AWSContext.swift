import AWSCore
import AWSServices
import Foundation
import Logging

/// Everything a command needs to call AWS, resolved once from the global options and the environment the way
/// the AWS CLI does: shared config files, the active profile, the region, endpoint overrides and the credential chain.
struct AWSContext: Sendable {
    /// The client every service goes through.
    let client: AWSClient
    /// The region for manifests that set none (`--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's).
    let defaultRegion: String?

    /// Resolves the context. Credentials are only fetched on the first AWS call. `wrapTransport` may wrap the
    /// HTTP transport every request (credentials included) goes through, e.g. with the controller's rate limiting.
    static func make(options: GlobalOptions, environment: [String: String], logger: Logger,
                     wrapTransport: (any HTTPTransport) -> any HTTPTransport = { $0 }) throws -> AWSContext {
        let shared = try SharedConfig.load(environment: environment)
        let regions = RegionResolver(environment: environment, regionFlag: options.region, profileFlag: options.profile,
                                     sharedConfig: shared)
        let endpoints = EndpointResolver(environment: environment, profileEndpointURL: regions.profileEndpointURL,
                                         profileUseFIPSEndpoint: regions.profileUseFIPSEndpoint,
                                         profileUseDualStackEndpoint: regions.profileUseDualStackEndpoint)
        let caBundle = environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 } ?? regions.profileCABundle
        let transport = wrapTransport(try HTTP1Transport(proxies: ProxySettings(environment: environment),
                                                                   caBundle: caBundle))
        let sts = STSCredentialsClient(endpoints: endpoints, transport: transport, logger: logger)
        let chain = CredentialChain.make(environment: environment, profileFlag: options.profile,
                                         regionFlag: options.region, sharedConfig: shared, transport: transport, sts: sts)
        let credentials = RefreshingCredentialProvider(wrapping: chain, now: { Date() })
        let retry = try RetrySettings.policy(environment: environment,
                                             profile: shared.profile(named: regions.profileName))
        let client = AWSClient(credentials: credentials, endpoints: endpoints, transport: transport,
                               signer: SigV4Signer(), retry: retry, logger: logger)
        return AWSContext(client: client, defaultRegion: regions.region)
    }
}
