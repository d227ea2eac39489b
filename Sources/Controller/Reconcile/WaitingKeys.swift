/// Keys whose last reconcile waited on a dependency (blocked on a resource that is pending or not ready), and
/// which of them to queue again when a key succeeds: controller-runtime's "watch the owner, requeue the dependent",
/// so a dependent does not sit out a whole pending poll after its dependency became ready.
struct WaitingKeys<Key: Hashable & Comparable & Sendable>: Sendable {
    /// The waiting keys.
    private(set) var keys: Set<Key> = []

    /// Records how `key` ended; returns the waiting keys to queue now (sorted): after a success, every waiting key
    /// whose dependency closure (`closure`) contains `key`.
    mutating func record(_ key: Key, outcome: KeyOutcome, closure: (Key) -> Set<Key>) -> [Key] {
        switch outcome {
        case .waiting:
            keys.insert(key)
            return []
        case .succeeded:
            keys.remove(key)
            return keys.filter { closure($0).contains(key) }.sorted()
        case .retry, .terminal:
            keys.remove(key)
            return []
        }
    }
}
