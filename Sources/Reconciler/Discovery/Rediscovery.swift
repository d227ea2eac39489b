import Manifests

/// Lost-state recovery: finds the resources that carry this run's `smsauth:owner` tag (with `smsauth:managed-by`
/// and a `smsauth:resource` of their kind) that neither a manifest nor a status file names, and returns a status
/// record for each, as if the status file had survived. The engine then plans them like any removed resource: by
/// the kind's default delete policy (the manifest that set another is gone with the status), shown in the plan.
///
/// Never another owner's resource, never an untagged one, never without an owner; AppClient and SandboxNumber
/// (which AWS cannot tag) rely on status files alone.
struct Rediscovery: Sendable {
    /// The listing.
    let discovery: ResourceDiscovery

    /// The regions searched: the run's default region, every manifest's and every status file's.
    static func regions(desired: DesiredState, statuses: [ResourceStatus], defaultRegion: String?) -> [String] {
        var regions = Set(desired.resources.values.compactMap(\.region))
        regions.formUnion(statuses.compactMap(ReconcileEngine.removedRegion))
        if let defaultRegion { regions.insert(defaultRegion) }
        return regions.sorted()
    }

    /// A status record for every resource of `identity`'s owner in `regions` whose tagged address is not in
    /// `known`. Throws which kind could not be listed.
    func orphans(identity: RunIdentity, regions: [String],
                 known: Set<ResourceAddress>) async throws(ReconcileEngineError) -> [ResourceStatus] {
        guard let owner = identity.owner else { return [] }
        var found: [ResourceAddress: ResourceStatus] = [:]
        for kind in ResourceDiscovery.discoverableKinds {
            for region in kind == .smsRole ? [""] : regions.filter({ ResourceDiscovery.isOffered(kind, in: $0) }) {
                let resources: [DiscoveredResource]
                do {
                    resources = try await discovery.resources(of: kind, in: region)
                } catch {
                    throw ReconcileEngineError.rediscoveryFailed(kind, ReconcileFailure(classifying: error))
                }
                for resource in resources where resource.isOwned(by: owner) {
                    guard let address = resource.taggedAddress, !known.contains(address), found[address] == nil else {
                        continue
                    }
                    found[address] = ResourceStatus(kind: address.kind, name: address.name, specHash: "",
                                                    resource: resource.identifiers, owner: owner, folder: identity.folder)
                }
            }
        }
        return found.values.sorted { $0.address < $1.address }
    }
}
