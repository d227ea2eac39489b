/// The dependency closure of each key of a dequeued batch, and the state they were computed from (the controller's
/// manifest snapshot), which the admitted keys are then reconciled against: a batch never touches more than the
/// closures `DependencyGate` holds for it, even when the state changes between its admission and its run.
public struct BatchClosures<Key: Hashable & Sendable, Context: Sendable>: Sendable {
    /// Each key's dependency closure (the key and everything it depends on).
    public let needs: [Key: Set<Key>]
    /// What the closures were computed from.
    public let context: Context

    public init(needs: [Key: Set<Key>], context: Context) {
        self.needs = needs
        self.context = context
    }
}
