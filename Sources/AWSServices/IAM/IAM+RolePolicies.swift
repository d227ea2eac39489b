import AWSCore

/// Reading every permission policy of a role (what `smsauth doctor` checks): the attached managed policies with their
/// documents, and the inline ones with theirs.
extension IAM {
    /// ListAttachedRolePolicies: ARNs of every managed policy attached to `roleName` (all pages).
    public func attachedPolicyArns(roleName: String) async throws -> [String] {
        var arns: [String] = []
        var marker: String?
        repeat {
            var parameters = QueryParameters()
            parameters.set("RoleName", roleName)
            parameters.set("Marker", marker)
            let result = try await client.query(.iam, region: region, action: "ListAttachedRolePolicies",
                                                parameters: parameters)
            arns += result.members("AttachedPolicies").compactMap { $0.value("PolicyArn") }
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return arns
    }

    /// The default version's document of the managed policy `arn` (GetPolicy, then GetPolicyVersion); nil when
    /// the policy is gone.
    public func managedPolicyDocument(arn: String) async throws -> PolicyDocument? {
        do {
            var parameters = QueryParameters()
            parameters.set("PolicyArn", arn)
            let policy = try await client.query(.iam, region: region, action: "GetPolicy", parameters: parameters)
            guard let version = policy.value("Policy", "DefaultVersionId") else { return nil }
            parameters.set("VersionId", version)
            let result = try await client.query(.iam, region: region, action: "GetPolicyVersion",
                                                parameters: parameters)
            return try result.value("PolicyVersion", "Document").map { try PolicyDocument(text: $0) }
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// Every inline policy of `roleName` with its document (ListRolePolicies, then GetRolePolicy each).
    public func inlinePolicies(roleName: String) async throws -> [(name: String, document: PolicyDocument)] {
        var policies: [(name: String, document: PolicyDocument)] = []
        for name in try await listRolePolicies(roleName: roleName).sorted() {
            if let document = try await getRolePolicy(roleName: roleName, policyName: name) {
                policies.append((name, document))
            }
        }
        return policies
    }
}
