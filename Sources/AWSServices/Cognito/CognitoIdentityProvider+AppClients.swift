import AWSCore
import Foundation

extension CognitoIdentityProvider {
    /// An app client as ListUserPoolClients names it.
    public struct AppClientSummary: Sendable, Equatable {
        /// Client id.
        public var clientId: String
        /// Client name (unique only by convention).
        public var clientName: String
    }

    /// ListUserPoolClients, all pages.
    public func listUserPoolClients(poolId: String) async throws -> [AppClientSummary] {
        var clients: [AppClientSummary] = []
        var token: String?
        repeat {
            var input: [String: JSONValue] = ["UserPoolId": .string(poolId), "MaxResults": 60]
            if let token { input["NextToken"] = .string(token) }
            let output = try await call("ListUserPoolClients", .object(input))
            clients += (output["UserPoolClients"]?.arrayValue ?? []).compactMap { client in
                guard let id = client["ClientId"]?.stringValue else { return nil }
                return AppClientSummary(clientId: id, clientName: client["ClientName"]?.stringValue ?? "")
            }
            token = output["NextToken"]?.stringValue
        } while token != nil
        return clients
    }

    /// DescribeUserPoolClient; nil when it does not exist. The client secret is dropped here and never leaves.
    public func describeUserPoolClient(poolId: String, clientId: String) async throws -> AppClientDescription? {
        do {
            let output = try await call("DescribeUserPoolClient", ["UserPoolId": .string(poolId), "ClientId": .string(clientId)])
            return try AppClientDescription(output["UserPoolClient"])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// CreateUserPoolClient with a complete request object; not retried on ambiguous failures (it would
    /// create a second client). The answer's secret is dropped.
    public func createUserPoolClient(_ request: JSONValue) async throws -> AppClientDescription {
        let output = try await call("CreateUserPoolClient", request.withoutNulls, idempotency: .nonIdempotent)
        return try AppClientDescription(output["UserPoolClient"])
    }

    /// UpdateUserPoolClient with a complete request object (see `AppClientDescription.updateRequest()`).
    public func updateUserPoolClient(_ request: JSONValue) async throws {
        _ = try await call("UpdateUserPoolClient", request.withoutNulls)
    }

    /// DeleteUserPoolClient.
    public func deleteUserPoolClient(poolId: String, clientId: String) async throws {
        _ = try await call("DeleteUserPoolClient", ["UserPoolId": .string(poolId), "ClientId": .string(clientId)])
    }
}

/// An app client as Describe/Create answer it, verbatim except the client secret, which is removed on arrival.
public struct AppClientDescription: Sendable, Equatable {
    /// Every member AWS sent except `ClientSecret`.
    public let raw: [String: JSONValue]
    /// Whether the client has a secret (its value is never kept).
    public let hasSecret: Bool

    /// Errors reading a client.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The answer had no `UserPoolClient` with a `ClientId`.
        case missingClient

        /// Stable error code.
        public var code: String { "cognito.responseMissingClient" }

        /// What went wrong.
        public var description: String { "Cognito response has no UserPoolClient object with a ClientId" }
    }

    /// Reads a `UserPoolClientType` object, dropping the secret.
    public init(_ value: JSONValue?) throws {
        guard var members = value?.objectValue, members["ClientId"]?.stringValue != nil else { throw Failure.missingClient }
        hasSecret = members.removeValue(forKey: "ClientSecret") != nil
        raw = members
    }

    /// Client id.
    public var clientId: String { raw["ClientId"]?.stringValue ?? "" }
    /// Client name.
    public var clientName: String { raw["ClientName"]?.stringValue ?? "" }
    /// The pool it belongs to.
    public var userPoolId: String { raw["UserPoolId"]?.stringValue ?? "" }

    /// The members of UpdateUserPoolClientRequest (botocore cognito-idp 2016-04-18) besides the ids, which
    /// UpdateUserPoolClient resets to defaults when omitted.
    public static let updatableMembers: [String] = [
        "ClientName", "RefreshTokenValidity", "AccessTokenValidity", "IdTokenValidity", "TokenValidityUnits",
        "ReadAttributes", "WriteAttributes", "ExplicitAuthFlows", "SupportedIdentityProviders", "CallbackURLs",
        "LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient",
        "AnalyticsConfiguration", "PreventUserExistenceErrors", "EnableTokenRevocation",
        "EnablePropagateAdditionalUserContextData", "AuthSessionValidity", "RefreshTokenRotation",
    ]

    /// An UpdateUserPoolClientRequest that changes nothing: every updatable live value carried over verbatim.
    public func updateRequest() -> [String: JSONValue] {
        var request: [String: JSONValue] = ["UserPoolId": .string(userPoolId), "ClientId": .string(clientId)]
        for member in Self.updatableMembers {
            if let value = raw[member], value != .null { request[member] = value }
        }
        return request
    }
}
