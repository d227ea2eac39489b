import AWSServices

/// The app-client lists of the user pools read during one live-state read pass, shared by that pass's AppClient
/// reads: a pool's clients are listed once (one ListUserPoolClients, all pages), even when the clients looked for by
/// name in it are read in several batches of the pass. A new, empty record is made for every pass
/// (`ReconcileContext.forReadPass()`).
///
/// The first caller lists in its own task, so the calls keep its executor (a command's I/O event loop): an
/// unstructured task here would run them on Swift's shared pool, with a thread hop for every answer. When that
/// caller is cancelled, its listing is not the pool's answer: it is forgotten, and a caller that waited and is not
/// cancelled itself lists again.
actor PoolClientLists {
    typealias Clients = [CognitoIdentityProvider.AppClientSummary]

    /// A pool's listing: under way, with the callers waiting for it, or done.
    private enum Listing {
        case running(waiting: [CheckedContinuation<Clients, any Error>])
        case finished(Result<Clients, any Error>)
    }

    /// What a waiting caller is resumed with when the listing it waited for was abandoned: it asks again.
    private struct Abandoned: Error {}

    /// The listing of each pool, by pool id, started by the first read that needed it.
    private var listings: [String: Listing] = [:]

    /// An empty record.
    init() {}

    /// The clients of `poolId`: `list()`'s answer, called only by the first caller for that pool; the others wait
    /// for it (an error, such as the pool being gone, reaches each of them).
    func clients(of poolId: String, list: @Sendable () async throws -> Clients) async throws -> Clients {
        while true {
            switch listings[poolId] {
            case let .finished(result):
                return try result.get()
            case let .running(waiting):
                do {
                    return try await withCheckedThrowingContinuation { continuation in
                        listings[poolId] = .running(waiting: waiting + [continuation])
                    }
                } catch is Abandoned {
                    try Task.checkCancellation()
                    continue
                }
            case nil:
                return try await listFirst(poolId, list: list)
            }
        }
    }

    /// Lists `poolId` for every caller; a failure of a cancelled caller is its own, not the pool's answer.
    private func listFirst(_ poolId: String, list: @Sendable () async throws -> Clients) async throws -> Clients {
        listings[poolId] = .running(waiting: [])
        let result: Result<Clients, any Error>
        do {
            result = .success(try await list())
        } catch {
            result = .failure(error)
        }
        guard case let .running(waiting) = listings[poolId] else { preconditionFailure("one listing per pool") }
        if case .failure = result, Task.isCancelled {
            listings[poolId] = nil
            for caller in waiting { caller.resume(throwing: Abandoned()) }
        } else {
            listings[poolId] = .finished(result)
            for caller in waiting { caller.resume(with: result) }
        }
        return try result.get()
    }
}
