import AWSCore
import Foundation

/// IAM, with only the role operations the SmsRole kind needs. IAM is global per partition: `region` only picks the
/// partition, whose global endpoint and signing region the endpoint resolver chooses (us-east-1 in `aws`,
/// us-gov-west-1 in `aws-us-gov`, cn-north-1 in `aws-cn`).
public struct IAM: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Any region of the partition the roles live in.
    public let region: String

    /// Creates the IAM client for the partition of `region` (the `aws` partition by default).
    public init(client: AWSClient, region: String = IAM.defaultRegion) {
        self.client = client
        self.region = region
    }

    /// What CreateRole needs.
    public struct CreateRoleInput: Sendable, Equatable {
        /// Role name (immutable).
        public var roleName: String
        /// Path, `/` by default (immutable).
        public var path: String
        /// Trust policy.
        public var assumeRolePolicy: PolicyDocument
        /// Description.
        public var description: String?
        /// Maximum session duration in seconds.
        public var maxSessionDuration: Int?
        /// Permissions boundary policy ARN.
        public var permissionsBoundaryArn: String?
        /// Tags, including smsauth's ownership tags.
        public var tags: [String: String]

        /// Creates the input.
        public init(roleName: String, path: String = "/", assumeRolePolicy: PolicyDocument, description: String? = nil,
                    maxSessionDuration: Int? = nil, permissionsBoundaryArn: String? = nil, tags: [String: String] = [:]) {
            self.roleName = roleName
            self.path = path
            self.assumeRolePolicy = assumeRolePolicy
            self.description = description
            self.maxSessionDuration = maxSessionDuration
            self.permissionsBoundaryArn = permissionsBoundaryArn
            self.tags = tags
        }
    }

    /// GetRole; nil when the role does not exist (`NoSuchEntity`).
    public func getRole(name: String) async throws -> IAMRole? {
        var parameters = QueryParameters()
        parameters.set("RoleName", name)
        do {
            let result = try await client.query(.iam, region: region, action: "GetRole", parameters: parameters)
            return try IAMRole(xml: result.child("Role"))
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// CreateRole. Not retried on ambiguous failures (a second CreateRole answers `EntityAlreadyExists`).
    public func createRole(_ input: CreateRoleInput) async throws -> IAMRole {
        var parameters = QueryParameters()
        parameters.set("RoleName", input.roleName)
        parameters.set("Path", input.path)
        parameters.set("AssumeRolePolicyDocument", input.assumeRolePolicy.json)
        parameters.set("Description", input.description)
        parameters.set("MaxSessionDuration", input.maxSessionDuration)
        parameters.set("PermissionsBoundary", input.permissionsBoundaryArn)
        parameters.setTags("Tags", input.tags.isEmpty ? nil : input.tags)
        let result = try await client.query(.iam, region: region, action: "CreateRole",
                                            parameters: parameters, idempotency: .nonIdempotent)
        return try IAMRole(xml: result.child("Role"))
    }

    /// UpdateAssumeRolePolicy: replaces the trust policy.
    public func updateAssumeRolePolicy(roleName: String, policy: PolicyDocument) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyDocument", policy.json)
        _ = try await client.query(.iam, region: region, action: "UpdateAssumeRolePolicy", parameters: parameters)
    }

    /// UpdateRole: description and maximum session duration.
    public func updateRole(roleName: String, description: String?, maxSessionDuration: Int?) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("Description", description)
        parameters.set("MaxSessionDuration", maxSessionDuration)
        _ = try await client.query(.iam, region: region, action: "UpdateRole", parameters: parameters)
    }

    /// PutRolePolicy: creates or replaces an inline policy.
    public func putRolePolicy(roleName: String, policyName: String, policy: PolicyDocument) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyName", policyName)
        parameters.set("PolicyDocument", policy.json)
        _ = try await client.query(.iam, region: region, action: "PutRolePolicy", parameters: parameters)
    }

    /// GetRolePolicy; nil when the role has no inline policy of that name.
    public func getRolePolicy(roleName: String, policyName: String) async throws -> PolicyDocument? {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyName", policyName)
        do {
            let result = try await client.query(.iam, region: region, action: "GetRolePolicy", parameters: parameters)
            return try PolicyDocument(text: result.value("PolicyDocument") ?? "")
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// ListRolePolicies: names of every inline policy (all pages).
    public func listRolePolicies(roleName: String) async throws -> [String] {
        var names: [String] = []
        var marker: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("RoleName", roleName)
            parameters.set("Marker", marker)
            let result = try await client.query(.iam, region: region, action: "ListRolePolicies", parameters: parameters)
            names += result.members("PolicyNames").map(\.text)
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return names
    }

    /// DeleteRolePolicy.
    public func deleteRolePolicy(roleName: String, policyName: String) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PolicyName", policyName)
        _ = try await client.query(.iam, region: region, action: "DeleteRolePolicy", parameters: parameters)
    }

    /// PutRolePermissionsBoundary, or DeleteRolePermissionsBoundary when `arn` is nil.
    public func setPermissionsBoundary(roleName: String, arn: String?) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.set("PermissionsBoundary", arn)
        let action = arn == nil ? "DeleteRolePermissionsBoundary" : "PutRolePermissionsBoundary"
        _ = try await client.query(.iam, region: region, action: action, parameters: parameters)
    }

    /// TagRole.
    public func tagRole(roleName: String, tags: [String: String]) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        parameters.setTags("Tags", tags)
        _ = try await client.query(.iam, region: region, action: "TagRole", parameters: parameters)
    }

    /// DeleteRole (inline policies must be deleted first).
    public func deleteRole(roleName: String) async throws {
        var parameters = QueryParameters()
        parameters.set("RoleName", roleName)
        _ = try await client.query(.iam, region: region, action: "DeleteRole", parameters: parameters)
    }

    /// The region used when no region is configured: the `aws` partition's IAM signing region.
    public static let defaultRegion = "us-east-1"
}
