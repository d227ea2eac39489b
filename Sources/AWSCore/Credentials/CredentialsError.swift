/// One source a chain tried and why it gave no credentials.
public struct CredentialSourceFailure: Sendable, Equatable, CustomStringConvertible {
    /// The source's `sourceName`.
    public let source: String
    /// Why it is not configured, e.g. `AWS_ACCESS_KEY_ID not set`.
    public let reason: String

    /// Creates a failure record.
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    /// `source (reason)`.
    public var description: String { "\(source) (\(reason))" }
}

/// A failure to get AWS credentials. Messages never contain secrets or tokens.
public enum CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source is not set up here; a chain moves on to the next source.
    case notConfigured(source: String, reason: String)
    /// Every source of a chain was not configured.
    case noCredentials(tried: [CredentialSourceFailure])
    /// A profile named explicitly (`--profile`, `AWS_PROFILE`) is in neither shared file.
    case profileNotFound(profile: String, files: [String])
    /// `source_profile` references loop back, e.g. `a → b → a`.
    case profileCycle(profiles: [String])
    /// A profile is configured but cannot give credentials (missing source profile, partial keys, …).
    case invalidProfile(profile: String, reason: String)
    /// Environment variables select a source but are incomplete or invalid.
    case invalidEnvironment(source: String, reason: String)
    /// A token file (web identity, container authorization) cannot be read or is empty.
    case tokenFileUnreadable(source: String, path: String)
    /// `AWS_CONTAINER_CREDENTIALS_FULL_URI` points to a host the SDKs refuse.
    case endpointNotAllowed(source: String, host: String)
    /// The credentials endpoint answered, but not with usable credentials.
    case badResponse(source: String, reason: String)
    /// The credentials endpoint could not be reached.
    case unreachable(source: String, reason: String)
    /// STS refused or failed an AssumeRole / AssumeRoleWithWebIdentity call.
    case stsFailed(source: String, roleArn: String, reason: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .notConfigured: "credentials.notConfigured"
        case .noCredentials: "credentials.none"
        case .profileNotFound: "credentials.profileNotFound"
        case .profileCycle: "credentials.profileCycle"
        case .invalidProfile: "credentials.invalidProfile"
        case .invalidEnvironment: "credentials.invalidEnvironment"
        case .tokenFileUnreadable: "credentials.tokenFileUnreadable"
        case .endpointNotAllowed: "credentials.endpointNotAllowed"
        case .badResponse: "credentials.badResponse"
        case .unreachable: "credentials.endpointUnreachable"
        case .stsFailed: "credentials.stsFailed"
        }
    }

    /// Human-readable message.
    public var message: String {
        switch self {
        case let .notConfigured(source, reason):
            "\(source): \(reason)"
        case let .noCredentials(tried):
            "no AWS credentials found; tried: " + tried.map(\.description).joined(separator: ", ")
        case let .profileNotFound(profile, files):
            "profile \(profile) not found in \(files.joined(separator: " or "))"
        case let .profileCycle(profiles):
            "source_profile loop: " + profiles.joined(separator: " → ")
        case let .invalidProfile(profile, reason):
            "profile \(profile): \(reason)"
        case let .invalidEnvironment(source, reason):
            "\(source): \(reason)"
        case let .tokenFileUnreadable(source, path):
            "\(source): cannot read token file \(path) (missing, unreadable or empty)"
        case let .endpointNotAllowed(source, host):
            "\(source): AWS_CONTAINER_CREDENTIALS_FULL_URI host '\(host)' is not allowed; use https, a loopback "
                + "address, or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost"
        case let .badResponse(source, reason):
            "\(source): \(reason)"
        case let .unreachable(source, reason):
            "\(source): \(reason)"
        case let .stsFailed(source, roleArn, reason):
            "\(source): assuming role \(roleArn) failed: \(reason)"
        }
    }

    /// Same as `message`.
    public var description: String { message }
}
