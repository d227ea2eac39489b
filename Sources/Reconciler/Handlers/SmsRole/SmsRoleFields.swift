import AWSServices
import Manifests

/// An SmsRole manifest turned into what IAM should hold, and both sides as plan fields (manifest paths).
struct SmsRoleFields: OwnedRoleShape, Equatable {
    /// Paths IAM cannot change in place (a change replaces the role).
    static let immutablePaths = OwnedRoleValues.immutablePaths

    /// `spec.roleName`.
    let roleName: String
    /// `spec.path`, `/` when unset.
    let path: String
    /// `spec.externalId`.
    let externalId: String
    /// `spec.service` (`sns` when unset).
    let service: SmsService
    /// The inline policy granting `service` (name and document).
    let grant: SmsRoleDocuments.Grant
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
    /// The run's account, which the trust policy names.
    let account: String
    /// The trust policy for `externalId` and `account`.
    let trustPolicy: PolicyDocument

    /// The fields of `spec`, the manifest of `address`, tagged for `owner`.
    init(_ spec: SmsRoleSpec, address: ResourceAddress, account: String, owner: String?) {
        roleName = spec.roleName.value
        path = spec.path?.value ?? "/"
        externalId = spec.externalId.value
        service = spec.service?.value ?? .sns
        grant = SmsRoleDocuments.grant(service, account: account)
        description = spec.description?.value
        maxSessionDuration = spec.maxSessionDurationSeconds?.value
        permissionsBoundaryArn = spec.permissionsBoundaryArn?.value
        adopt = spec.adopt?.value
        tags = (spec.tags?.value ?? [:]).merging(OwnershipTags.tags(for: address, owner: owner)) { _, ours in ours }
        self.account = account
        trustPolicy = SmsRoleDocuments.trustPolicy(externalId: externalId, account: account)
    }

    /// The grant of the role's service.
    var ownedPolicy: InlinePolicy { grant }

    /// The grant of the other service: removed once the role's own is in place (a service switch).
    var retiredPolicyName: String? { SmsRoleDocuments.otherGrantName(service) }

    /// The managed fields by manifest path: `OwnedRoleValues.desired`, the external id, the trust policy and both
    /// grant policies.
    var desiredValues: [String: PlanValue] {
        OwnedRoleValues.desired(self).merging([
            "externalId": .string(externalId),
            "trustPolicy": SmsRoleDocuments.planValue(trustPolicy),
            // The policy granting the other service must be absent (`null`), so a switch also removes it.
            "snsPublishPolicy": service == .sns ? SmsRoleDocuments.planValue(grant.document) : .null,
            "smsVoiceSendPolicy": service == .endUserMessaging ? SmsRoleDocuments.planValue(grant.document) : .null,
        ]) { _, own in own }
    }

    /// The same paths read from `live`.
    ///
    /// `externalId` is the trust policy's `sts:ExternalId` (a list when it has several). `trustPolicy` is reported
    /// only when the live document differs in more than its external id (a drifted principal, action or account):
    /// when it is exactly smsauth's document for its own external id, the `externalId` field alone shows the change.
    /// `tags` holds only the keys smsauth manages; tags the manifest never set are not compared.
    func liveValues(_ live: SmsRoleLive) -> [String: PlanValue] {
        let role = live.role
        let ids = SmsRoleDocuments.externalIds(in: role.assumeRolePolicy)
        let liveExternalId: PlanValue = switch ids.count {
        case 0: .null
        case 1: .string(ids[0])
        default: .list(ids.map(PlanValue.string))
        }
        // smsauth's document for the live external id: the desired one when the id is unchanged (the usual case).
        let ownShape = ids.count == 1
            && role.assumeRolePolicy == (ids[0] == externalId ? trustPolicy
                                         : SmsRoleDocuments.trustPolicy(externalId: ids[0], account: account))
        return OwnedRoleValues.live(role, managing: self).merging([
            "externalId": liveExternalId,
            "trustPolicy": ownShape ? SmsRoleDocuments.planValue(trustPolicy)
                                    : SmsRoleDocuments.planValue(role.assumeRolePolicy),
            "snsPublishPolicy": SmsRoleDocuments.planValue(live.publishPolicy),
            "smsVoiceSendPolicy": SmsRoleDocuments.planValue(live.sendPolicy),
        ]) { _, own in own }
    }
}
