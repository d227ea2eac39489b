/// The AWS operation a request calls, as the client that built the request knows it (soto-core's operation context):
/// it travels with the request (`HTTPRequest.operation`) through every `HTTPTransport`, so a transport that rate-limits
/// or counts calls reads it instead of parsing the signed request.
public struct AWSOperation: Sendable, Hashable {
    /// The service's signing name, the service of the SigV4 credential scope, e.g. `cognito-idp`, `sms-voice`.
    public var service: String
    /// The operation's API name, e.g. `DescribeUserPool`, `GetRole`, `PutObject`.
    public var name: String

    /// Names operation `name` of `service`.
    public init(service: String, name: String) {
        self.service = service
        self.name = name
    }
}
