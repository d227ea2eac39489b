import Manifests

/// Why the clients of one user pool could not be searched (its ListUserPoolClients, or a client's description,
/// failed), for the targets looked for in it.
struct PoolSearchFailure: Error {
    /// The pool.
    let poolId: String
    /// What failed.
    let error: any Error

    /// The failure as a target's read failure, naming the pool.
    var failure: ReconcileFailure {
        let failure = ReconcileFailure(classifying: error)
        return ReconcileFailure(code: failure.code, message: "user pool \(poolId): \(failure.message)",
                                isRetryable: failure.isRetryable, awsErrorCode: failure.awsErrorCode,
                                retryAt: failure.retryAt)
    }

    /// A read's result: `found` when nothing failed; the one pool's error, as it is, when every target failed
    /// because of one pool; otherwise a `PartialRead` of the targets read and each failed target's own failure.
    static func outcome(found: [ResourceAddress: LiveState<AppClientLive>],
                        failures: [ResourceAddress: PoolSearchFailure]) throws -> [ResourceAddress: LiveState<AppClientLive>] {
        guard let first = failures.values.first else { return found }
        let read = found.filter { failures[$0.key] == nil }
        if read.isEmpty, failures.values.allSatisfy({ $0.poolId == first.poolId }) { throw first.error }
        throw PartialRead(found: read, failures: failures.mapValues(\.failure))
    }
}
