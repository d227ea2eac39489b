import Foundation
import Synchronization

/// Caches the credentials of another source and fetches new ones when they expire within `refreshWindow`.
/// Concurrent callers share one fetch. When a refresh fails but the cached credentials have not yet expired,
/// the cached ones are returned; credentials without an expiry are kept forever. Fresh cached credentials are read
/// under a lock, without entering the actor: every AWS call asks for them.
public actor RefreshingCredentialProvider: CredentialProvider {
    /// The wrapped source's name.
    public nonisolated let sourceName: String
    /// The source of fresh credentials.
    private let source: any CredentialProvider
    /// How long before expiry credentials are refreshed.
    private let refreshWindow: TimeInterval
    /// Current time.
    private let now: @Sendable () -> Date
    /// The last credentials fetched (written by the actor only).
    private let cached = Mutex<AWSCredentials?>(nil)
    /// The fetch in progress, shared by everyone waiting.
    private var inFlight: Task<AWSCredentials, any Error>?

    /// Wraps `source`; refreshes `refreshWindow` seconds (default 5 minutes) before expiry.
    public init(wrapping source: any CredentialProvider, refreshWindow: TimeInterval = 300,
                now: @escaping @Sendable () -> Date) {
        sourceName = source.sourceName
        self.source = source
        self.refreshWindow = refreshWindow
        self.now = now
    }

    /// Cached credentials while fresh, otherwise the result of one shared fetch.
    public nonisolated func credentials() async throws -> AWSCredentials {
        if let cached = cached.withLock({ $0 }), !needsRefresh(cached) { return cached }
        return try await refreshed()
    }

    /// Cached credentials while fresh (another caller may have refreshed them), otherwise the result of one shared
    /// fetch.
    private func refreshed() async throws -> AWSCredentials {
        let cached = self.cached.withLock { $0 }
        if let cached, !needsRefresh(cached) { return cached }
        let task = inFlight ?? startFetch()
        do {
            return try await task.value
        } catch {
            if let cached, let expiration = cached.expiration, expiration > now() { return cached }
            throw error
        }
    }

    /// Starts a fetch that stores its result and clears itself when done.
    private func startFetch() -> Task<AWSCredentials, any Error> {
        let source = self.source
        let task = Task<AWSCredentials, any Error> {
            defer { self.finishFetch() }
            let fresh = try await source.credentials()
            self.store(fresh)
            return fresh
        }
        inFlight = task
        return task
    }

    /// Records fresh credentials.
    private func store(_ credentials: AWSCredentials) {
        cached.withLock { $0 = credentials }
    }

    /// Forgets the finished fetch.
    private func finishFetch() {
        inFlight = nil
    }

    /// True when `credentials` expire within the refresh window.
    private nonisolated func needsRefresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(now()) < refreshWindow
    }
}
