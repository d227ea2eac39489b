import AWSServices

/// The app-client lists of the user pools read during one live-state read pass, shared by that pass's AppClient
/// reads: a pool's clients are listed once (one ListUserPoolClients, all pages), even when its clients are read in
/// several batches at once (a client moved to another pool is looked for in its old pool too, with that pool's own
/// clients). A new, empty record is made for every pass (`ReconcileContext.forReadPass()`).
actor PoolClientLists {
    /// The listing of each pool, by pool id, started by the first read that needed it.
    private var listings: [String: Task<[CognitoIdentityProvider.AppClientSummary], any Error>] = [:]

    /// An empty record.
    init() {}

    /// The clients of `poolId`: `list()`'s answer, called only by the first caller for that pool; the others wait
    /// for it (an error, such as the pool being gone, reaches each of them).
    func clients(of poolId: String,
                 list: @escaping @Sendable () async throws -> [CognitoIdentityProvider.AppClientSummary]) async throws
        -> [CognitoIdentityProvider.AppClientSummary] {
        if let listing = listings[poolId] { return try await listing.value }
        let listing = Task { try await list() }
        listings[poolId] = listing
        return try await listing.value
    }
}
