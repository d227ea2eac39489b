import Foundation
import Testing
@testable import AWSCore

/// Tests of EndpointResolver.
@Suite struct EndpointResolverTests {
    /// Cognito's own endpoint variable.
    private static let service = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"

    /// Service variable > AWS_ENDPOINT_URL > profile > default; empty values unset; the ignore switch.
    @Test(arguments: [
        ([String: String](), String?.none, "https://cognito-idp.eu-west-1.amazonaws.com"),
        ([:], "http://127.0.0.1:7000", "http://127.0.0.1:7000"),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:6000"], "http://127.0.0.1:7000", "http://127.0.0.1:6000"),
        ([service: "http://127.0.0.1:5000", "AWS_ENDPOINT_URL": "http://127.0.0.1:6000"], "http://127.0.0.1:7000",
         "http://127.0.0.1:5000"),
        ([service: "", "AWS_ENDPOINT_URL": "http://127.0.0.1:6000"], nil, "http://127.0.0.1:6000"),
        (["AWS_ENDPOINT_URL_SNS": "http://127.0.0.1:5000"], nil, "https://cognito-idp.eu-west-1.amazonaws.com"),
        ([service: "http://127.0.0.1:5000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"], "http://127.0.0.1:7000",
         "https://cognito-idp.eu-west-1.amazonaws.com"),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:6000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"], nil,
         "http://127.0.0.1:6000"),
    ])
    func precedence(environment: [String: String], profile: String?, expected: String) throws {
        let resolver = EndpointResolver(environment: environment, profileEndpointURL: profile)
        let endpoint = try resolver.resolve(TestServices.cognito, region: "eu-west-1")
        let isDefault = expected.hasPrefix("https://cognito-idp.")
        #expect(endpoint == ResolvedEndpoint(url: try #require(URL(string: expected)), signingRegion: "eu-west-1",
                                             isConfigured: !isDefault))
    }

    /// Global services use their host and signing region.
    @Test func globalServicesUseTheirHostAndSigningRegion() throws {
        let defaults = try EndpointResolver(environment: [:]).resolve(TestServices.iam, region: "eu-west-1")
        #expect(defaults.url.absoluteString == "https://iam.amazonaws.com")
        #expect(defaults.signingRegion == "us-east-1")
        let overridden = try EndpointResolver(environment: ["AWS_ENDPOINT_URL_IAM": "http://127.0.0.1:5000"])
            .resolve(TestServices.iam, region: "")
        #expect(overridden.url.absoluteString == "http://127.0.0.1:5000")
        #expect(overridden.signingRegion == "us-east-1")
    }

    /// Missing or unsafe regions and unusable override URLs are typed errors.
    @Test(arguments: [
        ([String: String](), "", EndpointError.missingRegion),
        ([:], "eu-west-1.evil.com/", .invalidRegion("eu-west-1.evil.com/")),
        (["AWS_ENDPOINT_URL": "127.0.0.1:5000"], "eu-west-1", .invalidEndpointURL(source: "AWS_ENDPOINT_URL")),
        ([service: "ftp://host"], "eu-west-1", .invalidEndpointURL(source: service)),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:99999"], "eu-west-1", .invalidEndpointURL(source: "AWS_ENDPOINT_URL")),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:99999999999999999999999"], "eu-west-1",
         .invalidEndpointURL(source: "AWS_ENDPOINT_URL")),
        ([service: "https://[::1]:0"], "eu-west-1", .invalidEndpointURL(source: service)),
    ])
    func errors(environment: [String: String], region: String, expected: EndpointError) {
        #expect(throws: expected) {
            try EndpointResolver(environment: environment).resolve(TestServices.cognito, region: region)
        }
        #expect(!expected.code.isEmpty)
    }
}
