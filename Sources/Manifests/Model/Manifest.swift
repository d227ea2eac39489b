/// The kind-specific `spec` of a manifest. `indirect`, so copying a manifest (the validator and the engine pass them
/// around a lot) copies a reference to the spec, not the spec's fields.
public indirect enum ManifestSpec: Sendable, Equatable {
    /// An `SmsRole` spec.
    case smsRole(SmsRoleSpec)
    /// A `UserPool` spec.
    case userPool(UserPoolSpec)
    /// An `AppClient` spec.
    case appClient(AppClientSpec)
    /// An `MfaPolicy` spec.
    case mfaPolicy(MfaPolicySpec)
    /// A `SandboxNumber` spec.
    case sandboxNumber(SandboxNumberSpec)
    /// An `OriginationIdentity` spec.
    case originationIdentity(OriginationIdentitySpec)
    /// A `PhonePool` spec.
    case phonePool(PhonePoolSpec)
    /// An `SmsAccountSettings` spec.
    case smsAccountSettings(SmsAccountSettingsSpec)
    /// An `SmsLogRole` spec.
    case smsLogRole(SmsLogRoleSpec)
    /// A `ConfigurationSet` spec.
    case configurationSet(ConfigurationSetSpec)
    /// An `SmsProtection` spec.
    case smsProtection(SmsProtectionSpec)
    /// A `Registration` spec.
    case registration(RegistrationSpec)

    /// The kind this spec belongs to.
    public var kind: ResourceKind {
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

    /// The spec value itself, whatever its kind (for declarations generic over spec types, `KindReference`, and
    /// for what other modules ask of every spec type, such as the Reconciler's field lists).
    public var body: any Sendable {
        switch self {
        case .smsRole(let s): s
        case .userPool(let s): s
        case .appClient(let s): s
        case .mfaPolicy(let s): s
        case .sandboxNumber(let s): s
        case .originationIdentity(let s): s
        case .phonePool(let s): s
        case .smsAccountSettings(let s): s
        case .smsLogRole(let s): s
        case .configurationSet(let s): s
        case .smsProtection(let s): s
        case .registration(let s): s
        }
    }

    /// `spec.region` for kinds that have one.
    public var region: Located<String>? {
        switch self {
        case .userPool(let s): s.region
        case .sandboxNumber(let s): s.region
        case .originationIdentity(let s): s.region
        case .phonePool(let s): s.region
        case .smsAccountSettings(let s): s.region
        case .configurationSet(let s): s.region
        case .smsProtection(let s): s.region
        case .registration(let s): s.region
        case .smsRole, .smsLogRole, .appClient, .mfaPolicy: nil
        }
    }
}

/// One desired resource: a YAML document of the manifest directory.
public struct Manifest: Sendable, Equatable {
    /// `apiVersion` (always `smsauth/v1` once loaded).
    public var apiVersion: String
    /// `metadata`.
    public var metadata: Metadata
    /// `spec`, by kind.
    public var spec: ManifestSpec
    /// Effective `policy` (defaults filled in).
    public var policy: Policy
    /// Where the `kind` field is (the manifest's address for diagnostics).
    public var location: SourceLocation
    /// Index of the document within its file, from 0.
    public var documentIndex: Int
    /// `policy.suspend` (nil when absent): while true, smsauth leaves the resource alone. Kept out of `policy` so
    /// that suspending or resuming never changes the spec hash: it is an operator's switch, not desired state.
    public var suspend: Located<Bool>?

    /// Creates a manifest.
    public init(apiVersion: String = APIVersion.v1, metadata: Metadata, spec: ManifestSpec, policy: Policy,
                location: SourceLocation, documentIndex: Int = 0, suspend: Located<Bool>? = nil) {
        self.apiVersion = apiVersion
        self.metadata = metadata
        self.spec = spec
        self.policy = policy
        self.location = location
        self.documentIndex = documentIndex
        self.suspend = suspend
    }

    /// Whether `policy.suspend: true`.
    public var isSuspended: Bool { suspend?.value == true }

    /// The kind.
    public var kind: ResourceKind { spec.kind }
    /// Kind and name.
    public var id: ResourceID { ResourceID(kind, metadata.name.value) }
}
