import Manifests

/// A place an app client's configuration or secret is written: an SSM parameter or a Secrets Manager secret.
enum DeliveryLocation: Hashable, Sendable, CustomStringConvertible {
    /// An SSM parameter (String for outputs, SecureString for a secret).
    case ssmParameter(String)
    /// A Secrets Manager secret.
    case secretsManager(String)

    /// `ssmParameter:NAME` or `secretsManager:NAME`, as plans show it and status records it.
    var description: String {
        switch self {
        case let .ssmParameter(name): "ssmParameter:\(name)"
        case let .secretsManager(name): "secretsManager:\(name)"
        }
    }

    /// The parameter or secret name.
    var name: String {
        switch self {
        case let .ssmParameter(name), let .secretsManager(name): name
        }
    }

    /// Reads the recorded form (`description`); nil for anything else.
    init?(recorded: String) {
        if recorded.hasPrefix("ssmParameter:") {
            self = .ssmParameter(String(recorded.dropFirst("ssmParameter:".count)))
        } else if recorded.hasPrefix("secretsManager:") {
            self = .secretsManager(String(recorded.dropFirst("secretsManager:".count)))
        } else {
            return nil
        }
        if name.isEmpty { return nil }
    }

    /// Where `spec.secret` delivers the client secret.
    static func secret(of spec: AppClientSpec) -> DeliveryLocation? {
        if let name = spec.secret?.secretsManager?.value { return .secretsManager(name) }
        if let name = spec.secret?.ssmParameter?.value { return .ssmParameter(name) }
        return nil
    }

    /// Where `spec.outputs` writes the client configuration.
    static func outputs(of spec: AppClientSpec) -> DeliveryLocation? {
        spec.outputs?.ssmParameter.map { .ssmParameter($0.value) }
    }
}

/// What exists at a delivery location.
enum DeliveryTargetState: Sendable, Equatable {
    /// Nothing.
    case absent
    /// A parameter or secret with smsauth's ownership tags for this app client; `value` is a String parameter's
    /// content (never a secret's).
    case owned(value: String?)
    /// Something without them: never written or deleted.
    case foreign
    /// A Secrets Manager secret scheduled for deletion: it takes no value and its name cannot be reused until it
    /// is gone or restored.
    case deletionScheduled

    /// Whether smsauth may write or delete it.
    var isOwned: Bool {
        if case .owned = self { return true }
        return false
    }
}
