import Foundation

/// What credential sources need from outside: environment variables, HTTP, STS, the STS region and a clock.
/// Passed explicitly so nothing reads the process environment or the network behind the caller's back.
public struct CredentialDependencies: Sendable {
    /// Environment variables (the process environment in production, a dictionary in tests).
    public var environment: [String: String]
    /// Transport for the container and instance metadata endpoints.
    public var transport: any HTTPTransport
    /// STS calls for assume-role and web identity sources.
    public var sts: any STSCredentialsService
    /// Region STS calls are sent to.
    public var stsRegion: String
    /// Current time, for refresh decisions and default session names.
    public var now: @Sendable () -> Date

    /// Creates dependencies.
    public init(environment: [String: String], transport: any HTTPTransport, sts: any STSCredentialsService,
                stsRegion: String, now: @escaping @Sendable () -> Date) {
        self.environment = environment
        self.transport = transport
        self.sts = sts
        self.stsRegion = stsRegion
        self.now = now
    }

    /// The value of environment variable `name`, nil when unset or empty.
    func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// `smsauth-<epoch seconds>`, the session name used when none is configured.
    func defaultSessionName() -> String {
        "smsauth-\(Int(now().timeIntervalSince1970))"
    }
}
