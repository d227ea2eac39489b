/// An error answered by an AWS service, in any wire format (JSON `__type`, query or REST XML `<Error><Code>`).
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Service endpoint prefix, e.g. `cognito-idp`.
    public var service: String
    /// Operation name, e.g. `CreateUserPool`.
    public var operation: String
    /// Error code without namespace, e.g. `InvalidSmsRoleTrustRelationshipException`.
    public var code: String
    /// The service's message (may be empty).
    public var message: String
    /// HTTP status code.
    public var httpStatus: Int
    /// `x-amzn-RequestId` / `<RequestId>`, when the service sent one.
    public var requestId: String?
    /// Further facts of a REST-XML error: the `<Error>` body's other elements (S3: `BucketName`, `Region`,
    /// `Condition`, …) and the `x-amz-bucket-region` header as `BucketRegion`. Empty for other protocols.
    public var details: [String: String]

    /// Creates an error.
    public init(service: String, operation: String, code: String, message: String, httpStatus: Int,
                requestId: String? = nil, details: [String: String] = [:]) {
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.details = details
    }

    /// `service:Operation: Code: message (HTTP n, request id r)`.
    public var description: String {
        var text = "\(service):\(operation): \(code)"
        if !message.isEmpty { text += ": \(message)" }
        text += " (HTTP \(httpStatus)"
        if let requestId { text += ", request id \(requestId)" }
        return text + ")"
    }
}
