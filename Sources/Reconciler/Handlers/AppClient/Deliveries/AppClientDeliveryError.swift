/// Errors delivering an app client's configuration or secret.
public enum AppClientDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A named location holds something smsauth does not own (or a secret scheduled for deletion).
    case targetNotOwned(ResourceAddress, String)
    /// `spec.secret` is set but Cognito reports no secret for the client.
    case noSecret(ResourceAddress)

    /// Stable error code.
    public var code: String {
        switch self {
        case .targetNotOwned: "app-client-delivery-target-not-owned"
        case .noSecret: "app-client-no-secret"
        }
    }

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .targetNotOwned(address, reason):
            "\(address): \(reason)"
        case let .noSecret(address):
            "\(address): spec.secret is set but the client has no secret; set spec.generateSecret: true with policy.onImmutableChange: Recreate"
        }
    }
}
