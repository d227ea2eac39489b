import AWSCore
import Foundation
import Logging

/// The STS calls of the credential chain (AssumeRole, AssumeRoleWithWebIdentity) over the AWS client.
/// Each call builds a client around the credentials it must be signed with, so the chain can use it before any
/// credentials of its own exist.
public struct STSCredentialsClient: STSCredentialsService {
    /// Endpoint resolution (honours `AWS_ENDPOINT_URL_STS`).
    public let endpoints: EndpointResolver
    /// HTTP transport.
    public let transport: any HTTPTransport
    /// Logger for the calls.
    public let logger: Logger

    /// Creates the service.
    public init(endpoints: EndpointResolver, transport: any HTTPTransport, logger: Logger) {
        self.endpoints = endpoints
        self.transport = transport
        self.logger = logger
    }

    /// Errors reading STS credentials.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The answer had no complete `Credentials` element.
        case missingCredentials(operation: String)

        /// Stable error code.
        public var code: String { "sts.missingCredentials" }

        /// What went wrong.
        public var description: String {
            switch self {
            case let .missingCredentials(operation): return "STS \(operation) answered without complete Credentials"
            }
        }
    }

    /// `sts:AssumeRole` signed with `sourceCredentials`.
    public func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?,
                           sourceCredentials: any CredentialProvider, region: String) async throws -> AWSCredentials {
        var parameters = QueryParameters()
        parameters.set("RoleArn", roleArn)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("ExternalId", externalId)
        parameters.set("DurationSeconds", durationSeconds)
        let client = AWSClient(credentials: sourceCredentials, endpoints: endpoints, transport: transport,
                               signer: SigV4Signer(), logger: logger)
        let result = try await client.query(.sts, region: region, action: "AssumeRole", parameters: parameters)
        return try Self.credentials(in: result, operation: "AssumeRole")
    }

    /// `sts:AssumeRoleWithWebIdentity`, unsigned as AWS expects (the token authenticates the call).
    public func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String,
                                          region: String) async throws -> AWSCredentials {
        var parameters = QueryParameters()
        parameters.set("RoleArn", roleArn)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("WebIdentityToken", webIdentityToken)
        let anonymous = StaticCredentialProvider(sourceName: "anonymous", credentials: AWSCredentials(accessKeyId: "", secretAccessKey: ""))
        let client = AWSClient(credentials: anonymous, endpoints: endpoints, transport: transport,
                               signer: UnsignedRequestSigner(), logger: logger)
        let result = try await client.query(.sts, region: region, action: "AssumeRoleWithWebIdentity", parameters: parameters)
        return try Self.credentials(in: result, operation: "AssumeRoleWithWebIdentity")
    }

    /// Reads `<Credentials>` (AccessKeyId, SecretAccessKey, SessionToken, Expiration) from a result element.
    static func credentials(in result: XMLElement, operation: String) throws -> AWSCredentials {
        guard let accessKeyId = result.value("Credentials", "AccessKeyId"),
              let secret = result.value("Credentials", "SecretAccessKey") else {
            throw Failure.missingCredentials(operation: operation)
        }
        let expiration = result.value("Credentials", "Expiration").flatMap(Self.parseTimestamp)
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                              sessionToken: result.value("Credentials", "SessionToken"), expiration: expiration)
    }

    /// ISO 8601 timestamps, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
