import Manifests
import Reconciler

/// Holds back removals until they are confirmed: a resource whose manifest is gone (its key left the directory, or
/// a status file has no manifest) is acted on only after two reads of the directory at least `delay` apart both
/// found it missing. A file that shrank to fewer documents than the desired state has from it counts as a removal
/// for this rule: every key of that file is held (a document cut short may still validate with fields missing)
/// until a read at least `delay` later finds the same content. A held key that comes back with its confirmed spec
/// is released at once; one that comes back changed (a file still being written) stays held until its content has
/// not changed for `delay`.
///
/// While a key is held, the desired state keeps its last confirmed manifest (if it had one), so nothing plans a
/// delete of it and its dependents' references still resolve; the controller does not reconcile it. This protects
/// against a directory seen mid-write (a slow checkout, a half-written file, a symlink flip caught half-way); it
/// does not protect against a partial write that stays unchanged for the whole delay. Pure: time is passed in.
public struct PruneGuard: Sendable {
    /// One held key.
    public struct Hold: Sendable, Equatable {
        /// When the key was first seen in its current held state (controller clock).
        public let since: Duration
        /// Its spec hash in that read (nil: missing from the directory).
        public let observed: String?
    }

    /// What one read means once the guard has looked at it.
    public struct Admission: Sendable {
        /// The desired state to act on: the read, with every held key at its last confirmed manifest.
        public let desired: ManifestSnapshot
        /// Keys whose removal is confirmed (no manifest in `desired`): to be reconciled now (deleted or released).
        public let confirmedRemovals: Set<ResourceAddress>
        /// Keys newly held by this read (to log once).
        public let newlyHeld: Set<ResourceAddress>
        /// When the earliest held key can be confirmed: read the directory again then. Nil when nothing is held, or
        /// only removals that wait for the status folder (the next full sync looks at them again).
        public let nextCheck: Duration?
    }

    /// Minimum time between the two reads that confirm a removal (`--prune-delay`).
    public let delay: Duration
    /// The held keys.
    public private(set) var held: [ResourceAddress: Hold] = [:]
    /// Held keys that a read affected while they were held (a settings-wide `suspend`, a dependency changed): owed
    /// a reconcile when their hold ends, as they would have had without it.
    public private(set) var owed: Set<ResourceAddress> = []

    /// A guard with nothing held.
    public init(delay: Duration) {
        self.delay = delay
    }

    /// Looks at `read` (a complete, valid directory read at `now`) against the `current` desired state; `orphans`
    /// are status files without a manifest (known at full syncs; pass `[]` otherwise). `allowRemovals` false (the
    /// status folder cannot be read) holds confirmed removals back too.
    public mutating func admit(read: ManifestSnapshot, current: ManifestSnapshot, orphans: Set<ResourceAddress>,
                               now: Duration, allowRemovals: Bool = true) -> Admission {
        let missingBefore = Set(held.filter { $0.value.observed == nil }.keys)
        let removals = current.addresses.union(orphans).union(missingBefore).subtracting(read.addresses)
        let shrunk = Self.shrunkFiles(read: read, current: current, ignoring: missingBefore)
        let cutShort = Set(read.files.filter { shrunk.contains($0.value) }.keys)
        var confirmed: Set<ResourceAddress> = []
        var newlyHeld: Set<ResourceAddress> = []
        var next: [ResourceAddress: Hold] = [:]
        for key in removals.union(cutShort).union(held.keys) {
            let observed = read.hashes[key]
            let suspect = removals.contains(key) || cutShort.contains(key)
            // Back as confirmed, or new without a confirmed manifest to protect: nothing to hold.
            if !suspect && (observed == current.hashes[key] || current.hashes[key] == nil) { continue }
            guard let hold = held[key], hold.observed == observed else {
                next[key] = Hold(since: now, observed: observed)
                if held[key] == nil { newlyHeld.insert(key) }
                continue
            }
            if now - hold.since >= delay && (observed != nil || allowRemovals) {
                confirmed.insert(key)
            } else {
                next[key] = hold
            }
        }
        held = next
        // With nothing held the read itself is the desired state, not indexed a second time.
        return Admission(desired: held.isEmpty ? read : Self.holding(held, read: read, current: current),
                         confirmedRemovals: confirmed.filter { read.hashes[$0] == nil },
                         newlyHeld: newlyHeld,
                         nextCheck: held.values.filter { allowRemovals || $0.observed != nil }.map { $0.since + delay }.min())
    }

    /// `read` with every key of `held` at its manifest in `current` (left out when it had none); the rest of the
    /// read (its settings document, diagnostics and files) as read.
    static func holding(_ held: [ResourceAddress: Hold], read: ManifestSnapshot,
                        current: ManifestSnapshot) -> ManifestSnapshot {
        var load = read.load
        load.manifests = read.load.manifests.filter { held[$0.id] == nil }
            + current.load.manifests.filter { held[$0.id] != nil }
        return ManifestSnapshot(load: load, previous: current)
    }

    /// Keys held back now (not to be reconciled).
    public var heldKeys: Set<ResourceAddress> { Set(held.keys) }

    /// The keys to queue after a read whose changes affected `affected` (called after that read's `admit`): those
    /// not held, and the held keys an earlier read affected whose hold has ended since. The held ones among
    /// `affected` are remembered (`owed`) until theirs ends.
    public mutating func queueable(_ affected: Set<ResourceAddress>) -> Set<ResourceAddress> {
        let holding = heldKeys
        owed.formUnion(affected.intersection(holding))
        let released = owed.subtracting(holding)
        owed.subtract(released)
        return affected.union(released).subtracting(holding)
    }

    /// The held keys missing from the directory (their removal not yet confirmed), without those of files cut short.
    public var missingKeys: Set<ResourceAddress> { Set(held.filter { $0.value.observed == nil }.keys) }

    /// Files that `read` has fewer (but some) documents of than `current`, not counting the manifests `current`
    /// only keeps because they are held as missing (a file that lost a held manifest, as a rename within one file
    /// does, has not shrunk since the read that missed it).
    static func shrunkFiles(read: ManifestSnapshot, current: ManifestSnapshot,
                            ignoring held: Set<ResourceAddress> = []) -> Set<String> {
        let before = Self.documentCounts(current, ignoring: held)
        let after = Self.documentCounts(read)
        return Set(after.filter { file, count in count < before[file, default: 0] }.keys)
    }

    /// Manifests per file, without the `ignoring` ones.
    static func documentCounts(_ snapshot: ManifestSnapshot, ignoring: Set<ResourceAddress> = []) -> [String: Int] {
        snapshot.files.filter { !ignoring.contains($0.key) }.values
            .reduce(into: [:]) { counts, file in counts[file, default: 0] += 1 }
    }
}
