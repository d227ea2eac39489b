/// The kinds of resource a manifest can declare (`kind:`).
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The IAM role Cognito assumes to send SMS.
    case smsRole = "SmsRole"
    /// A Cognito user pool set up for SMS.
    case userPool = "UserPool"
    /// A user pool app client.
    case appClient = "AppClient"
    /// MFA and trusted devices for one user pool.
    case mfaPolicy = "MfaPolicy"
    /// A verified SNS sandbox destination number.
    case sandboxNumber = "SandboxNumber"
    /// A phone number or sender ID to send from (End User Messaging SMS).
    case originationIdentity = "OriginationIdentity"
    /// A pool of origination identities.
    case phonePool = "PhonePool"
    /// Account-wide SNS SMS preferences for one region.
    case smsAccountSettings = "SmsAccountSettings"
    /// The IAM role SNS assumes to write SMS delivery-status logs to CloudWatch Logs.
    case smsLogRole = "SmsLogRole"
    /// An End User Messaging SMS configuration set with its event destinations.
    case configurationSet = "ConfigurationSet"
    /// An End User Messaging SMS protect configuration (country rules against SMS pumping).
    case smsProtection = "SmsProtection"
    /// An End User Messaging registration (US toll-free, 10DLC brand or campaign).
    case registration = "Registration"

    /// What the manifest side knows about the kind (`Kinds/<Kind>Kind.swift`): the one switch a new kind adds an
    /// arm to.
    var definition: KindDefinition {
        switch self {
        case .smsRole: .smsRole
        case .userPool: .userPool
        case .appClient: .appClient
        case .mfaPolicy: .mfaPolicy
        case .sandboxNumber: .sandboxNumber
        case .originationIdentity: .originationIdentity
        case .phonePool: .phonePool
        case .smsAccountSettings: .smsAccountSettings
        case .smsLogRole: .smsLogRole
        case .configurationSet: .configurationSet
        case .smsProtection: .smsProtection
        case .registration: .registration
        }
    }

    /// The relations of this kind (declared in its definition): dependencies, the apply order, the order of reads,
    /// regions and the validator's reference checks are derived from them.
    public var relations: KindRelations { definition.relations }

    /// The kinds whose manifests can name a resource of this kind (a UserPool names an SmsRole), in declaration order.
    public var namingKinds: [ResourceKind] { Self.allCases.filter { $0.relations.dependencyKinds.contains(self) } }

    /// Policy applied when the manifest leaves `policy` (or one of its fields) out.
    public var defaultPolicy: (onImmutableChange: ImmutableChangePolicy, onDelete: DeletePolicy, onDrift: DriftPolicy) {
        (.refuse, definition.defaultOnDelete, .correct)
    }

    /// Whether `spec.adopt` (take over an existing resource by id or ARN) is allowed for this kind.
    public var supportsAdoption: Bool { definition.supportsAdoption }

    /// The simple fields of this kind's spec (`MappedField`), in catalog order.
    public var mappedFields: [MappedField] { definition.mappedFields }

    /// The order in which kinds that do not depend on each other are applied and listed (plans, status): account
    /// settings (after the log role they may name) first, the independent SandboxNumber last. It only breaks ties:
    /// `applyOrder` puts every kind after the kinds it references wherever it stands here, and a kind missing here
    /// comes after those listed.
    static let listingOrder: [ResourceKind] = [
        .smsLogRole, .smsAccountSettings, .smsRole, .registration, .originationIdentity, .phonePool, .configurationSet,
        .smsProtection, .userPool, .appClient, .mfaPolicy, .sandboxNumber,
    ]

    /// Every kind, each after the kinds it references (`relations`), ties in `listingOrder`.
    public static let applyOrder: [ResourceKind] = {
        let rank = { (kind: ResourceKind) in
            listingOrder.firstIndex(of: kind) ?? listingOrder.count + (allCases.firstIndex(of: kind) ?? 0)
        }
        let graph = DependencyGraph(dependencies: Dictionary(uniqueKeysWithValues: allCases.map {
            ($0, $0.relations.dependencyKinds)
        }), by: { rank($0) < rank($1) })
        return graph.order
    }()

    /// Position in `applyOrder` (derived from `relations`).
    public var applyRank: Int { Self.applyRanks[self] ?? Self.applyRanks.count }

    private static let applyRanks = Dictionary(uniqueKeysWithValues: applyOrder.enumerated().map { ($1, $0) })

    /// Orders kinds by apply order.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.applyRank < rhs.applyRank }
}

/// A resource's identity among the manifests: kind and `metadata.name`.
public struct ResourceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind.
    public var kind: ResourceKind
    /// The `metadata.name`.
    public var name: String

    /// Creates an identity.
    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// `Kind/name`, the address used in plans.
    public var description: String { "\(kind.rawValue)/\(name)" }

    /// Orders by kind (apply order), then name.
    public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool {
        lhs.kind == rhs.kind ? lhs.name < rhs.name : lhs.kind < rhs.kind
    }
}
