/// End User Messaging SMS's sandbox in one region: the account tier (DescribeAccountAttributes `ACCOUNT_TIER`) and,
/// while sandboxed, the verified destination numbers (DescribeVerifiedDestinationNumbers).
public struct EumSandboxFacts: Sendable, Equatable {
    /// `ACCOUNT_TIER`: `SANDBOXED` or `PRODUCTION`; empty when the service did not answer it.
    public var tier: String
    /// The verified destination numbers; read only when not `PRODUCTION` (an empty list otherwise).
    public var destinations: DoctorFact<[SandboxDestination]>

    /// Creates the facts.
    public init(tier: String, destinations: DoctorFact<[SandboxDestination]> = .success([])) {
        self.tier = tier
        self.destinations = destinations
    }

    /// Whether SMS reaches only verified numbers (every tier but `PRODUCTION`).
    public var sandboxed: Bool { tier != "PRODUCTION" }
}

/// The End User Messaging configuration set a pool sends with, and what the service has for it.
public struct ConfigurationSetFacts: Sendable, Equatable {
    /// `spec.smsConfigurationSet`, or the name of the ConfigurationSet manifest `spec.smsConfigurationSetRef` names.
    public var name: String
    /// The names of its enabled event destinations that record delivery events; nil when the set does not exist.
    public var enabledDestinations: DoctorFact<[String]?>
    /// Those destinations with what their targets have (role, topic), in the set's order.
    public var destinations: [EventDestinationFacts]
    /// The SMS country rules of the protect configuration associated with the set (`ProtectConfigurationId`); nil
    /// when it has none (or the set does not exist or was unreadable).
    public var protection: DoctorFact<ProtectionFacts>?

    /// Creates the facts.
    public init(name: String, enabledDestinations: DoctorFact<[String]?>, destinations: [EventDestinationFacts] = [],
                protection: DoctorFact<ProtectionFacts>? = nil) {
        self.name = name
        self.enabledDestinations = enabledDestinations
        self.destinations = destinations
        self.protection = protection
    }
}

/// An enabled event destination recording delivery events, and whether End User Messaging can write to its target.
public struct EventDestinationFacts: Sendable, Equatable {
    /// Where the destination sends events.
    public enum Target: Sendable, Equatable {
        /// CloudWatch Logs through an IAM role: the role as read (nil fact when `roleArn` is not an IAM role ARN).
        case cloudWatchLogs(logGroupArn: String, roleArn: String, role: DoctorFact<RoleSnapshot?>?)
        /// An SNS topic, and whether it exists.
        case sns(topicArn: String, exists: DoctorFact<Bool>)
        /// Amazon Data Firehose (not checked).
        case firehose(deliveryStreamArn: String)
    }

    /// `EventDestinationName`.
    public var name: String
    /// Its target.
    public var target: Target

    /// Creates the facts.
    public init(name: String, target: Target) {
        self.name = name
        self.target = target
    }
}
