import Foundation
import Synchronization

/// Where to send a service's requests and which region to sign them for.
public struct ResolvedEndpoint: Sendable, Equatable {
    /// Base URL (scheme, host, optional port and path).
    public let url: URL
    /// `url` with path `/` when it has none (endpoint overrides are usually given without a path): where JSON and
    /// query requests are posted. Worked out once here rather than on every request.
    public let rootURL: URL
    /// Region of the SigV4 credential scope.
    public let signingRegion: String
    /// Whether `url` comes from a configured override (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
    /// `endpoint_url`) rather than AWS's default; S3 then addresses buckets path-style, as the AWS CLI does.
    public let isConfigured: Bool

    /// Creates a resolved endpoint.
    public init(url: URL, signingRegion: String, isConfigured: Bool = false) {
        self.url = url
        self.rootURL = Self.rootURL(url)
        self.signingRegion = signingRegion
        self.isConfigured = isConfigured
    }

    /// `url` with path `/` when it has none.
    static func rootURL(_ url: URL) -> URL {
        guard url.path.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url
        }
        components.path = "/"
        return components.url ?? url
    }
}

/// Resolves service endpoints the way the AWS SDKs do, including the configured-endpoint overrides used to
/// point at an emulator, the partition of the region (`aws`, `aws-cn`, `aws-us-gov`, ...) and the FIPS and dual-stack
/// endpoint variants.
public struct EndpointResolver: Sendable {
    /// The process environment (the `AWS_ENDPOINT_URL*`, `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`,
    /// `AWS_USE_FIPS_ENDPOINT` and `AWS_USE_DUALSTACK_ENDPOINT` entries matter).
    private let environment: [String: String]
    /// `endpoint_url` of the active profile, if any.
    private let profileEndpointURL: String?
    /// `use_fips_endpoint` / `use_dualstack_endpoint` of the active profile, as written.
    private let profileVariants: (fips: String?, dualStack: String?)
    /// What `resolve` answered for each service and region: the answer depends on nothing else this value
    /// does not hold, and every AWS call asks (reading the environment and building URLs each time cost about 2 % of
    /// a dry run's CPU).
    private let answers = ResolvedEndpoints()

    /// environment: process environment; profileEndpointURL: `endpoint_url` of the active profile, if any;
    /// profileUseFIPSEndpoint / profileUseDualStackEndpoint: the profile's `use_fips_endpoint` / `use_dualstack_endpoint`.
    public init(environment: [String: String], profileEndpointURL: String? = nil, profileUseFIPSEndpoint: String? = nil,
                profileUseDualStackEndpoint: String? = nil) {
        self.environment = environment
        self.profileEndpointURL = profileEndpointURL
        profileVariants = (profileUseFIPSEndpoint, profileUseDualStackEndpoint)
    }

    /// Precedence (as the AWS SDKs): AWS_ENDPOINT_URL_<SERVICE_ID> > AWS_ENDPOINT_URL > profile endpoint_url > default.
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables every override. Empty values count as unset.
    /// The default is botocore's endpoint for the service in the region's partition (`EndpointTable`), in the FIPS
    /// and/or dual-stack variant when `AWS_USE_FIPS_ENDPOINT` / `AWS_USE_DUALSTACK_ENDPOINT` (else the profile's
    /// `use_fips_endpoint` / `use_dualstack_endpoint`) are `true`. Global services (IAM) use their partition's global
    /// endpoint and signing region; an empty region means the `aws` partition's.
    public func resolve(_ service: ServiceDescriptor, region: String) throws(EndpointError) -> ResolvedEndpoint {
        let key = ResolvedEndpoints.Key(service: service, region: region)
        if let known = answers.answer(for: key) { return try known.get() }
        let answer = Result { () throws(EndpointError) in try resolveUncached(service, region: region) }
        answers.record(answer, for: key)
        return try answer.get()
    }

    /// `resolve` without its memory.
    private func resolveUncached(_ service: ServiceDescriptor, region: String) throws(EndpointError) -> ResolvedEndpoint {
        if let override = configuredOverride(for: service) {
            guard let url = URL(string: override.value), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty, URLPort.isValid(in: url) else {
                throw .invalidEndpointURL(source: override.source)
            }
            return ResolvedEndpoint(url: url, signingRegion: try signingRegion(service, region: region),
                                    isConfigured: true)
        }
        let fips = try flag("AWS_USE_FIPS_ENDPOINT", profileKey: "use_fips_endpoint", profileValue: profileVariants.fips)
        let dualStack = try flag("AWS_USE_DUALSTACK_ENDPOINT", profileKey: "use_dualstack_endpoint",
                                 profileValue: profileVariants.dualStack)
        if region.isEmpty, let global = service.global, !fips, !dualStack {
            return ResolvedEndpoint(url: try httpsURL(host: global.host), signingRegion: global.signingRegion)
        }
        let region = try validRegion(region.isEmpty ? service.global?.signingRegion ?? "" : region)
        if let entry = EndpointTable.lookup(endpointPrefix: service.endpointPrefix, region: region, fips: fips,
                                            dualStack: dualStack) {
            guard let host = entry.host, let signing = entry.signingRegion else {
                throw .unsupportedVariant(service: service.endpointPrefix, region: region,
                                          variant: Self.variantName(fips: fips, dualStack: dualStack))
            }
            return ResolvedEndpoint(url: try httpsURL(host: host), signingRegion: signing)
        }
        let partition = EndpointTable.partition(of: region)
        let prefix = fips ? "\(service.endpointPrefix)-fips" : service.endpointPrefix
        let suffix = dualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix
        return ResolvedEndpoint(url: try httpsURL(host: "\(prefix).\(region).\(suffix)"), signingRegion: region)
    }

    /// A boolean endpoint switch: the environment variable, else the profile key; `true`/`false` in any case.
    private func flag(_ variable: String, profileKey: String, profileValue: String?) throws(EndpointError) -> Bool {
        guard let (source, value) = ConfiguredSetting.first([(variable, environment[variable]),
                                                             ("profile \(profileKey)", profileValue)]) else { return false }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidSetting(source: source, value: value)
        }
    }

    /// `fips`, `dual-stack` or `fips dual-stack`.
    private static func variantName(fips: Bool, dualStack: Bool) -> String {
        [fips ? "FIPS" : nil, dualStack ? "dual-stack" : nil].compactMap { $0 }.joined(separator: " ")
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
        if let global = service.global {
            guard !region.isEmpty else { return global.signingRegion }
            let standard = EndpointTable.lookup(endpointPrefix: service.endpointPrefix, region: try validRegion(region),
                                                fips: false, dualStack: false)
            return standard?.signingRegion ?? global.signingRegion
        }
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
    /// A configured endpoint URL is not an absolute http(s) URL with a valid port; `source` names the setting (never
    /// its value).
    case invalidEndpointURL(source: String)
    /// A regional service was asked for without a region.
    case missingRegion
    /// The region name has characters a region never has.
    case invalidRegion(String)
    /// An endpoint switch (`AWS_USE_FIPS_ENDPOINT`, `use_dualstack_endpoint`, ...) is neither `true` nor `false`.
    case invalidSetting(source: String, value: String)
    /// The service has no endpoint in the requested variant in the region's partition (e.g. S3 FIPS in China).
    case unsupportedVariant(service: String, region: String, variant: String)

    /// Stable code.
    public var code: String {
        switch self {
        case .invalidEndpointURL: "config.invalidEndpointURL"
        case .missingRegion: "config.missingRegion"
        case .invalidRegion: "config.invalidRegion"
        case .invalidSetting: "config.invalidEndpointSetting"
        case .unsupportedVariant: "config.unsupportedEndpointVariant"
        }
    }

    /// Human-readable description.
    public var description: String {
        switch self {
        case .invalidEndpointURL(let source):
            "\(code): \(source) is not an absolute http:// or https:// URL (with a port, if any, from 1 to 65535)"
        case .missingRegion:
            "\(code): no region configured (set AWS_REGION or region in the profile)"
        case .invalidRegion(let region):
            "\(code): \(region.debugDescription) is not a region name"
        case .invalidSetting(let source, let value):
            "\(code): \(source) is \(value.debugDescription); use true or false"
        case .unsupportedVariant(let service, let region, let variant):
            "\(code): \(service) has no \(variant) endpoint in \(region)'s partition; unset AWS_USE_FIPS_ENDPOINT / "
                + "AWS_USE_DUALSTACK_ENDPOINT (or the profile's use_fips_endpoint / use_dualstack_endpoint)"
        }
    }
}

/// The answers of one `EndpointResolver`, shared by its copies.
private final class ResolvedEndpoints: Sendable {
    /// A service in a region.
    struct Key: Hashable, Sendable {
        var service: ServiceDescriptor
        var region: String
    }

    /// The answers so far.
    private let answers = Mutex<[Key: Result<ResolvedEndpoint, EndpointError>]>([:])

    /// The recorded answer for `key`, if any.
    func answer(for key: Key) -> Result<ResolvedEndpoint, EndpointError>? {
        answers.withLock { $0[key] }
    }

    /// Records `answer` for `key`.
    func record(_ answer: Result<ResolvedEndpoint, EndpointError>, for key: Key) {
        answers.withLock { $0[key] = answer }
    }
}
