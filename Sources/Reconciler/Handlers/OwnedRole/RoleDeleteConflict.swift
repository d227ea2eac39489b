/// A role smsauth would delete has managed policies attached outside smsauth. IAM deletes a role only once every
/// managed policy is detached, and smsauth never detaches a policy it did not attach; so nothing is touched (not even
/// the role's inline policies, which would leave a role still in use without its permissions) until they are
/// detached. Terminal: the same delete succeeds once someone detached them.
struct RoleDeleteConflict: ReconcileError, Equatable {
    /// The role.
    let roleName: String
    /// The ARNs of the attached managed policies.
    let policyArns: [String]

    /// Stable error code.
    var code: String { "role.managedPoliciesAttached" }

    /// What is attached and what to do.
    var message: String {
        "not deleted: IAM role '\(roleName)' has managed policies attached outside smsauth "
            + "(\(policyArns.joined(separator: ", "))); detach them (`aws iam detach-role-policy --role-name \(roleName) "
            + "--policy-arn ARN`) and reconcile again. The role and its inline policies were left as they are"
    }

    /// Needs someone to detach the policies.
    var isRetryable: Bool { false }
}
