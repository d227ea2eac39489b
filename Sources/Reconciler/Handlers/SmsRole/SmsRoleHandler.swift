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
public struct SmsRoleHandler: ResourceHandler {

    /// The kind handled.
    public var kind: ResourceKind { .smsRole }

    /// Creates the handler.
    public init() {}

    /// Reads every target's role. Calls per resource: one GetRole (by the role name recorded in status, else the
    /// manifest's), plus one GetRolePolicy (the grant policy of the manifest's service, `smsauth-sns-publish` or
    /// `smsauth-sms-voice-send`) when the role exists: GetRole + GetRolePolicy. When that policy is missing, the other
    /// service's is read too (a role switching services), one more GetRolePolicy.
    /// Only when the recorded role is gone or no longer ours and the manifest names another role is that name
    /// read too (one more GetRole). There is no list call: ListRoles returns no tags, and the names are known.
    public func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SmsRoleLive>] {
        let iam = context.iam
        let owner = context.owner
        let states = try await targets.concurrentMap(limit: context.readConcurrency) { target in
            (target.address, try await Self.read(target, iam: iam, owner: owner))
        }
        return Dictionary(states) { first, _ in first }
    }

    /// Reads one target: the recorded role when it is still this owner's, else the role at the manifest's name
    /// (for a removed manifest, the recorded role), classified by its tags (`LiveState.classified`).
    static func read(_ target: ReadTarget, iam: IAM, owner: String?) async throws -> LiveState<SmsRoleLive> {
        let desiredSpec: SmsRoleSpec? = if case .smsRole(let spec) = target.desired?.manifest.spec { spec } else { nil }
        let desiredName = desiredSpec?.roleName.value
        let service = desiredSpec?.service?.value ?? .sns
        var names: [String] = []
        for name in [target.status?.resource["roleName"], desiredName].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        var found: IAMRole?
        for name in names {
            guard let role = try await iam.getRole(name: name) else { continue }
            if OwnershipTags.claim(role.tags, as: target.address, owner: owner) == .mine {
                return .owned(try await withGrants(role, service: service, iam: iam))
            }
            if name == desiredName || target.desired == nil { found = role }
        }
        guard let found else { return .absent }
        return .classified(try await withGrants(found, service: service, iam: iam), tags: found.tags, as: target.address, owner: owner)
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
    public func outputs(of live: SmsRoleLive) -> [String: String] {
        var values = ["arn": live.role.arn, "roleName": live.role.name]
        values["externalId"] = SmsRoleDocuments.externalId(in: live.role.assumeRolePolicy)
        return values
    }

    /// The ARN the role will have (`arn:<partition>:iam::<account>:role<path><name>`), its name and external id, so pools
    /// can plan before the role exists.
    public func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard let fields = SmsRoleFields(desired, account: account, owner: nil) else { return [:] }
        return ["arn": fields.arn(account: account, partition: partition), "roleName": fields.roleName, "externalId": fields.externalId]
    }

    /// Compares the manifest with the role (see `SmsRoleFields.liveValues` for how each field is read).
    public func plan(_ input: PlanInput<SmsRoleLive>) throws(PlanError) -> ResourceChange {
        guard let desired = input.desired else { return try StandardPlan(desired: [:], live: nil).change(for: input) }
        guard let fields = SmsRoleFields(desired, account: input.options.account, owner: input.options.owner) else {
            return try ResourceChange(address: input.address, action: .refuse,
                                      reason: SmsRoleError.notAnSmsRole(input.address).description)
        }
        let live = input.live.value
        if case .foreign(let role) = input.live, fields.adopt != nil, !fields.adopts(role.role) {
            return try ResourceChange(
                address: input.address, action: .refuse,
                reason: "spec.adopt names '\(fields.adopt ?? "")' but the role named \(role.role.name) is \(role.role.arn); set spec.adopt to that name or ARN to manage it",
                dependencies: desired.dependencies)
        }
        let standard = StandardPlan(
            desired: fields.desiredValues, live: live.map { fields.liveValues($0, account: input.options.account) },
            immutable: SmsRoleFields.immutablePaths,
            replacementConsequence: "the role gets a new ARN, and every user pool using it is updated to the new one",
            adoptsForeign: live.map { fields.adopts($0.role) } ?? false, foundId: live?.role.arn,
            createdWithout: SmsRoleFields.createdWithout)
        let change = try standard.change(for: input)
        guard change.action == .replace, let live, let reason = change.reason else { return change }
        let order = live.role.name == fields.roleName
            ? "the name stays the same, so the old role is deleted before the new one is created: pools using it cannot send SMS until they are updated"
            : "the new role is created first, then the old one is deleted"
        return try change.revised(fieldChanges: Self.withLostTags(change.fieldChanges, live: live.role, fields: fields),
                                  reason: "\(reason); \(order)")
    }

    /// A replacement's field changes with `tags` showing every tag of the old role (but AWS's reserved `aws:` ones)
    /// when it has tags the manifest never set: the new role is created with the manifest's tags only.
    static func withLostTags(_ changes: [FieldChange], live role: IAMRole, fields: SmsRoleFields) -> [FieldChange] {
        let kept = role.tags.filter { !$0.key.hasPrefix("aws:") }
        guard kept.keys.contains(where: { fields.tags[$0] == nil }) else { return changes }
        let tags = FieldChange(path: "tags", before: .map(kept.mapValues(PlanValue.string)),
                               after: .map(fields.tags.mapValues(PlanValue.string)))
        return (changes.filter { $0.path != "tags" } + [tags]).sorted { $0.path < $1.path }
    }
}
