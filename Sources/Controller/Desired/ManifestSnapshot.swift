import Manifests
import Reconciler

/// A complete, valid manifest directory as the controller remembers it: the last good desired state.
///
/// Only a snapshot of a directory that loaded and validated without any error is ever made, so everything the
/// controller plans from (including deletes) comes from a complete directory.
public struct ManifestSnapshot: Sendable {
    /// The load result (no errors).
    public let load: LoadResult
    /// `SpecHash` of each manifest, by address.
    public let hashes: [ResourceAddress: String]
    /// Direct dependencies of each manifest (its references), by address.
    public let dependencies: [ResourceAddress: [ResourceAddress]]
    /// Which file each manifest came from.
    public let files: [ResourceAddress: String]

    /// Indexes `load`, which must have no error (`ManifestSource` guarantees it).
    public init(load: LoadResult) {
        self.load = load
        var hashes: [ResourceAddress: String] = [:]
        var dependencies: [ResourceAddress: [ResourceAddress]] = [:]
        var files: [ResourceAddress: String] = [:]
        for manifest in load.manifests {
            hashes[manifest.id] = SpecHash.of(manifest)
            dependencies[manifest.id] = DesiredState.dependencies(of: manifest)
            files[manifest.id] = manifest.location.file
        }
        self.hashes = hashes
        self.dependencies = dependencies
        self.files = files
    }

    /// The snapshot of an empty directory (before the first good load).
    public static let empty = ManifestSnapshot(load: LoadResult())

    /// Every manifest's address.
    public var addresses: Set<ResourceAddress> { Set(hashes.keys) }

    /// The keys to reconcile after the directory went from `old` to `self`: manifests added, removed or whose
    /// spec hash changed, plus everything that depends on them (directly or through others) in either snapshot.
    public func affectedKeys(since old: ManifestSnapshot) -> Set<ResourceAddress> {
        var changed = Set<ResourceAddress>()
        for address in addresses.union(old.addresses) where hashes[address] != old.hashes[address] {
            changed.insert(address)
        }
        return Self.withDependents(of: changed, in: [dependencies, old.dependencies])
    }

    /// `keys` and every address that depends on one of them in any of the `graphs`.
    static func withDependents(of keys: Set<ResourceAddress>,
                               in graphs: [[ResourceAddress: [ResourceAddress]]]) -> Set<ResourceAddress> {
        var dependents: [ResourceAddress: Set<ResourceAddress>] = [:]
        for graph in graphs {
            for (address, needs) in graph {
                for dependency in needs { dependents[dependency, default: []].insert(address) }
            }
        }
        var found = keys
        var pending = Array(keys)
        while let next = pending.popLast() {
            for dependent in dependents[next] ?? [] where found.insert(dependent).inserted { pending.append(dependent) }
        }
        return found
    }

    /// Manifests of the last good state that came from one of `files` (relative paths as the loader reports them).
    public func addresses(inFiles files: Set<String>) -> Set<ResourceAddress> {
        Set(self.files.filter { files.contains($0.value) }.map(\.key))
    }
}
