import Testing
@testable import AWSCore

/// Region precedence and the active profile endpoint URL.
@Suite struct RegionResolverTests {
    static let config = """
        [default]
        region = profile-default
        [profile dev]
        region = profile-dev
        endpoint_url = http://127.0.0.1:4566
        """

    @Test(arguments: [
        ("flag", ["AWS_REGION": "env", "AWS_DEFAULT_REGION": "env-default"], nil, "flag", RegionSource.flag),
        (nil, ["AWS_REGION": "env", "AWS_DEFAULT_REGION": "env-default"], nil, "env", .awsRegion),
        (nil, ["AWS_DEFAULT_REGION": "env-default"], nil, "env-default", .awsDefaultRegion),
        (nil, ["AWS_REGION": ""], nil, "profile-default", .profile),
        (nil, [:], "dev", "profile-dev", .profile),
        (nil, ["AWS_PROFILE": "dev"], nil, "profile-dev", .profile),
    ] as [(String?, [String: String], String?, String, RegionSource)])
    func precedence(flag: String?, environment: [String: String], profileFlag: String?, region: String,
                    source: RegionSource) throws {
        let resolver = RegionResolver(environment: environment, regionFlag: flag, profileFlag: profileFlag,
                                      sharedConfig: try Fixture.sharedConfig(config: Self.config))
        #expect(resolver.region == region)
        #expect(resolver.source == source)
    }

    @Test func nilWhenNothingConfigured() throws {
        let resolver = RegionResolver(environment: [:], regionFlag: nil, profileFlag: "ghost",
                                      sharedConfig: try Fixture.sharedConfig(config: Self.config))
        #expect(resolver.region == nil)
        #expect(resolver.source == nil)
        #expect(resolver.profileName == "ghost")
        #expect(resolver.profileEndpointURL == nil)
    }

    @Test func exposesActiveProfileEndpointURL() throws {
        let resolver = RegionResolver(environment: ["AWS_PROFILE": "dev"], regionFlag: nil, profileFlag: nil,
                                      sharedConfig: try Fixture.sharedConfig(config: Self.config))
        #expect(resolver.profileName == "dev")
        #expect(resolver.profileEndpointURL == "http://127.0.0.1:4566")
    }

    /// The active profile's FIPS and dual-stack switches reach the endpoint resolver as written.
    @Test func exposesActiveProfileEndpointSwitches() throws {
        let config = "[profile gov]\nregion = us-gov-west-1\nuse_fips_endpoint = true\nuse_dualstack_endpoint = false\n"
        let resolver = RegionResolver(environment: [:], regionFlag: nil, profileFlag: "gov",
                                      sharedConfig: try Fixture.sharedConfig(config: config))
        #expect(resolver.profileUseFIPSEndpoint == "true")
        #expect(resolver.profileUseDualStackEndpoint == "false")
        let none = RegionResolver(environment: ["AWS_PROFILE": "dev"], regionFlag: nil, profileFlag: nil,
                                  sharedConfig: try Fixture.sharedConfig(config: Self.config))
        #expect(none.profileUseFIPSEndpoint == nil && none.profileUseDualStackEndpoint == nil)
    }
}
