import AWSCore
import AWSServices

/// The IAM reads the doctor needs beyond the SmsRole handler's: a role's attached managed policies and their
/// documents. IAM is global; calls are signed for us-east-1.
extension IAM {
    /// ListAttachedRolePolicies: ARNs of every managed policy attached to `roleName` (all pages).
    func attachedPolicyArns(roleName: String) async throws -> [String] {
        var arns: [String] = []
        var marker: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("RoleName", roleName)
            parameters.set("Marker", marker)
            let result = try await client.query(.iam, region: "us-east-1", action: "ListAttachedRolePolicies",
                                                parameters: parameters)
            arns += result.members("AttachedPolicies").compactMap { $0.value("PolicyArn") }
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return arns
    }

    /// The default version's document of the managed policy `arn` (GetPolicy, then GetPolicyVersion); nil when
    /// the policy is gone.
    func managedPolicyDocument(arn: String) async throws -> PolicyDocument? {
        do {
            var parameters = QueryParameters()
            parameters.set("PolicyArn", arn)
            let policy = try await client.query(.iam, region: "us-east-1", action: "GetPolicy", parameters: parameters)
            guard let version = policy.value("Policy", "DefaultVersionId") else { return nil }
            parameters.set("VersionId", version)
            let result = try await client.query(.iam, region: "us-east-1", action: "GetPolicyVersion",
                                                parameters: parameters)
            return try result.value("PolicyVersion", "Document").map { try PolicyDocument(text: $0) }
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// Every inline policy of `roleName` with its document (ListRolePolicies, then GetRolePolicy each).
    func inlinePolicies(roleName: String) async throws -> [(name: String, document: PolicyDocument)] {
        var policies: [(name: String, document: PolicyDocument)] = []
        for name in try await listRolePolicies(roleName: roleName).sorted() {
            if let document = try await getRolePolicy(roleName: roleName, policyName: name) {
                policies.append((name, document))
            }
        }
        return policies
    }
}
