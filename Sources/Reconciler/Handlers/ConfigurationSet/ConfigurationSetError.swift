/// Errors of the ConfigurationSet handler itself (AWS errors propagate unchanged).
enum ConfigurationSetError: ReconcileError, Equatable, CustomStringConvertible {
    /// CreateConfigurationSet answered `ConflictException`: a set of that name exists without smsauth's tags.
    case nameTaken(name: String, address: ResourceAddress)
    /// An update, replacement or deletion was asked for a set that was not read.
    case notRead(ResourceAddress)
    /// DescribeConfigurationSets or CreateConfigurationSet answered without a name or ARN.
    case unreadable(String)

    /// Stable error code.
    var code: String {
        switch self {
        case .nameTaken: "configurationSet.nameTaken"
        case .notRead: "configurationSet.notRead"
        case .unreadable: "configurationSet.unreadable"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// Only a set that was not read, or an answer that could not be read, may succeed when planned again.
    var isRetryable: Bool {
        switch self {
        case .notRead, .unreadable: true
        case .nameTaken: false
        }
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .nameTaken(name, address):
            "configuration set '\(name)' already exists without smsauth's ownership tags for \(address): choose another spec.name"
        case let .notRead(address):
            "\(address): the live configuration set was not read before applying a change to it; run the plan again"
        case let .unreadable(operation):
            "\(operation) answered without ConfigurationSetName or ConfigurationSetArn"
        }
    }
}
