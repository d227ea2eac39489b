/// Errors of the handlers of a role smsauth owns whole (SmsRole, SmsLogRole) themselves; AWS errors propagate
/// unchanged. Codes start with the kind of the resource (`smsRole.nameTaken`, `smsLogRole.nameTaken`).
enum OwnedRoleError: ReconcileError, Equatable, CustomStringConvertible {
    /// CreateRole answered `EntityAlreadyExists` and the existing role is not this resource's.
    case nameTaken(roleName: String, address: ResourceAddress)
    /// An update, replacement or deletion was asked for a role that was not read.
    case roleNotRead(ResourceAddress)

    /// Stable error code.
    var code: String {
        switch self {
        case .nameTaken(_, let address): "\(Self.prefix(address)).nameTaken"
        case .roleNotRead(let address): "\(Self.prefix(address)).notRead"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// Only a role that was not read may succeed when planned again; a taken name needs a manifest change.
    var isRetryable: Bool {
        if case .roleNotRead = self { return true }
        return false
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .nameTaken(roleName, address):
            "IAM role '\(roleName)' already exists without smsauth's ownership tags for \(address): choose another spec.roleName, or set spec.adopt to the role's name or ARN to manage it"
        case let .roleNotRead(address):
            "\(address): the live role was not read before applying a change to it; run the plan again"
        }
    }

    /// The kind as codes spell it: `SmsRole` → `smsRole`.
    private static func prefix(_ address: ResourceAddress) -> String {
        address.kind.rawValue.prefix(1).lowercased() + address.kind.rawValue.dropFirst()
    }
}
