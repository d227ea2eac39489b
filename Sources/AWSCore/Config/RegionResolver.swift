/// Where the resolved region came from.
public enum RegionSource: String, Sendable, Equatable {
    /// The `--region` flag.
    case flag = "--region"
    /// `AWS_REGION`.
    case awsRegion = "AWS_REGION"
    /// `AWS_DEFAULT_REGION`.
    case awsDefaultRegion = "AWS_DEFAULT_REGION"
    /// The active profile's `region`.
    case profile = "profile"
}

/// Resolves the default region and the active profile's `endpoint_url` the way the AWS CLI does:
/// `--region`, then `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the active profile's `region`.
public struct RegionResolver: Sendable, Equatable {
    /// The active profile: `--profile`, else `AWS_PROFILE`, else `default`.
    public let profileName: String
    /// The resolved region, nil when none is configured anywhere.
    public let region: String?
    /// Where `region` came from, nil when `region` is nil.
    public let source: RegionSource?
    /// The active profile's `endpoint_url` (for `EndpointResolver(environment:profileEndpointURL:)`).
    public let profileEndpointURL: String?
    /// The active profile's `use_fips_endpoint` and `use_dualstack_endpoint`, as written (for `EndpointResolver`).
    public let profileUseFIPSEndpoint: String?, profileUseDualStackEndpoint: String?
    /// The active profile's `ca_bundle` (a PEM file of extra certificate authorities).
    public let profileCABundle: String?

    /// Resolves from explicit inputs; never reads the process environment itself.
    public init(environment: [String: String], regionFlag: String?, profileFlag: String?, sharedConfig: SharedConfig) {
        profileName = SharedConfig.activeProfileName(environment: environment, profileFlag: profileFlag)
        let profile = sharedConfig.profile(named: profileName)
        profileEndpointURL = profile?.endpointURL
        profileUseFIPSEndpoint = profile?["use_fips_endpoint"]
        profileUseDualStackEndpoint = profile?["use_dualstack_endpoint"]
        profileCABundle = profile?["ca_bundle"]
        let candidates: [(String?, RegionSource)] = [
            (regionFlag, .flag),
            (environment["AWS_REGION"], .awsRegion),
            (environment["AWS_DEFAULT_REGION"], .awsDefaultRegion),
            (profile?.region, .profile),
        ]
        let found = candidates.first { value, _ in value.map { !$0.isEmpty } ?? false }
        region = found?.0
        source = found?.1
    }
}
