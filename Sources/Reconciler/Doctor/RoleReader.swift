import AWSServices

/// Reads an SMS role with every permission policy: the inline ones (ListRolePolicies, GetRolePolicy) and the
/// attached managed ones (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion).
struct RoleReader: Sendable {
    /// IAM.
    let iam: IAM

    /// The role named `name` (one GetRole), nil when it does not exist.
    func read(name: String) async -> DoctorFact<RoleSnapshot?> {
        do {
            guard let role = try await iam.getRole(name: name) else { return .success(nil) }
            return await read(role)
        } catch {
            return .failure(DoctorReadFailure(classifying: error))
        }
    }

    /// The policies of a role already read (by the SmsRole handler).
    func read(_ role: IAMRole) async -> DoctorFact<RoleSnapshot?> {
        do {
            var policies = try await iam.inlinePolicies(roleName: role.name).map { policy in
                RolePolicy(label: "inline policy \(policy.name)", document: policy.document)
            }
            for arn in try await iam.attachedPolicyArns(roleName: role.name).sorted() {
                if let document = try await iam.managedPolicyDocument(arn: arn) {
                    policies.append(RolePolicy(label: "attached policy \(arn)", document: document))
                }
            }
            return .success(RoleSnapshot(name: role.name, arn: role.arn, trustPolicy: role.assumeRolePolicy,
                                         policies: policies))
        } catch {
            return .failure(DoctorReadFailure(classifying: error))
        }
    }

    /// The role name of a role ARN (`arn:aws:iam::123456789012:role/service-role/name` → `name`), nil when `arn`
    /// is not a role ARN.
    static func roleName(fromArn arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5].hasPrefix("role/") else { return nil }
        return parts[5].split(separator: "/").last.map(String.init)
    }
}
