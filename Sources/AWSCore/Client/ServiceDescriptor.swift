/// How a service's operations travel on the wire.
public enum WireProtocol: Sendable, Hashable {
    /// AWS JSON 1.0 or 1.1: POST `/`, `X-Amz-Target: <targetPrefix>.<Operation>`,
    /// `Content-Type: application/x-amz-json-<version>`.
    case json(version: String, targetPrefix: String)
    /// AWS query: form-encoded POST with `Action` and `Version`; XML responses.
    case query(apiVersion: String)
    /// REST-XML (S3): the operation is the method, path and query; errors are `<Error><Code/><Message/></Error>`.
    case restXML
}

/// What the client needs to know about one AWS service.
public struct ServiceDescriptor: Sendable, Hashable {
    /// The SDK service id, e.g. `Cognito Identity Provider`; gives the `AWS_ENDPOINT_URL_<SERVICE_ID>` variable name.
    public var serviceId: String
    /// Endpoint prefix, e.g. `cognito-idp` → `https://cognito-idp.{region}.amazonaws.com`.
    public var endpointPrefix: String
    /// SigV4 signing name (credential scope service), e.g. `sms-voice` for End User Messaging SMS.
    public var signingName: String
    /// Wire protocol.
    public var wireProtocol: WireProtocol
    /// For global services (IAM): the `aws` partition's host and signing region, used when no region is given
    /// (with a region, `EndpointTable` gives the partition's).
    public var global: GlobalEndpoint?

    /// A global service's single endpoint.
    public struct GlobalEndpoint: Sendable, Hashable {
        /// Host name, e.g. `iam.amazonaws.com`.
        public var host: String
        /// Region in the credential scope, e.g. `us-east-1`.
        public var signingRegion: String

        /// Creates a global endpoint.
        public init(host: String, signingRegion: String) {
            self.host = host
            self.signingRegion = signingRegion
        }
    }

    /// Creates a descriptor.
    public init(serviceId: String, endpointPrefix: String, signingName: String, wireProtocol: WireProtocol, global: GlobalEndpoint? = nil) {
        self.serviceId = serviceId
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.wireProtocol = wireProtocol
        self.global = global
    }

    /// The environment variable that overrides this service's endpoint: `AWS_ENDPOINT_URL_` + the service id
    /// upper-cased with spaces and dashes as underscores (the AWS SDKs' rule).
    public var endpointEnvironmentVariable: String {
        let suffix = serviceId.uppercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
        return "AWS_ENDPOINT_URL_" + String(suffix)
    }
}

extension ServiceDescriptor {
    /// AWS STS (query, regional endpoints). Lives here because the credential chain calls it.
    public static let sts = ServiceDescriptor(
        serviceId: "STS", endpointPrefix: "sts", signingName: "sts", wireProtocol: .query(apiVersion: "2011-06-15"))
}
