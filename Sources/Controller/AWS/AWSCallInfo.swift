import AWSCore
import Foundation

/// Which AWS service and operation a signed request calls, and the rate-limit category it counts against.
public struct AWSCallInfo: Sendable, Equatable {
    /// Credential-scope service name, e.g. `cognito-idp`, `iam`.
    public let service: String
    /// Operation name, e.g. `DescribeUserPool`.
    public let operation: String

    /// Creates call info.
    public init(service: String, operation: String) {
        self.service = service
        self.operation = operation
    }

    /// Reads a signed request: the service from the SigV4 credential scope (`Credential=AKID/date/region/service/…`,
    /// else the `X-Amz-Target` prefix), the operation from `X-Amz-Target` (JSON protocols) or the `Action` form
    /// field (query protocols).
    public init(request: HTTPRequest) {
        let target = request.header("X-Amz-Target")
        service = Self.scopeService(request.header("Authorization"))
            ?? target.flatMap { $0.split(separator: ".").first.map(String.init) } ?? "unknown"
        if let target, let name = target.split(separator: ".").last {
            operation = String(name)
        } else {
            operation = Self.formAction(request.body) ?? "unknown"
        }
    }

    /// The rate-limit category, `<service>:<category>`: Cognito's quota categories (AWS-NOTES.md), and one
    /// shared `default` category per other service.
    public var category: String {
        guard service == "cognito-idp", let name = Self.cognitoCategories[operation] else { return "\(service):default" }
        return "cognito-idp:\(name)"
    }

    /// Every Cognito quota category smsauth's calls fall into.
    static var cognitoCategoryNames: Set<String> { Set(cognitoCategories.values) }

    /// Cognito user-pool operations by quota category.
    static let cognitoCategories: [String: String] = [
        "CreateUserPool": "UserPoolCreate",
        "DeleteUserPool": "UserPoolDelete",
        "DescribeUserPool": "UserPoolRead", "ListUserPools": "UserPoolRead", "GetUserPoolMfaConfig": "UserPoolRead",
        "ListTagsForResource": "UserPoolRead",
        "UpdateUserPool": "UserPoolUpdate", "SetUserPoolMfaConfig": "UserPoolUpdate", "TagResource": "UserPoolUpdate",
        "UntagResource": "UserPoolUpdate", "AddCustomAttributes": "UserPoolUpdate",
        "CreateUserPoolClient": "UserPoolClientCreate",
        "DescribeUserPoolClient": "UserPoolClientRead", "ListUserPoolClients": "UserPoolClientRead",
        "UpdateUserPoolClient": "UserPoolClientUpdate",
        "DeleteUserPoolClient": "UserPoolClientDelete",
    ]

    /// The service of a SigV4 `Authorization` header's credential scope.
    static func scopeService(_ authorization: String?) -> String? {
        guard let authorization, let range = authorization.range(of: "Credential=") else { return nil }
        let credential = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = credential.split(separator: "/")
        return parts.count >= 5 ? String(parts[3]) : nil
    }

    /// The `Action` field of a form-encoded body.
    static func formAction(_ body: Data) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&") where pair.hasPrefix("Action=") {
            return String(pair.dropFirst("Action=".count))
        }
        return nil
    }
}

/// What an AWS response says about the call: its error code and request id, read without decoding the answer.
public enum AWSResponseInfo {
    /// `OK` for 2xx; else the `x-amzn-ErrorType` header, the JSON `__type`, or the XML `<Code>`; else `HTTP<status>`.
    public static func errorCode(_ response: HTTPResponse) -> String {
        guard !(200..<300).contains(response.status) else { return "OK" }
        if let header = response.header("x-amzn-ErrorType"), let code = header.split(separator: ":").first {
            return String(code)
        }
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        if let type = between(text, "\"__type\":\"", "\"") ?? between(text, "\"__type\": \"", "\"") {
            return String(type.split(separator: "#").last ?? Substring(type))
        }
        return between(text, "<Code>", "</Code>") ?? "HTTP\(response.status)"
    }

    /// The request id header, if any.
    public static func requestId(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }

    /// The text between the first `start` and the next `end`.
    private static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start),
              let upper = text.range(of: end, range: lower.upperBound..<text.endIndex) else { return nil }
        let value = String(text[lower.upperBound..<upper.lowerBound])
        return value.isEmpty ? nil : value
    }
}
