import AWSServices
import Manifests

/// An SmsRole manifest turned into what IAM should hold, and both sides as plan fields (manifest paths).
struct SmsRoleFields: Sendable, Equatable {
    /// AWS's maximum session duration when none was set (one hour).
    static let defaultMaxSessionDuration = 3600
    /// Paths IAM cannot change in place (a change replaces the role).
    static let immutablePaths: Set<String> = ["roleName", "path"]

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
    /// The trust policy for `externalId` and the run's account.
    let trustPolicy: PolicyDocument

    /// Reads `desired`'s SmsRole spec, tagged for `owner`; nil when it is another kind.
    init?(_ desired: DesiredResource, account: String, owner: String?) {
        guard case .smsRole(let spec) = desired.manifest.spec else { return nil }
        roleName = spec.roleName.value
        path = spec.path?.value ?? "/"
        externalId = spec.externalId.value
        service = spec.service?.value ?? .sns
        grant = SmsRoleDocuments.grant(service, account: account)
        description = spec.description?.value
        maxSessionDuration = spec.maxSessionDurationSeconds?.value
        permissionsBoundaryArn = spec.permissionsBoundaryArn?.value
        adopt = spec.adopt?.value
        tags = (spec.tags?.value ?? [:]).merging(OwnershipTags.tags(for: desired.address, owner: owner)) { _, ours in ours }
        trustPolicy = SmsRoleDocuments.trustPolicy(externalId: externalId, account: account)
    }

    /// The role's ARN once it exists in `account`.
    func arn(account: String, partition: String) -> String { "arn:\(partition):iam::\(account):role\(path)\(roleName)" }

    /// Whether `role` is the one `spec.adopt` names (by name or ARN).
    func adopts(_ role: IAMRole) -> Bool {
        guard let adopt else { return false }
        return adopt == role.name || adopt == role.arn
    }

    /// The managed fields by manifest path. `tags` always holds at least the ownership tags.
    var desiredValues: [String: PlanValue] {
        var values: [String: PlanValue] = [
            "roleName": .string(roleName),
            "path": .string(path),
            "externalId": .string(externalId),
            "trustPolicy": SmsRoleDocuments.planValue(trustPolicy),
            // The policy granting the other service must be absent (`null`), so a switch also removes it.
            "snsPublishPolicy": service == .sns ? SmsRoleDocuments.planValue(grant.document) : .null,
            "smsVoiceSendPolicy": service == .endUserMessaging ? SmsRoleDocuments.planValue(grant.document) : .null,
            "tags": .map(tags.mapValues(PlanValue.string)),
        ]
        if let description { values["description"] = .string(description) }
        if let maxSessionDuration { values["maxSessionDurationSeconds"] = .number(Double(maxSessionDuration)) }
        if let permissionsBoundaryArn { values["permissionsBoundaryArn"] = .string(permissionsBoundaryArn) }
        return values
    }

    /// What a role created without them has at the optional paths: no description, AWS's default session
    /// duration, no permissions boundary (as `liveValues` reads them).
    static let createdWithout: [String: PlanValue] = [
        "description": .null, "maxSessionDurationSeconds": .number(Double(defaultMaxSessionDuration)),
        "permissionsBoundaryArn": .null,
    ]

    /// The same paths read from `live`.
    ///
    /// `externalId` is the trust policy's `sts:ExternalId` (a list when it has several). `trustPolicy` is reported
    /// only when the live document differs in more than its external id (a drifted principal, action or account):
    /// when it is exactly smsauth's document for its own external id, the `externalId` field alone shows the change.
    /// `tags` holds only the keys smsauth manages; tags the manifest never set are not compared.
    func liveValues(_ live: SmsRoleLive, account: String) -> [String: PlanValue] {
        let role = live.role
        let ids = SmsRoleDocuments.externalIds(in: role.assumeRolePolicy)
        let liveExternalId: PlanValue = switch ids.count {
        case 0: .null
        case 1: .string(ids[0])
        default: .list(ids.map(PlanValue.string))
        }
        let ownShape = ids.count == 1
            && role.assumeRolePolicy == SmsRoleDocuments.trustPolicy(externalId: ids[0], account: account)
        var managedTags: [String: PlanValue] = [:]
        for key in tags.keys {
            if let value = role.tags[key] { managedTags[key] = .string(value) }
        }
        return [
            "roleName": .string(role.name),
            "path": .string(role.path),
            "externalId": liveExternalId,
            "trustPolicy": ownShape ? SmsRoleDocuments.planValue(trustPolicy)
                                    : SmsRoleDocuments.planValue(role.assumeRolePolicy),
            "snsPublishPolicy": SmsRoleDocuments.planValue(live.publishPolicy),
            "smsVoiceSendPolicy": SmsRoleDocuments.planValue(live.sendPolicy),
            "tags": .map(managedTags),
            "description": role.description.map(PlanValue.string) ?? .null,
            "maxSessionDurationSeconds": .number(Double(role.maxSessionDuration ?? Self.defaultMaxSessionDuration)),
            "permissionsBoundaryArn": role.permissionsBoundaryArn.map(PlanValue.string) ?? .null,
        ]
    }
}
