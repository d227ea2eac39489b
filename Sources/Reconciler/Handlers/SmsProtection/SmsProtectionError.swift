/// Errors of the SmsProtection handler itself (AWS errors propagate unchanged).
enum SmsProtectionError: ReconcileError, Equatable, CustomStringConvertible {
    /// An update, replacement or deletion was asked for a configuration that was not read.
    case notRead(ResourceAddress)
    /// DescribeProtectConfigurations or CreateProtectConfiguration answered without an id or ARN.
    case unreadable(String)
    /// A configuration set named in `spec.configurationSets` has no known AWS name (its manifest was not applied).
    case configurationSetUnknown(String, address: ResourceAddress)

    /// Stable error code.
    var code: String {
        switch self {
        case .notRead: "smsProtection.notRead"
        case .unreadable: "smsProtection.unreadable"
        case .configurationSetUnknown: "smsProtection.configurationSetUnknown"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// A configuration that was not read, an answer that could not be read, or a set not applied yet may succeed
    /// when planned again.
    var isRetryable: Bool {
        switch self {
        case .notRead, .unreadable, .configurationSetUnknown: true
        }
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .notRead(address):
            "\(address): the live protect configuration was not read before applying a change to it; run the plan again"
        case let .unreadable(operation):
            "\(operation) answered without ProtectConfigurationId or ProtectConfigurationArn"
        case let .configurationSetUnknown(name, address):
            "\(address): ConfigurationSet '\(name)' in spec.configurationSets has no AWS name yet; apply it first"
        }
    }
}
