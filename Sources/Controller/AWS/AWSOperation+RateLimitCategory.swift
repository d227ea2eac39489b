import AWSCore

extension AWSOperation {
    /// What the controller's rate limits and metrics count a request as when it carries no operation: the credential
    /// chain's requests to the instance metadata and container endpoints (`unknown:default`).
    static let unidentified = AWSOperation(service: "unknown", name: "unknown")

    /// The rate-limit category, `<service>:<category>`: Cognito's documented quota categories, and one
    /// shared `default` category per other service.
    public var rateLimitCategory: String {
        guard service == "cognito-idp", let category = Self.cognitoCategories[name] else { return "\(service):default" }
        return "cognito-idp:\(category)"
    }

    /// Every Cognito quota category smsauth's calls fall into.
    static var cognitoCategoryNames: Set<String> { Set(cognitoCategories.values) }

    /// Every category a call to one of `services` (signing names) can fall into: each service's `default`,
    /// Cognito's quota categories and the credential endpoints' `unknown:default`.
    public static func rateLimitCategories(services: [String]) -> Set<String> {
        Set((services + [unidentified.service]).map { "\($0):default" })
            .union(cognitoCategoryNames.map { "cognito-idp:\($0)" })
    }

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
}
