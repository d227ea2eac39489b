import Manifests
import Reconciler

/// A complete, valid manifest directory as the controller remembers it: the last good desired state.
///
/// Only a snapshot of a directory that loaded and validated without any error is ever made, so everything the
/// controller plans from (including deletes) comes from a complete directory. The state the controller acts on is
/// such a read with the keys `PruneGuard` holds put back at their last confirmed manifests.
public struct ManifestSnapshot: Sendable {
    /// The load result (no errors).
    public let load: LoadResult
    /// `SpecHash` of each manifest, by address.
    public let hashes: [ResourceAddress: String]
    /// Direct dependencies of each manifest (its references), by address.
    public let dependencies: [ResourceAddress: [ResourceAddress]]
    /// The graph of `dependencies`.
    public let graph: ResourceGraph
    /// Which file each manifest came from.
    public let files: [ResourceAddress: String]

    /// Position of each manifest in `load.manifests` (to recognise unchanged ones in the next snapshot; an index,
    /// not a second copy of manifests of over a kilobyte each).
    let positions: [ResourceAddress: Int]

    /// Indexes `load`, which must have no error (`ManifestSource` guarantees it). A manifest equal to the one at its
    /// address in `previous` keeps its hash and dependencies from there: the spec hash is taken by reflection over
    /// every field, which for a few hundred manifests costs tens of milliseconds on every file change.
    public init(load: LoadResult, previous: ManifestSnapshot? = nil) {
        self.load = load
        var hashes: [ResourceAddress: String] = [:]
        var dependencies: [ResourceAddress: [ResourceAddress]] = [:]
        var files: [ResourceAddress: String] = [:]
        var positions: [ResourceAddress: Int] = [:]
        for (position, manifest) in load.manifests.enumerated() {
            let address = manifest.id
            positions[address] = position
            files[address] = manifest.location.file
            if let previous, let hash = previous.hashes[address], let old = previous.positions[address],
               previous.load.manifests[old] == manifest {
                hashes[address] = hash
                dependencies[address] = previous.dependencies[address] ?? []
            } else {
                hashes[address] = SpecHash.of(manifest)
                dependencies[address] = manifest.dependencies
            }
        }
        self.hashes = hashes
        self.dependencies = dependencies
        // A change that moves no reference (most do not) keeps the graph: building it sorts every address.
        self.graph = previous.flatMap { $0.dependencies == dependencies ? $0.graph : nil }
            ?? ResourceGraph(dependencies: dependencies)
        self.files = files
        self.positions = positions
    }

    /// The snapshot of an empty directory (before the first good load).
    public static let empty = ManifestSnapshot(load: LoadResult())

    /// `key` and everything it depends on, directly or through others (a key without a manifest: itself alone).
    public func dependencyClosure(of key: ResourceAddress) -> Set<ResourceAddress> {
        graph.closure(of: [key])
    }

    /// Every manifest's address.
    public var addresses: Set<ResourceAddress> { Set(hashes.keys) }

    /// The keys to reconcile after the directory went from `old` to `self`: manifests added, removed, whose spec
    /// hash changed or that were suspended or resumed (`policy.suspend`; every manifest when `suspend` in the
    /// settings document changed), plus everything that depends on them (directly or through others) in either
    /// snapshot, and every SandboxNumber when a UserPool changed (its sandbox may follow the pools). Labels are not
    /// looked at: see `selectionChanges(since:selector:)`.
    public func affectedKeys(since old: ManifestSnapshot) -> Set<ResourceAddress> {
        var changed = Set<ResourceAddress>()
        for address in addresses.union(old.addresses) where hashes[address] != old.hashes[address] {
            changed.insert(address)
        }
        // `suspend` is not in the spec hash (an operator's switch, not desired state), yet turning it off must
        // correct the drift now, not at the next resync, and turning it on records `Suspended` now.
        if (load.settings?.isSuspended == true) != (old.load.settings?.isSuspended == true) {
            changed.formUnion(addresses.union(old.addresses))
        }
        for address in addresses where hasSuspendPolicy(address) != old.hasSuspendPolicy(address) {
            changed.insert(address)
        }
        // A SandboxNumber without `spec.service` goes in the sandbox of the pools sending SMS from its region
        // (`SandboxService`), which no reference records: a changed pool may move every number (at most 10 a region).
        if changed.contains(where: { $0.kind == .userPool }) {
            changed.formUnion(addresses.union(old.addresses).filter { $0.kind == .sandboxNumber })
        }
        return ResourceGraph.withDependents(of: changed, in: [dependencies, old.dependencies])
    }

    /// The keys to reconcile, beyond `affectedKeys`, because the directory went from `old` to `self` under
    /// `selector`: manifests `selector` takes in now and did not before (labels are not in the spec hash: they
    /// select, they do not describe), and what an unselected manifest names or named, when it entered or left the
    /// selection, was added or removed, or changed its references: a resource's replacement waits while an
    /// unselected manifest names it (`RunPlanner`), so such a change may end or start that wait. A relabel that
    /// keeps a manifest in (or out of) the selection affects nothing.
    public func selectionChanges(since old: ManifestSnapshot, selector: LabelSelector) -> Set<ResourceAddress> {
        let now = selector.selecting(load.manifests), before = selector.selecting(old.load.manifests)
        var keys = now.subtracting(before)
        let unselected = { (key: ResourceAddress) in
            (self.positions[key] != nil && !now.contains(key)) || (old.positions[key] != nil && !before.contains(key))
        }
        for key in addresses.union(old.addresses) where unselected(key) {
            let names = dependencies[key], named = old.dependencies[key]
            if now.contains(key) != before.contains(key) || names != named {
                keys.formUnion((names ?? []) + (named ?? []))
            }
        }
        return keys
    }

    /// Whether the manifest at `address` says `policy.suspend: true` (false when there is no manifest at `address`;
    /// the settings document's `suspend` is not looked at).
    private func hasSuspendPolicy(_ address: ResourceAddress) -> Bool {
        positions[address].map { load.manifests[$0].isSuspended } ?? false
    }

    /// Manifests of the last good state that came from one of `files` (relative paths as the loader reports them).
    public func addresses(inFiles files: Set<String>) -> Set<ResourceAddress> {
        Set(self.files.filter { files.contains($0.value) }.map(\.key))
    }
}
