import Foundation
import Manifests

/// A read failure that concerns only some of a read's targets (`addresses`): the engine fails those with it and
/// reads the kind's other targets without them (`LiveReader`).
protocol PartialReadError: ReconcileError {
    /// The targets that could not be read.
    var addresses: [ResourceAddress] { get }
}

extension ReadTargetError: PartialReadError {
    var addresses: [ResourceAddress] { [address] }
}

/// The app clients of some of a read's user pools could not be read (a pool's listing or a client's description
/// failed): only the clients looked for in those pools fail, with the first pool's failure; the clients of the
/// pools read are not held up by it (a client moved from a pool whose listing fails does not block the clients of
/// its new pool).
struct PoolMembersReadError: PartialReadError {
    /// The clients looked for in the pools that failed.
    let addresses: [ResourceAddress]
    /// The first pool that failed.
    let poolId: String
    /// Its failure.
    let failure: ReconcileFailure

    var code: String { failure.code }
    var message: String { "reading the app clients of user pool \(poolId): \(failure.message)" }
    var isRetryable: Bool { failure.isRetryable }
    var awsErrorCode: String? { failure.awsErrorCode }
    var retryAt: Date? { failure.retryAt }
}
