import Manifests
import Reconciler

/// What a batch is reconciled against, taken when it was admitted, together with the closures the gate holds for
/// it: the desired state, and the keys the prune delay held then (not reconciled; those missing from the directory
/// are pending removals). A removal confirmed between admission and run is thus not seen half: with its manifest
/// still in the snapshot but no longer held.
struct AdmittedState: Sendable {
    /// The last good desired state.
    let snapshot: ManifestSnapshot
    /// The keys held for the prune delay (`PruneGuard.heldKeys`).
    let heldKeys: Set<ResourceAddress>
    /// Of those, the ones missing from the directory (`PruneGuard.missingKeys`).
    let missingKeys: Set<ResourceAddress>
}
