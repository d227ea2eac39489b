/// Decides which dequeued keys may start while other batches are being reconciled, so that concurrent workers never
/// touch the same resource.
///
/// A focused reconcile of a key also reads, and may create or update, everything the key depends on (a new app
/// client creates its pool first). So each batch in flight holds the *dependency closure* of its keys (the keys and
/// everything they depend on, directly or through others), and a key may start only when its closure shares nothing
/// with any other batch's: a dependent never runs while its dependency is in flight, nor a dependency while a
/// dependent (which may be creating it) is, nor two dependents that could both create their shared dependency.
///
/// A key that may not start is deferred: `release(_:)` of the batch that held it back hands it back, to be queued
/// again. Keys of one batch never conflict with each other: one engine run orders them by dependency.
struct DependencyGate<Key: Hashable & Sendable>: Sendable {
    /// The closure held by each batch in flight, by batch id.
    private var held: [Int: Set<Key>] = [:]
    /// Keys held back, and the batches that held them back.
    private var deferred: [Key: Set<Int>] = [:]
    /// Id of the next admitted batch.
    private var nextID = 0

    /// Number of batches in flight.
    var batchesInFlight: Int { held.count }

    /// Keys deferred and not yet handed back.
    var deferredKeys: Set<Key> { Set(deferred.keys) }

    /// Splits a dequeued `batch` into the keys that start now (as batch `id`, holding their closures) and the keys
    /// that must wait; `closure` gives a key's dependency closure (the key included).
    mutating func admit(_ batch: [Key], closure: (Key) -> Set<Key>) -> (id: Int, admitted: [Key], deferred: [Key]) {
        let id = nextID
        nextID += 1
        var holding: Set<Key> = []
        var admitted: [Key] = []
        var waiting: [Key] = []
        for key in batch {
            let needs = closure(key).union([key])
            let blockers = held.filter { !$0.value.isDisjoint(with: needs) }.map(\.key)
            if blockers.isEmpty {
                admitted.append(key)
                holding.formUnion(needs)
            } else {
                waiting.append(key)
                deferred[key, default: []].formUnion(blockers)
            }
        }
        if !admitted.isEmpty { held[id] = holding }
        return (id, admitted, waiting)
    }

    /// Ends batch `id`; returns the keys it held back (in no particular order), which may start again once queued.
    mutating func release(_ id: Int) -> [Key] {
        guard held.removeValue(forKey: id) != nil else { return [] }
        var freed: [Key] = []
        for (key, blockers) in deferred where blockers.contains(id) {
            deferred.removeValue(forKey: key)
            freed.append(key)
        }
        return freed
    }
}
