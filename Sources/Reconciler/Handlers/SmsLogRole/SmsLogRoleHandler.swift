import AWSServices
import Manifests

/// The SmsLogRole kind: the IAM role Amazon SNS assumes to write SMS delivery-status logs to CloudWatch Logs, named by
/// an SmsAccountSettings' `spec.deliveryStatus.role`.
///
/// Everything but the documents is as for SmsRole (`OwnedRoleIAM`, `OwnedRolePlan`): identity is the role name plus
/// smsauth's ownership tags; smsauth owns the whole trust policy (`sns.amazonaws.com` may `sts:AssumeRole`) and the
/// inline policy `smsauth-sns-delivery-logs` (the CloudWatch Logs actions SNS needs); description, maximum session
/// and permissions boundary are managed only when the manifest sets them; `roleName` and `path` are immutable (a
/// change is refused, or replaces the role with `policy.onImmutableChange: Recreate`, and the new ARN flows into the
/// account settings through the `arn` output); tags are added or corrected with TagRole, never removed.
struct SmsLogRoleHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .smsLogRole }

    /// The old role is deleted once the resources naming it have moved to the new one.
    var retiresAfterDependents: Bool { true }

    /// The `SmsLogRole` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> SmsLogRoleSpec? {
        if case .smsLogRole(let role) = spec { role } else { nil }
    }

    /// The role's noun in log lines.
    static let noun = "SMS log role"

    /// Creates the handler.
    init() {}

    /// Reads every target's role. Calls per resource: one GetRole (by the role name recorded in status, else the
    /// manifest's), plus one GetRolePolicy of `smsauth-sns-delivery-logs` when the role exists. Only when the
    /// recorded role is gone or no longer ours and the manifest names another role is that name read too (one more
    /// GetRole).
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SmsLogRoleLive>] {
        let iam = context.iam
        let owner = context.owner
        let states = try await targets.concurrentMap(limit: context.readConcurrency) { target in
            let desiredName = Self.spec(target.desired)?.roleName.value
            return (target.address, try await OwnedRoleIAM.read(target, desiredName: desiredName, iam: iam, owner: owner) {
                try await Self.withPolicy($0, iam: iam)
            })
        }
        return Dictionary(states) { first, _ in first }
    }

    /// `role` with its inline policy `smsauth-sns-delivery-logs` (one GetRolePolicy).
    static func withPolicy(_ role: IAMRole, iam: IAM) async throws -> SmsLogRoleLive {
        SmsLogRoleLive(role: role, deliveryLogsPolicy: try await iam.getRolePolicy(
            roleName: role.name, policyName: SmsLogRoleDocuments.policyName))
    }

    /// `arn` and `roleName`.
    func outputs(of live: SmsLogRoleLive) -> [String: String] {
        ["arn": live.role.arn, "roleName": live.role.name]
    }

    /// The ARN the role will have (`arn:<partition>:iam::<account>:role<path><name>`) and its name, so the account
    /// settings naming it can plan before it exists.
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard let spec = Self.spec(desired) else { return [:] }
        let fields = SmsLogRoleFields(spec, address: desired.address, owner: nil)
        return ["arn": fields.arn(account: account, partition: partition), "roleName": fields.roleName]
    }

    /// Compares the manifest with the role (`SmsLogRoleFields`), through `OwnedRolePlan`.
    func plan(_ input: PlanInput<SmsLogRoleLive>) throws(PlanError) -> ResourceChange {
        guard let spec = Self.spec(input.desired) else {
            return try StandardPlan(desired: [:], live: nil).change(for: input)
        }
        let fields = SmsLogRoleFields(spec, address: input.address, owner: input.options.owner)
        return try OwnedRolePlan(
            input: input, fields: fields, desired: fields.desiredValues, live: { fields.liveValues($0) },
            replacementConsequence: "the role gets a new ARN, and the account SMS settings naming it are updated to the new one",
            outage: "SNS cannot write delivery-status logs until the account settings are updated").change()
    }

    /// Same role name (IAM role names are unique in an account).
    func claims(_ desired: DesiredResource, live: SmsLogRoleLive,
                references: [ResourceAddress: [String: String]]) -> Bool {
        OwnedRoleClaim.claims(desired, roleNamed: live.role.name)
    }
}
