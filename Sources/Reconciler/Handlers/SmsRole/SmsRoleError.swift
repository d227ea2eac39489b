/// Errors of the SmsRole handler itself (AWS errors propagate unchanged).
public enum SmsRoleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The handler was given a manifest of another kind.
    case notAnSmsRole(ResourceAddress)
    /// CreateRole answered `EntityAlreadyExists` and the existing role is not this resource's.
    case nameTaken(roleName: String, address: ResourceAddress)
    /// An update, replacement or deletion was asked for a role that was not read.
    case roleNotRead(ResourceAddress)

    /// Stable error code.
    public var code: String {
        switch self {
        case .notAnSmsRole: "sms-role.wrong-kind"
        case .nameTaken: "sms-role.name-taken"
        case .roleNotRead: "sms-role.not-read"
        }
    }

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .notAnSmsRole(address):
            "\(address) is not an SmsRole manifest; the SmsRole handler cannot plan or apply it"
        case let .nameTaken(roleName, address):
            "IAM role '\(roleName)' already exists without smsauth's ownership tags for \(address): choose another spec.roleName, or set spec.adopt to the role's name or ARN to manage it"
        case let .roleNotRead(address):
            "\(address): the live role was not read before applying a change to it; run the plan again"
        }
    }
}
