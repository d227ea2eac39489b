import Foundation
import Testing
@testable import AWSCore

/// A source that counts fetches, can hold them until released, and can be told to fail.
actor CountingSource: CredentialProvider {
    /// `counting`.
    nonisolated let sourceName = "counting"
    /// Number of fetches started.
    private(set) var fetches = 0
    /// Lifetime of returned credentials, from `clock`.
    private let lifetime: TimeInterval?
    /// The clock expirations are computed from.
    private let clock: TestClock
    /// When true, fetches throw.
    private var failing = false
    /// Fetches wait on this until `release()` when set.
    private var gate: CheckedContinuation<Void, Never>?
    /// True while fetches must wait for `release()`.
    private var held: Bool
    /// Waiters for the first fetch to start.
    private var startWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates the source; `held` makes fetches wait for `release()`.
    init(lifetime: TimeInterval?, clock: TestClock, held: Bool = false) {
        self.lifetime = lifetime
        self.clock = clock
        self.held = held
    }

    /// Counts the fetch, waits if held, then returns `ASIA<n>` or fails.
    func credentials() async throws -> AWSCredentials {
        fetches += 1
        startWaiters.forEach { $0.resume() }
        startWaiters = []
        if held { await withCheckedContinuation { gate = $0 } }
        if failing { throw CredentialsError.unreachable(source: sourceName, reason: "down") }
        return AWSCredentials(accessKeyId: "ASIA\(fetches)", secretAccessKey: "s",
                              expiration: lifetime.map { clock.now().addingTimeInterval($0) })
    }

    /// Returns once a fetch has started.
    func waitForFetch() async {
        if fetches > 0 { return }
        await withCheckedContinuation { startWaiters.append($0) }
    }

    /// Lets the held fetch finish.
    func release() {
        held = false
        gate?.resume()
        gate = nil
    }

    /// Makes later fetches fail or succeed.
    func setFailing(_ value: Bool) {
        failing = value
    }
}

/// Caching, refresh window, shared refresh and advisory failures.
@Suite struct RefreshingCredentialProviderTests {
    @Test func cachesUntilFiveMinutesBeforeExpiry() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 3600, clock: clock)
        let provider = RefreshingCredentialProvider(wrapping: source, now: { clock.now() })
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        clock.advance(by: 3600 - 301)
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        clock.advance(by: 2)
        #expect(try await provider.credentials().accessKeyId == "ASIA2")
        #expect(await source.fetches == 2)
        #expect(provider.sourceName == "counting")
    }

    @Test func credentialsWithoutExpiryAreKept() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: nil, clock: clock)
        let provider = RefreshingCredentialProvider(wrapping: source, now: { clock.now() })
        _ = try await provider.credentials()
        clock.advance(by: 86_400 * 365)
        _ = try await provider.credentials()
        #expect(await source.fetches == 1)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 3600, clock: clock, held: true)
        let provider = RefreshingCredentialProvider(wrapping: source, now: { clock.now() })
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try await provider.credentials().accessKeyId }
            }
            await source.waitForFetch()
            for _ in 0..<50 { await Task.yield() }
            await source.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: "ASIA1", count: 8))
        #expect(await source.fetches == 1)
    }

    @Test func failedAdvisoryRefreshKeepsUnexpiredCredentials() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 600, clock: clock)
        let provider = RefreshingCredentialProvider(wrapping: source, now: { clock.now() })
        _ = try await provider.credentials()
        await source.setFailing(true)
        clock.advance(by: 400)
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        clock.advance(by: 300)
        await #expect(throws: CredentialsError.unreachable(source: "counting", reason: "down")) {
            try await provider.credentials()
        }
        await source.setFailing(false)
        #expect(try await provider.credentials().accessKeyId == "ASIA4")
    }
}
