import Manifests

/// Every manifest of a valid directory as a `DesiredResource` (region and dependencies resolved), with the
/// dependency graph that orders them.
public struct DesiredState: Sendable {
    /// The resources by address.
    public let resources: [ResourceAddress: DesiredResource]
    /// The graph of the desired resources.
    public let graph: ResourceGraph

    /// Resolves `load` (which must hold no error) against `defaultRegion`.
    ///
    /// Region rule: `spec.region`, else `defaultRegion`; AppClient and MfaPolicy take their pool's region; SmsRole
    /// (IAM) has none. Throws `invalidManifests` when `load` has errors, `noRegion` when a regional resource has no
    /// region at all, and `graph` for references that cannot be ordered.
    public init(load: LoadResult, defaultRegion: String?) throws(ReconcileEngineError) {
        guard !load.hasErrors else {
            throw ReconcileEngineError.invalidManifests(errors: load.diagnostics.errorCount)
        }
        let byAddress = Dictionary(load.manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var resources: [ResourceAddress: DesiredResource] = [:]
        for manifest in byAddress.values.sorted(by: { $0.id < $1.id }) {
            let region = try Self.region(of: manifest, manifests: byAddress, defaultRegion: defaultRegion)
            let dependencies = Self.dependencies(of: manifest) + Self.outputsDependencies(of: manifest, in: byAddress)
            resources[manifest.id] = DesiredResource(manifest: manifest, region: region, dependencies: dependencies)
        }
        do {
            graph = try ResourceGraph(dependencies: resources.mapValues(\.dependencies))
        } catch {
            throw ReconcileEngineError.graph(error)
        }
        self.resources = resources
    }

    /// The resources in apply order.
    public var ordered: [DesiredResource] { graph.applyOrder.compactMap { resources[$0] } }

    /// The resources a manifest references by name (MANIFESTS.md): UserPool.smsRole → SmsRole, AppClient and
    /// MfaPolicy.userPool → UserPool, PhonePool.originationIdentities → OriginationIdentity.
    public static func dependencies(of manifest: Manifest) -> [ResourceAddress] {
        switch manifest.spec {
        case .userPool(let spec):
            spec.smsRole.map { [ResourceAddress(kind: .smsRole, name: $0.value)] } ?? []
        case .appClient(let spec):
            [ResourceAddress(kind: .userPool, name: spec.userPool.value)]
        case .mfaPolicy(let spec):
            [ResourceAddress(kind: .userPool, name: spec.userPool.value)]
        case .phonePool(let spec):
            spec.originationIdentities.value.map { ResourceAddress(kind: .originationIdentity, name: $0.value) }
        case .smsRole, .sandboxNumber, .originationIdentity, .smsAccountSettings:
            []
        }
    }

    /// The kinds a resource of `kind` can depend on (the reference rule above, by kind). Removed resources, known
    /// only from status files, are ordered by it so that deletes still run in reverse dependency order.
    public static func dependencyKinds(of kind: ResourceKind) -> [ResourceKind] {
        switch kind {
        case .userPool: [.smsRole]
        case .appClient, .mfaPolicy: [.userPool]
        case .phonePool: [.originationIdentity]
        case .smsRole, .sandboxNumber, .originationIdentity, .smsAccountSettings: []
        }
    }

    /// The kinds whose live state must be read before `kind`'s: app clients and MFA policies are found by their
    /// pool's id (`ReadTarget.references`) and reuse the pools described in the same read pass. Every other
    /// dependency matters only to planning and applying, so those reads overlap (an SMS role's and its pool's).
    public static func readDependencyKinds(of kind: ResourceKind) -> [ResourceKind] {
        switch kind {
        case .appClient, .mfaPolicy: [.userPool]
        case .userPool, .phonePool, .smsRole, .sandboxNumber, .originationIdentity, .smsAccountSettings: []
        }
    }

    /// The region of `manifest` under the region rule.
    private static func region(of manifest: Manifest, manifests: [ResourceAddress: Manifest],
                               defaultRegion: String?) throws(ReconcileEngineError) -> String? {
        let own: String?
        switch manifest.spec {
        case .smsRole:
            return nil
        case .appClient(let spec):
            own = manifests[ResourceAddress(kind: .userPool, name: spec.userPool.value)]?.spec.region?.value
        case .mfaPolicy(let spec):
            own = manifests[ResourceAddress(kind: .userPool, name: spec.userPool.value)]?.spec.region?.value
        default:
            own = manifest.spec.region?.value
        }
        guard let region = own ?? defaultRegion else { throw ReconcileEngineError.noRegion(manifest.id) }
        return region
    }
}
