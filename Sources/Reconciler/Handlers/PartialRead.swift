import Manifests

/// What a handler's read throws when some of its targets could not be read and the others were: the states it read
/// (`found`) and each other target's own failure (`failures`). The engine takes both as they are: the targets read
/// are not read again, and each failed target is blocked with its own reason (`LiveReader`). An app client read
/// throws it when some of the pools it searches cannot be listed (a client moved out of a pool whose listing fails
/// does not hold up the clients of its new pool).
struct PartialRead<Live: Sendable>: Error {
    /// The targets read.
    let found: [ResourceAddress: LiveState<Live>]
    /// The targets not read, each with why.
    let failures: [ResourceAddress: ReconcileFailure]
}

/// `PartialRead` with its states erased to observations (`AnyResourceHandler`), as `LiveReader` receives it.
struct PartialObservations: Error {
    /// The targets read.
    let found: [ResourceAddress: Observation]
    /// The targets not read, each with why.
    let failures: [ResourceAddress: ReconcileFailure]
}
