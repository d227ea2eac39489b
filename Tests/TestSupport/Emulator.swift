import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The local AWS emulator started by `scripts/test` (moto's server plus the project's extension), reached through
/// `SMSAUTH_EMULATOR_URL`. Tests that need it fail with a clear message when it is not running; they are never skipped.
public struct Emulator: Sendable {
    /// Base URL, e.g. `http://127.0.0.1:49152`.
    public let url: URL

    /// Errors talking to the emulator's control endpoint.
    public enum Failure: Error, CustomStringConvertible {
        /// `SMSAUTH_EMULATOR_URL` is not set.
        case notRunning
        /// The control endpoint answered with an unexpected status.
        case badStatus(path: String, status: Int, body: String)

        /// What went wrong and how to fix it.
        public var description: String {
            switch self {
            case .notRunning:
                return "SMSAUTH_EMULATOR_URL is not set: run the tests with scripts/test, which starts the local AWS emulator"
            case let .badStatus(path, status, body):
                return "emulator control \(path) answered HTTP \(status): \(body)"
            }
        }
    }

    /// An emulator principal: an IAM user with full permissions and its access key.
    public struct Principal: Codable, Sendable {
        /// Access key id.
        public var accessKeyId: String
        /// Secret access key.
        public var secretAccessKey: String
    }

    /// One AWS call the emulator received.
    public struct Call: Codable, Sendable, Equatable {
        /// Credential-scope service name, e.g. `cognito-idp`.
        public var service: String
        /// Operation name.
        public var operation: String
        /// HTTP status answered.
        public var status: Int
        /// The access key that signed it.
        public var accessKeyId: String?
        /// The injected fault, if any.
        public var fault: String?
        /// The number of the TCP connection that carried it (the emulator numbers the connections it accepts).
        public var connection: Int?

        /// A call as the emulator logs it.
        public init(service: String, operation: String, status: Int, accessKeyId: String? = nil, fault: String? = nil,
                    connection: Int? = nil) {
            self.service = service
            self.operation = operation
            self.status = status
            self.accessKeyId = accessKeyId
            self.fault = fault
            self.connection = connection
        }
    }

    /// A fault injection rule (see scripts/emulator/README.md).
    public struct FaultRule: Codable, Sendable {
        /// Service name or `*`.
        public var service: String
        /// Operation name or `*`.
        public var operation: String
        /// `throttle`, `error5xx` or `latency`.
        public var kind: String
        /// Fraction of matching calls affected.
        public var rate: Double
        /// Only calls signed with this key, when set.
        public var accessKeyId: String?
        /// At most this many injections, when set.
        public var count: Int?
        /// Added latency for `latency` rules.
        public var latencyMs: Int?

        /// Creates a rule.
        public init(service: String, operation: String = "*", kind: String, rate: Double = 1,
                    accessKeyId: String? = nil, count: Int? = nil, latencyMs: Int? = nil) {
            self.service = service
            self.operation = operation
            self.kind = kind
            self.rate = rate
            self.accessKeyId = accessKeyId
            self.count = count
            self.latencyMs = latencyMs
        }
    }

    /// The emulator named by `SMSAUTH_EMULATOR_URL`.
    public static func fromEnvironment() throws -> Emulator {
        guard let text = ProcessInfo.processInfo.environment["SMSAUTH_EMULATOR_URL"], let url = URL(string: text) else {
            throw Failure.notRunning
        }
        return Emulator(url: url)
    }

    /// A fresh principal, so this test's call log and faults are its own.
    public func newPrincipal() async throws -> Principal {
        try JSONDecoder().decode(Principal.self, from: try await control("POST", "principals"))
    }

    /// Calls made with `accessKeyId`, in order.
    public func calls(accessKeyId: String) async throws -> [Call] {
        let query = accessKeyId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? accessKeyId
        return try JSONDecoder().decode([Call].self, from: try await control("GET", "calls?accessKeyId=\(query)"))
    }

    /// Adds fault rules (deterministic with `seed`).
    public func injectFaults(_ rules: [FaultRule], seed: Int = 1) async throws {
        struct Body: Encodable { var rules: [FaultRule]; var seed: Int }
        _ = try await control("POST", "faults", body: try JSONEncoder().encode(Body(rules: rules, seed: seed)))
    }

    /// How scripts/test's "https" pass (`SMSAUTH_TEST_NETWORK=https-proxy`) reaches the shared emulator: its HTTPS
    /// listener, trusting the test CA, through the pass's counting proxy.
    public struct SecureNetwork: Sendable {
        /// The emulator's HTTPS URL (`SMSAUTH_EMULATOR_TLS_URL`).
        public let url: String
        /// The test CA's PEM file (`SMSAUTH_TEST_CA_BUNDLE`).
        public let caBundle: String
        /// The counting proxy (`SMSAUTH_TEST_PROXY_URL`).
        public let proxy: String
    }

    /// In the "https" pass, how AWS calls reach this emulator (only the shared one, `SMSAUTH_EMULATOR_URL`; an
    /// emulator a test starts for itself is reached directly); nil otherwise.
    public var secureNetwork: SecureNetwork? {
        let process = ProcessInfo.processInfo.environment
        guard process["SMSAUTH_TEST_NETWORK"] == "https-proxy", process["SMSAUTH_EMULATOR_URL"] == url.absoluteString,
              let tls = process["SMSAUTH_EMULATOR_TLS_URL"], let ca = process["SMSAUTH_TEST_CA_BUNDLE"],
              let proxy = process["SMSAUTH_TEST_PROXY_URL"] else { return nil }
        return SecureNetwork(url: tls, caBundle: ca, proxy: proxy)
    }

    /// The environment that points the AWS SDK conventions (and smsauth) at the emulator with `principal`'s keys:
    /// over HTTPS through the proxy in the "https" pass (`secureNetwork`), else plain HTTP.
    public func environment(for principal: Principal, region: String = "us-east-1") -> [String: String] {
        if let secure = secureNetwork {
            return plainEnvironment(for: principal, region: region).merging([
                "AWS_ENDPOINT_URL": secure.url, "AWS_CA_BUNDLE": secure.caBundle, "HTTPS_PROXY": secure.proxy,
            ]) { $1 }
        }
        return plainEnvironment(for: principal, region: region)
    }

    /// `environment(for:region:)` over plain HTTP, directly.
    private func plainEnvironment(for principal: Principal, region: String) -> [String: String] {
        [
            "AWS_ENDPOINT_URL": url.absoluteString,
            "AWS_ACCESS_KEY_ID": principal.accessKeyId,
            "AWS_SECRET_ACCESS_KEY": principal.secretAccessKey,
            "AWS_REGION": region,
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
    }

    /// Sends one control request and returns the body of a 2xx answer.
    @discardableResult
    public func control(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        guard let target = URL(string: "/_smsauth/\(path)", relativeTo: url) else { throw Failure.notRunning }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw Failure.badStatus(path: path, status: status, body: String(decoding: data, as: UTF8.self))
        }
        return data
    }
}
