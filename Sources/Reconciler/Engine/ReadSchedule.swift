import Manifests

/// Which reads of one read pass may start, target by target: a target as soon as every resource that finds it in AWS
/// (`Manifest.readDependencies`: an app client's or MFA policy's pool) has been read, or is not read in this pass,
/// and, for a kind whose read waits for a whole kind (`KindRelations.wholeKindReadDependencies`: numbers for
/// registrations), once every resource of that kind in this pass is read. A resource whose manifest is gone names
/// nothing: it is found by the ids its status recorded, once every resource of the kinds that find its kind is read
/// (a removed MFA policy after every pool, so its pool, removed too, was described by the UserPool read).
/// Targets that become startable together form one read call per kind, so a pool's app clients, which become
/// startable when that pool is read, share that pool's one ListUserPoolClients. Pure; each target's dependencies
/// are worked out once, and marking a resource known touches only the targets waiting for it.
struct ReadSchedule {
    /// Targets not started whose dependencies are all known.
    private var ready: [ReadTarget]
    /// Targets not started, with the dependencies still unknown (never empty).
    private var waiting: [ResourceAddress: (target: ReadTarget, unknown: Set<ResourceAddress>)] = [:]
    /// The waiting targets of each unknown dependency.
    private var waiters: [ResourceAddress: [ResourceAddress]] = [:]

    /// A schedule of `targets`, none started.
    init(_ targets: [ReadTarget]) {
        let reading = Set(targets.map(\.address))
        let byKind = Dictionary(grouping: reading, by: \.kind)
        ready = []
        for target in targets {
            let relations = target.address.kind.relations
            let named = target.desired.map { Set($0.manifest.readDependencies).intersection(reading) }
                ?? Set(relations.foundByKinds.flatMap { byKind[$0] ?? [] })
            let unknown = named.union(relations.wholeKindReadDependencies.flatMap { byKind[$0] ?? [] })
                .subtracting([target.address])
            guard !unknown.isEmpty else {
                ready.append(target)
                continue
            }
            waiting[target.address] = (target, unknown)
            for dependency in unknown { waiters[dependency, default: []].append(target.address) }
        }
    }

    /// Whether every target has started.
    var isEmpty: Bool { ready.isEmpty && waiting.isEmpty }

    /// Records that the live state of `address` is known (read, or its read failed).
    mutating func known(_ address: ResourceAddress) {
        for waiter in waiters.removeValue(forKey: address) ?? [] {
            guard var entry = waiting[waiter] else { continue }
            entry.unknown.remove(address)
            if entry.unknown.isEmpty {
                waiting[waiter] = nil
                ready.append(entry.target)
            } else {
                waiting[waiter] = entry
            }
        }
    }

    /// Takes the targets that may start now, grouped by kind in kind order, each group in address order. When none
    /// may start and no read is running (`idle`), every waiting target starts: a target whose resource is never
    /// known (a dependency cycle; none is possible in a valid folder) is read without it.
    mutating func start(idle: Bool) -> [(kind: ResourceKind, targets: [ReadTarget])] {
        if ready.isEmpty && idle {
            ready = waiting.values.map(\.target)
            waiting = [:]
            waiters = [:]
        }
        let started = ready
        ready = []
        // Positions are sorted rather than targets: sorting moves its elements, and a target (with its status) is
        // a large value.
        return Dictionary(grouping: started.indices, by: { started[$0].address.kind }).sorted { $0.key < $1.key }
            .map { kind, positions in
                (kind: kind, targets: positions.sorted { started[$0].address < started[$1].address }.map { started[$0] })
            }
    }
}
