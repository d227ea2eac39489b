import AWSServices
import Manifests

/// An inline policy smsauth owns on a role: its name and document.
struct InlinePolicy: Sendable, Equatable {
    /// The inline policy's name.
    let name: String
    /// Its document.
    let document: PolicyDocument
}

/// What smsauth sets on an IAM role it owns whole (SmsRole, SmsLogRole): the role's own fields, its trust policy and
/// one inline policy. `OwnedRoleIAM` creates, converges and deletes any role of this shape.
protocol OwnedRoleShape: Sendable {
    /// `spec.roleName`.
    var roleName: String { get }
    /// `spec.path`, `/` when unset.
    var path: String { get }
    /// The trust policy.
    var trustPolicy: PolicyDocument { get }
    /// The one inline policy smsauth owns on the role.
    var ownedPolicy: InlinePolicy { get }
    /// An inline policy smsauth removes once `ownedPolicy` is in place (an SmsRole's grant of the service it no
    /// longer sends through), nil when there is none.
    var retiredPolicyName: String? { get }
    /// `spec.description` (nil: unmanaged).
    var description: String? { get }
    /// `spec.maxSessionDurationSeconds` (nil: unmanaged).
    var maxSessionDuration: Int? { get }
    /// `spec.permissionsBoundaryArn` (nil: unmanaged).
    var permissionsBoundaryArn: String? { get }
    /// `spec.adopt`.
    var adopt: String? { get }
    /// The manifest's tags plus smsauth's ownership tags (with the owner's).
    var tags: [String: String] { get }
}

extension OwnedRoleShape {
    /// The role's ARN once it exists in `account`.
    func arn(account: String, partition: String) -> String { "arn:\(partition):iam::\(account):role\(path)\(roleName)" }

    /// Whether the role called `name` has this role's name in IAM's eyes: IAM compares role names whatever their case,
    /// so a replacement that changes only the case cannot create the new role first (CreateRole answers
    /// `EntityAlreadyExists` with the old one); it deletes the old one first, as for the same name.
    func isNamed(_ name: String) -> Bool { name.lowercased() == roleName.lowercased() }

    /// Whether `role` is the one `spec.adopt` names (by name or ARN).
    func adopts(_ role: IAMRole) -> Bool {
        guard let adopt else { return false }
        return adopt == role.name || adopt == role.arn
    }
}

/// What a handler read of a role it owns whole: the role (GetRole) and the inline policies it read (GetRolePolicy).
protocol OwnedRoleLive: Sendable {
    /// The role as GetRole describes it.
    var role: IAMRole { get }
    /// The inline policy `name` as read; nil when the role has none of that name (or it was not read).
    func inlinePolicy(named name: String) -> PolicyDocument?
}
