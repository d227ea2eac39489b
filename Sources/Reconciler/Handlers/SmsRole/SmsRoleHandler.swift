import AWSServices
import Manifests

/// The SmsRole kind: the IAM role Cognito assumes to send SMS, through SNS or End User Messaging SMS (`spec.service`).
///
/// Identity is the role name plus smsauth's ownership tags. smsauth owns the whole trust policy and the inline
/// policy granting its service (`smsauth-sns-publish` or `smsauth-sms-voice-send`; the other is removed);
/// description, maximum session duration and permissions boundary are managed only when the manifest sets them.
/// `roleName` and `path` are immutable (a change is refused, or replaces the role with
/// `policy.onImmutableChange: Recreate`, and the new ARN flows into pools through the `arn` output).
///
/// Tags: the manifest's tags and the ownership tags are added or corrected with TagRole. smsauth never calls
/// UntagRole: status files record ids only, so it cannot prove it set a key that has left the manifest, and a tag
/// it cannot prove it set may belong to someone else. A tag removed from the manifest stays on the role, unmanaged.
struct SmsRoleHandler: ResourceHandler {

    /// The kind handled.
    var kind: ResourceKind { .smsRole }

    /// The old role is deleted once the resources naming it have moved to the new one.
    var retiresAfterDependents: Bool { true }

    /// The `SmsRole` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> SmsRoleSpec? {
        if case .smsRole(let role) = spec { role } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Reads every target's role. Calls per resource: one GetRole (by the role name recorded in status, else the
    /// manifest's), plus one GetRolePolicy (the grant policy of the manifest's service, `smsauth-sns-publish` or
    /// `smsauth-sms-voice-send`) when the role exists: GetRole + GetRolePolicy. When that policy is missing, the other
    /// service's is read too (a role switching services), one more GetRolePolicy.
    /// Only when the recorded role is gone or no longer ours and the manifest names another role is that name
    /// read too (one more GetRole). There is no list call: ListRoles returns no tags, and the names are known.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SmsRoleLive>] {
        let iam = context.iam
        let owner = context.owner
        let states = try await targets.concurrentMap(limit: context.readConcurrency) { target in
            (target.address, try await Self.read(target, iam: iam, owner: owner))
        }
        return Dictionary(states) { first, _ in first }
    }

    /// Reads one target (`OwnedRoleIAM.read`) with the grant policies of the manifest's service (`withGrants`).
    static func read(_ target: ReadTarget, iam: IAM, owner: String?) async throws -> LiveState<SmsRoleLive> {
        let desiredSpec = spec(target.desired)
        let service = desiredSpec?.service?.value ?? .sns
        return try await OwnedRoleIAM.read(target, desiredName: desiredSpec?.roleName.value, iam: iam, owner: owner) {
            try await withGrants($0, service: service, iam: iam)
        }
    }

    /// `role` with the inline policy granting `service` (one GetRolePolicy) and, only when that one is missing, the
    /// policy granting the other service (a second GetRolePolicy).
    static func withGrants(_ role: IAMRole, service: SmsService, iam: IAM) async throws -> SmsRoleLive {
        let wanted = try await iam.getRolePolicy(roleName: role.name, policyName: SmsRoleDocuments.grantName(service))
        let otherName = SmsRoleDocuments.otherGrantName(service)
        let other = wanted == nil ? try await iam.getRolePolicy(roleName: role.name, policyName: otherName) : nil
        return service == .sns ? SmsRoleLive(role: role, publishPolicy: wanted, sendPolicy: other)
                               : SmsRoleLive(role: role, publishPolicy: other, sendPolicy: wanted)
    }

    /// `arn`, `roleName` and `externalId` (the trust policy's single `sts:ExternalId`, when it has exactly one).
    func outputs(of live: SmsRoleLive) -> [String: String] {
        var values = ["arn": live.role.arn, "roleName": live.role.name]
        values["externalId"] = SmsRoleDocuments.externalId(in: live.role.assumeRolePolicy)
        return values
    }

    /// The ARN the role will have (`arn:<partition>:iam::<account>:role<path><name>`), its name and external id, so pools
    /// can plan before the role exists.
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard let spec = Self.spec(desired) else { return [:] }
        let fields = SmsRoleFields(spec, address: desired.address, account: account, owner: nil)
        return ["arn": fields.arn(account: account, partition: partition), "roleName": fields.roleName, "externalId": fields.externalId]
    }

    /// Compares the manifest with the role (see `SmsRoleFields.liveValues` for how each field is read).
    func plan(_ input: PlanInput<SmsRoleLive>) throws(PlanError) -> ResourceChange {
        guard let spec = Self.spec(input.desired) else {
            return try StandardPlan(desired: [:], live: nil).change(for: input)
        }
        let fields = SmsRoleFields(spec, address: input.address, account: input.options.account, owner: input.options.owner)
        return try OwnedRolePlan(
            input: input, fields: fields, desired: fields.desiredValues,
            live: { fields.liveValues($0) },
            replacementConsequence: "the role gets a new ARN, and every user pool using it is updated to the new one",
            outage: "pools using it cannot send SMS until they are updated").change()
    }
}
