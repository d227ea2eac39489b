import Foundation

/// Where to send a service's requests and which region to sign them for.
public struct ResolvedEndpoint: Sendable, Equatable {
    /// Base URL (scheme, host, optional port and path).
    public var url: URL
    /// Region of the SigV4 credential scope.
    public var signingRegion: String
    /// Whether `url` comes from a configured override (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
    /// `endpoint_url`) rather than AWS's default; S3 then addresses buckets path-style, as the AWS CLI does.
    public var isConfigured: Bool

    /// Creates a resolved endpoint.
    public init(url: URL, signingRegion: String, isConfigured: Bool = false) {
        self.url = url
        self.signingRegion = signingRegion
        self.isConfigured = isConfigured
    }
}

/// Resolves service endpoints the way the AWS SDKs do, including the configured-endpoint overrides used to
/// point at an emulator.
public struct EndpointResolver: Sendable {
    /// The process environment (only the `AWS_ENDPOINT_URL*` and `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` entries matter).
    private let environment: [String: String]
    /// `endpoint_url` of the active profile, if any.
    private let profileEndpointURL: String?

    /// environment: process environment; profileEndpointURL: `endpoint_url` of the active profile, if any.
    public init(environment: [String: String], profileEndpointURL: String? = nil) {
        self.environment = environment
        self.profileEndpointURL = profileEndpointURL
    }

    /// Precedence (as the AWS SDKs): AWS_ENDPOINT_URL_<SERVICE_ID> > AWS_ENDPOINT_URL > profile endpoint_url > default
    /// (`https://{endpointPrefix}.{region}.amazonaws.com`; global services use their host and signing region).
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables every override. Empty values count as unset.
    /// A global service is always signed for its global signing region.
    public func resolve(_ service: ServiceDescriptor, region: String) throws(EndpointError) -> ResolvedEndpoint {
        if let override = configuredOverride(for: service) {
            guard let url = URL(string: override.value), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
                throw .invalidEndpointURL(source: override.source)
            }
            return ResolvedEndpoint(url: url, signingRegion: try signingRegion(service, region: region),
                                    isConfigured: true)
        }
        if let global = service.global {
            return ResolvedEndpoint(url: try httpsURL(host: global.host), signingRegion: global.signingRegion)
        }
        let region = try validRegion(region)
        return ResolvedEndpoint(url: try httpsURL(host: "\(service.endpointPrefix).\(region).amazonaws.com"),
                                signingRegion: region)
    }

    /// The first configured override and where it came from, unless overrides are switched off.
    private func configuredOverride(for service: ServiceDescriptor) -> (source: String, value: String)? {
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true" { return nil }
        let candidates: [(String, String?)] = [
            (service.endpointEnvironmentVariable, environment[service.endpointEnvironmentVariable]),
            ("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]),
            ("profile endpoint_url", profileEndpointURL),
        ]
        for (source, value) in candidates {
            if let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return (source, value) }
        }
        return nil
    }

    /// The signing region: the global one for global services, else the (validated) region.
    private func signingRegion(_ service: ServiceDescriptor, region: String) throws(EndpointError) -> String {
        if let global = service.global { return global.signingRegion }
        return try validRegion(region)
    }

    /// `region` when it is a plausible region name (lower-case letters, digits, dashes), so it is safe in a host.
    private func validRegion(_ region: String) throws(EndpointError) -> String {
        guard !region.isEmpty else { throw .missingRegion }
        let allowed = region.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed else { throw .invalidRegion(region) }
        return region
    }

    /// `https://host`.
    private func httpsURL(host: String) throws(EndpointError) -> URL {
        guard let url = URL(string: "https://\(host)") else { throw .invalidEndpointURL(source: "default endpoint") }
        return url
    }
}

/// Why no endpoint could be resolved.
public enum EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configured endpoint URL is not an absolute http(s) URL; `source` names the setting (never its value).
    case invalidEndpointURL(source: String)
    /// A regional service was asked for without a region.
    case missingRegion
    /// The region name has characters a region never has.
    case invalidRegion(String)

    /// Stable code.
    public var code: String {
        switch self {
        case .invalidEndpointURL: "config.invalidEndpointURL"
        case .missingRegion: "config.missingRegion"
        case .invalidRegion: "config.invalidRegion"
        }
    }

    /// Human-readable description.
    public var description: String {
        switch self {
        case .invalidEndpointURL(let source):
            "\(code): \(source) is not an absolute http:// or https:// URL"
        case .missingRegion:
            "\(code): no region configured (set AWS_REGION or region in the profile)"
        case .invalidRegion(let region):
            "\(code): \(region.debugDescription) is not a region name"
        }
    }
}
