/// Errors delivering an app client's configuration or secret.
enum AppClientDeliveryError: ReconcileError, Equatable, CustomStringConvertible {
    /// A named location holds something smsauth does not own (or a secret scheduled for deletion).
    case targetNotOwned(ResourceAddress, String)
    /// `spec.secret` is set but Cognito reports no secret for the client.
    case noSecret(ResourceAddress)

    /// Stable error code.
    var code: String {
        switch self {
        case .targetNotOwned: "appClient.deliveryTargetNotOwned"
        case .noSecret: "appClient.noSecret"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// Both need a change of the manifest or of the target.
    var isRetryable: Bool { false }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .targetNotOwned(address, reason):
            "\(address): \(reason)"
        case let .noSecret(address):
            "\(address): spec.secret is set but the client has no secret; set spec.generateSecret: true with policy.onImmutableChange: Recreate"
        }
    }
}
