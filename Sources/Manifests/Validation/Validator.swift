import Dispatch

/// Offline validation of loaded manifests: names, references, cross-resource limits and the AWS rules that can be
/// checked without calling AWS. Runs every rule and returns all diagnostics at once.
public struct Validator: Sendable {
    /// Region for manifests whose spec sets none (`--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`); nil when unknown.
    /// Manifests without any region are grouped together for per-region limits, since they all end up in the same
    /// (profile) region when reconciled.
    public var defaultRegion: String?

    /// Creates a validator.
    public init(defaultRegion: String? = nil) {
        self.defaultRegion = defaultRegion
    }

    /// One validation rule over all manifests.
    typealias Rule = @Sendable (ValidationContext) -> [Diagnostic]

    /// Every rule, in no particular order (output is sorted): the rules shared by kinds, then each kind's own
    /// (`KindDefinition.rules`).
    static let rules: [Rule] = sharedRules + ResourceKind.allCases.flatMap(\.definition.rules)

    /// The rules about every manifest, or about several kinds together.
    static let sharedRules: [Rule] = [
        CommonRules.names, CommonRules.regions, CommonRules.references, CommonRules.cycles, CommonRules.policyWarnings,
        SmsServiceRules.consistent, EndUserMessagingRegionRules.offered, MessagingRules.countryCodes,
        RoleRules.path, RoleRules.roleName, RoleRules.adoptNamesTheRole, ClaimRules.uniqueClaims,
        SettingsRules.owner, SettingsRules.state, ReadinessRules.smsOnlyMfa, ReadinessRules.phoneNotAutoVerified,
        ReadinessRules.unregisteredUsNumber, ReadinessRules.noRefreshTokens, ReadinessRules.recoveryUncollected,
    ]

    /// The diagnostics of validating `loaded` (not including the loader's own). The rules are independent and run
    /// in parallel.
    public func validate(_ loaded: LoadResult) -> [Diagnostic] {
        let context = ValidationContext(loaded, defaultRegion: defaultRegion)
        let results = ParallelResults<[Diagnostic]>(count: Self.rules.count)
        DispatchQueue.concurrentPerform(iterations: Self.rules.count) { index in
            results.set(index, Self.rules[index](context))
        }
        return results.values.flatMap { $0 }.sorted()
    }

    /// Loads `directory` and validates it: the loader's and the validator's diagnostics together, sorted. Files
    /// unchanged since the last load through `cache` are not parsed again (see `ManifestLoader`).
    public func loadAndValidate(directory: String, cache: ManifestFileCache? = nil) -> LoadResult {
        var loaded = ManifestLoader().load(directory: directory, cache: cache)
        loaded.diagnostics = (loaded.diagnostics + validate(loaded)).sorted()
        return loaded
    }
}

/// What rules look at: the manifests, indexed by id and kind, and region resolution.
struct ValidationContext: Sendable {
    /// All complete manifests in load order.
    let manifests: [Manifest]
    /// Manifests by kind and name.
    let byID: [ResourceID: Manifest]
    /// Ids of resources that exist but have spec errors.
    let invalid: Set<ResourceID>
    /// The default region.
    let defaultRegion: String?
    /// The settings document, if any.
    let settings: ManifestSettings?
    /// User pools with their specs.
    let userPools: [(Manifest, UserPoolSpec)]
    /// MFA policies with their specs.
    let mfaPolicies: [(Manifest, MfaPolicySpec)]
    /// Sandbox numbers with their specs.
    let sandboxNumbers: [(Manifest, SandboxNumberSpec)]
    /// Origination identities with their specs.
    let originationIdentities: [(Manifest, OriginationIdentitySpec)]
    /// The SMS services the pools send through, by sending region.
    let poolSmsServices: PoolSmsServices

    /// Indexes `loaded`.
    init(_ loaded: LoadResult, defaultRegion: String?) {
        manifests = loaded.manifests
        byID = Dictionary(loaded.manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        invalid = Set(loaded.invalidResources.keys)
        self.defaultRegion = defaultRegion
        settings = loaded.settings
        var pools: [(Manifest, UserPoolSpec)] = [], mfa: [(Manifest, MfaPolicySpec)] = []
        var numbers: [(Manifest, SandboxNumberSpec)] = [], identities: [(Manifest, OriginationIdentitySpec)] = []
        for manifest in loaded.manifests {
            switch manifest.spec {
            case .userPool(let spec): pools.append((manifest, spec))
            case .mfaPolicy(let spec): mfa.append((manifest, spec))
            case .sandboxNumber(let spec): numbers.append((manifest, spec))
            case .originationIdentity(let spec): identities.append((manifest, spec))
            default: break
            }
        }
        userPools = pools
        mfaPolicies = mfa
        sandboxNumbers = numbers
        originationIdentities = identities
        poolSmsServices = PoolSmsServices(manifests: loaded.manifests, defaultRegion: defaultRegion)
    }

    /// Whether a resource of this id is declared (complete or not).
    func declares(_ id: ResourceID) -> Bool { byID[id] != nil || invalid.contains(id) }

    /// The region a manifest will live in: its own, else the default; nil when neither is known.
    func region(of manifest: Manifest) -> String? { manifest.spec.region?.value ?? defaultRegion }

    /// The region a pool sends SMS from: `smsRegion`, else the pool's region.
    func smsRegion(of manifest: Manifest, _ spec: UserPoolSpec) -> String? {
        spec.smsRegion?.value ?? region(of: manifest)
    }

    /// The sandbox a SandboxNumber goes in (`PoolSmsServices.sandbox`); nil when the region's pools use both services.
    func sandboxService(of manifest: Manifest, _ spec: SandboxNumberSpec) -> SmsService? {
        poolSmsServices.sandbox(of: spec, region: region(of: manifest))
    }

    /// Regions (nil = default) that have SandboxNumbers, with whether any is a `+1` number.
    func sandboxRegions() -> [String?: Bool] {
        var regions: [String?: Bool] = [:]
        for (manifest, spec) in sandboxNumbers {
            let key = region(of: manifest)
            regions[key] = (regions[key] ?? false) || spec.phoneNumber.value.hasPrefix("+1")
        }
        return regions
    }

    /// A region for messages: its name, or "the default region".
    static func describe(_ region: String?) -> String { region.map { "region \($0)" } ?? "the default region" }
}
