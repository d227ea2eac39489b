import Manifests

/// The IAM role a manifest of either role kind names. IAM role names are unique in an account whatever their case,
/// so an SmsRole and an SmsLogRole naming the same role claim the same AWS resource: a removed one of either kind is
/// never deleted from under a current manifest of the other.
enum OwnedRoleClaim {
    /// `spec.roleName` of an SmsRole or SmsLogRole manifest; nil for other kinds.
    static func roleName(of desired: DesiredResource) -> String? {
        switch desired.manifest.spec {
        case .smsRole(let spec): spec.roleName.value
        case .smsLogRole(let spec): spec.roleName.value
        default: nil
        }
    }

    /// Whether `desired` names the role called `name`.
    static func claims(_ desired: DesiredResource, roleNamed name: String) -> Bool {
        roleName(of: desired).map { $0.lowercased() == name.lowercased() } ?? false
    }
}
