import AWSCore
import Foundation

/// Amazon Cognito user pools, with only the operations smsauth's kinds need. Requests and answers are kept as
/// verbatim JSON (`JSONValue`) so that fields smsauth does not manage travel back unchanged: Cognito's Update*
/// operations reset every omitted field to its default.
public struct CognitoIdentityProvider: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region.
    public let region: String

    /// Creates the client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// A pool as ListUserPools names it.
    public struct UserPoolSummary: Sendable, Equatable {
        /// Pool id, e.g. `us-east-1_AbCdEf123`.
        public var id: String
        /// Pool name (not unique).
        public var name: String
    }

    /// ListUserPools, all pages.
    public func listUserPools() async throws -> [UserPoolSummary] {
        var pools: [UserPoolSummary] = []
        var token: String?
        repeat {
            var input: [String: JSONValue] = ["MaxResults": 60]
            if let token { input["NextToken"] = .string(token) }
            let output = try await call("ListUserPools", .object(input))
            pools += (output["UserPools"]?.arrayValue ?? []).compactMap { pool in
                guard let id = pool["Id"]?.stringValue else { return nil }
                return UserPoolSummary(id: id, name: pool["Name"]?.stringValue ?? "")
            }
            token = output["NextToken"]?.stringValue
        } while token != nil
        return pools
    }

    /// DescribeUserPool; nil when the pool does not exist.
    public func describeUserPool(id: String) async throws -> UserPoolDescription? {
        do {
            let output = try await call("DescribeUserPool", ["UserPoolId": .string(id)])
            return try UserPoolDescription(output["UserPool"])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// CreateUserPool with a complete CreateUserPoolRequest object. Never retried on ambiguous failures: a second
    /// CreateUserPool would create a second pool (pool names are not unique).
    public func createUserPool(_ request: JSONValue) async throws -> UserPoolDescription {
        let output = try await call("CreateUserPool", request.withoutNulls, idempotency: .nonIdempotent)
        return try UserPoolDescription(output["UserPool"])
    }

    /// UpdateUserPool with a complete UpdateUserPoolRequest object (see `UserPoolDescription.updateRequest()`).
    public func updateUserPool(_ request: JSONValue) async throws {
        _ = try await call("UpdateUserPool", request.withoutNulls)
    }

    /// DeleteUserPool.
    public func deleteUserPool(id: String) async throws {
        _ = try await call("DeleteUserPool", ["UserPoolId": .string(id)])
    }

    /// AddCustomAttributes: the only way to change a pool's schema (add-only).
    public func addCustomAttributes(poolId: String, attributes: [JSONValue]) async throws {
        _ = try await call("AddCustomAttributes", ["UserPoolId": .string(poolId), "CustomAttributes": .array(attributes)])
    }

    /// TagResource on a pool ARN.
    public func tagResource(arn: String, tags: [String: String]) async throws {
        _ = try await call("TagResource", ["ResourceArn": .string(arn), "Tags": .strings(tags)])
    }

    /// UntagResource on a pool ARN.
    public func untagResource(arn: String, keys: [String]) async throws {
        _ = try await call("UntagResource", ["ResourceArn": .string(arn), "TagKeys": .strings(keys.sorted())])
    }

    /// ListTagsForResource on a pool ARN.
    public func listTagsForResource(arn: String) async throws -> [String: String] {
        try await call("ListTagsForResource", ["ResourceArn": .string(arn)])["Tags"]?.stringMap ?? [:]
    }

    /// GetUserPoolMfaConfig: the pool's MFA mode and factors, verbatim.
    public func getUserPoolMfaConfig(poolId: String) async throws -> JSONValue {
        try await call("GetUserPoolMfaConfig", ["UserPoolId": .string(poolId)])
    }

    /// SetUserPoolMfaConfig: the only call that can turn MFA ON on an existing pool.
    public func setUserPoolMfaConfig(_ request: JSONValue) async throws -> JSONValue {
        try await call("SetUserPoolMfaConfig", request.withoutNulls)
    }

    /// One JSON call to Cognito in this region.
    func call(_ operation: String, _ input: JSONValue, idempotency: Idempotency = .idempotent) async throws -> JSONValue {
        try await client.json(.cognitoIdentityProvider, region: region, operation: operation, input: input,
                              idempotency: idempotency, as: JSONValue.self)
    }
}
