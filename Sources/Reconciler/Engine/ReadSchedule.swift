import Manifests

/// Which reads of one read pass may start, target by target: a target as soon as every resource that finds it in AWS
/// (`Manifest.readDependencies`: an app client's or MFA policy's pool) has been read, or is not read in this pass.
/// Targets that become startable together form one read call per kind, so a pool's app clients, which become
/// startable when that pool is read, share that pool's one ListUserPoolClients. Pure.
struct ReadSchedule {
    /// Targets not started yet, in address order.
    private var waiting: [ReadTarget]
    /// Every address read in this pass.
    private let reading: Set<ResourceAddress>

    /// A schedule of `targets`, none started.
    init(_ targets: [ReadTarget]) {
        waiting = targets.sorted { $0.address < $1.address }
        reading = Set(targets.map(\.address))
    }

    /// Whether every target has started.
    var isEmpty: Bool { waiting.isEmpty }

    /// Takes the targets that may start now that the live state of `known` is known, grouped by kind in kind order.
    /// When none may start and no read is running (`idle`), every waiting target starts: a target whose resource
    /// is never delivered (a dependency cycle; none is possible in a valid folder) is read without it.
    mutating func start(known: Set<ResourceAddress>, idle: Bool) -> [(kind: ResourceKind, targets: [ReadTarget])] {
        var ready = waiting.filter { target in
            (target.desired?.manifest.readDependencies ?? []).allSatisfy { dependency in
                dependency == target.address || !reading.contains(dependency) || known.contains(dependency)
            }
        }
        if ready.isEmpty && idle { ready = waiting }
        let started = Set(ready.map(\.address))
        waiting.removeAll { started.contains($0.address) }
        return Dictionary(grouping: ready, by: \.address.kind).sorted { $0.key < $1.key }
            .map { (kind: $0.key, targets: $0.value) }
    }
}
