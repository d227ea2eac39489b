import Manifests
import Reconciler

/// The resources whose status records an apply could not write, and why: `/readyz` reports the problem until an
/// apply has written the records of every one of them again. Batches run concurrently, so one batch writing its
/// records says nothing of another's still refused.
struct UnwrittenRecords: Sendable {
    /// Keys of the batches whose records were not written, not written since.
    private(set) var keys: Set<ResourceAddress> = []
    /// The first error of the last apply that could not write (nil: every record is written).
    private(set) var problem: String?

    /// After an apply of `batch` whose store errors are `errors`: the keys of it that are `retried` are unwritten
    /// (with the first error as the problem; a key not retried would hold it until its manifest changes), or the
    /// batch's keys are written again. Returns whether the problem cleared with this apply.
    mutating func record(_ errors: [StatusStoreError], batch: Set<ResourceAddress>,
                         retried: Set<ResourceAddress>) -> Bool {
        if let first = errors.first {
            keys.formUnion(retried)
            problem = "\(first.code): \(first.message)"
            return false
        }
        keys.subtract(batch)
        guard problem != nil, keys.isEmpty else { return false }
        problem = nil
        return true
    }
}
