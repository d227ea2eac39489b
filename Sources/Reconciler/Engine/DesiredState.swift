import Manifests

/// Every manifest of a valid directory as a `DesiredResource` (region and dependencies resolved).
public struct DesiredState: Sendable {
    /// The resources by address.
    public let resources: [ResourceAddress: DesiredResource]

    /// Resolves `load` (which must hold no error) against `defaultRegion`.
    ///
    /// Region rule (each kind's `relations.region`): `spec.region`, else `defaultRegion`; AppClient and MfaPolicy
    /// take their pool's region; SmsRole (IAM) has none. Throws `invalidManifests` when `load` has errors and
    /// `noRegion` when a regional resource has no region at all. References are ordered (and checked) with the
    /// run's whole graph (`ReconcileEngine.graph`).
    public init(load: LoadResult, defaultRegion: String?) throws(ReconcileEngineError) {
        guard !load.hasErrors else {
            throw ReconcileEngineError.invalidManifests(errors: load.diagnostics.errorCount)
        }
        let byAddress = Dictionary(load.manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var resources: [ResourceAddress: DesiredResource] = [:]
        let poolSmsServices = PoolSmsServices(manifests: byAddress.values, defaultRegion: defaultRegion)
        // Addresses are sorted rather than manifests: sorting moves its elements, and a manifest is a large value.
        for address in byAddress.keys.sorted() {
            guard let manifest = byAddress[address] else { continue }
            let region = try Self.region(of: manifest, manifests: byAddress, defaultRegion: defaultRegion)
            let dependencies = manifest.dependencies + Self.outputsDependencies(of: manifest, in: byAddress)
            var sandbox: SmsService?
            if case .sandboxNumber(let spec) = manifest.spec {
                sandbox = poolSmsServices.sandbox(of: spec, region: region)
            }
            resources[manifest.id] = DesiredResource(manifest: manifest, region: region, dependencies: dependencies,
                                                     sandboxService: sandbox)
        }
        self.resources = resources
    }

    /// The region of `manifest` under its kind's region rule; throws `noRegion` when a regional resource has none.
    private static func region(of manifest: Manifest, manifests: [ResourceAddress: Manifest],
                               defaultRegion: String?) throws(ReconcileEngineError) -> String? {
        guard let owner = manifest.regionOwner(in: manifests) else { return nil }
        guard let region = owner.spec.region?.value ?? defaultRegion else {
            throw ReconcileEngineError.noRegion(manifest.id)
        }
        return region
    }
}
