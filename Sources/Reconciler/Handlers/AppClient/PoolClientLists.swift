import AWSServices

/// The app-client lists of the user pools read during one live-state read pass, shared by that pass's AppClient
/// reads: a pool's clients are listed once (one ListUserPoolClients, all pages), even when its clients are read in
/// several batches at once (a client moved to another pool is looked for in its old pool too, with that pool's own
/// clients). A new, empty record is made for every pass (`ReconcileContext.forReadPass()`).
///
/// The first caller lists in its own task, so the calls keep its executor (a command's I/O event loop): an
/// unstructured task here would run them on Swift's shared pool, with a thread hop for every answer.
actor PoolClientLists {
    /// A pool's listing: under way, with the callers waiting for it, or done.
    private enum Listing {
        case running(waiting: [CheckedContinuation<[CognitoIdentityProvider.AppClientSummary], any Error>])
        case finished(Result<[CognitoIdentityProvider.AppClientSummary], any Error>)
    }

    /// The listing of each pool, by pool id, started by the first read that needed it.
    private var listings: [String: Listing] = [:]

    /// An empty record.
    init() {}

    /// The clients of `poolId`: `list()`'s answer, called only by the first caller for that pool; the others wait
    /// for it (an error, such as the pool being gone or the first caller's cancellation, reaches each of them).
    func clients(of poolId: String,
                 list: @Sendable () async throws -> [CognitoIdentityProvider.AppClientSummary]) async throws
        -> [CognitoIdentityProvider.AppClientSummary] {
        switch listings[poolId] {
        case let .finished(result):
            return try result.get()
        case let .running(waiting):
            return try await withCheckedThrowingContinuation { continuation in
                listings[poolId] = .running(waiting: waiting + [continuation])
            }
        case nil:
            listings[poolId] = .running(waiting: [])
            let result: Result<[CognitoIdentityProvider.AppClientSummary], any Error>
            do {
                result = .success(try await list())
            } catch {
                result = .failure(error)
            }
            if case let .running(waiting) = listings[poolId] {
                for caller in waiting { caller.resume(with: result) }
            }
            listings[poolId] = .finished(result)
            return try result.get()
        }
    }
}
