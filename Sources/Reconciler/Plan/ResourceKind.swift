/// The kinds of resource smsauth manages, declared in apply order.
///
/// The declaration order is the tie-break order of `ResourceGraph` (and the order of `ResourceAddress`):
/// account settings first, then the SMS role, origination identities, phone pools, user pools, app clients,
/// MFA policies and sandbox numbers.
public enum ResourceKind: String, CaseIterable, Codable, Comparable, Hashable, Sendable {
    /// SNS account-level SMS settings of one region.
    case smsAccountSettings = "SmsAccountSettings"
    /// The IAM role Cognito assumes to send SMS.
    case smsRole = "SmsRole"
    /// An End User Messaging SMS origination identity (phone number or sender id).
    case originationIdentity = "OriginationIdentity"
    /// An End User Messaging SMS phone pool.
    case phonePool = "PhonePool"
    /// A Cognito user pool.
    case userPool = "UserPool"
    /// A Cognito user pool app client.
    case appClient = "AppClient"
    /// The MFA configuration of one user pool.
    case mfaPolicy = "MfaPolicy"
    /// A verified SNS SMS sandbox destination number.
    case sandboxNumber = "SandboxNumber"

    /// Position in apply order (0 first).
    public var applyRank: Int {
        Self.allCases.firstIndex(of: self) ?? Self.allCases.count
    }

    /// Orders kinds by `applyRank`.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.applyRank < rhs.applyRank
    }
}
