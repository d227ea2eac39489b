import Reconciler

/// Remembers the AWS account id (STS GetCallerIdentity) between the controller's reconciles, per region asked.
///
/// The account of a credential source never changes: rotated or refreshed credentials of the same profile, role or
/// instance still belong to the same account. So focused reconciles (a file change, a retry, a pending poll) use
/// the remembered id and go straight to reading the resources; the controller calls `forget()` at every full sync
/// (start and each resync), so the credentials are still checked (and `/readyz` updated) once per resync period.
/// Failures are never remembered: the next reconcile asks again.
public actor AccountCache {
    /// The real lookup.
    private let lookup: ReconcileEngine.AccountLookup
    /// Account ids found, by the region they were asked in (nil: the default).
    private var accounts: [String?: String] = [:]
    /// Lookups in flight, so concurrent reconciles share one STS call.
    private var inFlight: [String?: Task<String, any Error>] = [:]
    /// STS lookups started so far.
    public private(set) var lookups = 0

    /// Wraps `lookup` (defaults to STS GetCallerIdentity).
    public init(lookup: @escaping ReconcileEngine.AccountLookup = ReconcileEngine.callerAccount) {
        self.lookup = lookup
    }

    /// The lookup to give the engine: answers from the cache, else asks once.
    public nonisolated var engineLookup: ReconcileEngine.AccountLookup {
        let lookup = lookup
        return { context, region in try await self.account(region: region) { try await lookup(context, region) } }
    }

    /// The account for `region`: remembered, or found by `lookup` now (concurrent callers share one lookup).
    public func account(region: String?, lookup: @escaping @Sendable () async throws -> String) async throws -> String {
        if let account = accounts[region] { return account }
        if let task = inFlight[region] { return try await task.value }
        lookups += 1
        let task = Task { try await lookup() }
        inFlight[region] = task
        defer { inFlight[region] = nil }
        let account = try await task.value
        accounts[region] = account
        return account
    }

    /// Drops every remembered id: the next reconcile calls STS again.
    public func forget() {
        accounts.removeAll()
    }
}
