import AWSServices
import Manifests

/// An SmsLogRole manifest turned into what IAM should hold, and both sides as plan fields (manifest paths).
struct SmsLogRoleFields: OwnedRoleShape, Equatable {
    /// `spec.roleName`.
    let roleName: String
    /// `spec.path`, `/` when unset.
    let path: String
    /// `spec.description` (nil: unmanaged).
    let description: String?
    /// `spec.maxSessionDurationSeconds` (nil: unmanaged).
    let maxSessionDuration: Int?
    /// `spec.permissionsBoundaryArn` (nil: unmanaged).
    let permissionsBoundaryArn: String?
    /// `spec.adopt`.
    let adopt: String?
    /// The manifest's tags plus smsauth's ownership tags (with the owner's).
    let tags: [String: String]

    /// The fields of `spec`, the manifest of `address`, tagged for `owner`.
    init(_ spec: SmsLogRoleSpec, address: ResourceAddress, owner: String?) {
        roleName = spec.roleName.value
        path = spec.path?.value ?? "/"
        description = spec.description?.value
        maxSessionDuration = spec.maxSessionDurationSeconds?.value
        permissionsBoundaryArn = spec.permissionsBoundaryArn?.value
        adopt = spec.adopt?.value
        tags = (spec.tags?.value ?? [:]).merging(OwnershipTags.tags(for: address, owner: owner)) { _, ours in ours }
    }

    /// SNS's trust policy (the same for every log role).
    var trustPolicy: PolicyDocument { SmsLogRoleDocuments.trustPolicy }
    /// `smsauth-sns-delivery-logs`.
    var ownedPolicy: InlinePolicy { SmsLogRoleDocuments.ownedPolicy }
    /// None: the role has one inline policy of smsauth's.
    var retiredPolicyName: String? { nil }

    /// The managed fields by manifest path: `OwnedRoleValues.desired`, the trust policy and the inline policy.
    var desiredValues: [String: PlanValue] {
        OwnedRoleValues.desired(self).merging([
            "trustPolicy": SmsRoleDocuments.planValue(trustPolicy),
            "deliveryLogsPolicy": SmsRoleDocuments.planValue(ownedPolicy.document),
        ]) { _, own in own }
    }

    /// The same paths read from `live` (`deliveryLogsPolicy` is `null` when the role lacks it).
    func liveValues(_ live: SmsLogRoleLive) -> [String: PlanValue] {
        OwnedRoleValues.live(live.role, managing: self).merging([
            "trustPolicy": SmsRoleDocuments.planValue(live.role.assumeRolePolicy),
            "deliveryLogsPolicy": SmsRoleDocuments.planValue(live.deliveryLogsPolicy),
        ]) { _, own in own }
    }
}
