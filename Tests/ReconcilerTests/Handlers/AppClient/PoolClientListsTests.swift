import Synchronization
import Testing
@testable import AWSCore
@testable import AWSServices
@testable import Reconciler

/// The shared app-client lists of one read pass: one listing per pool whoever asks, its answer or error for every
/// caller, and the listing run in the first caller's own task.
@Suite struct PoolClientListsTests {
    typealias Summary = CognitoIdentityProvider.AppClientSummary
    struct Gone: Error, Equatable {}

    /// Callers that ask while the listing runs, and after it ended, all get its answer; it runs once.
    @Test func aPoolIsListedOnceForEveryCaller() async throws {
        let lists = PoolClientLists()
        let calls = Mutex(0)
        let clients = [Summary(clientId: "c1", clientName: "signup")]
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let list: @Sendable () async throws -> [Summary] = {
            calls.withLock { $0 += 1 }
            startedSignal.yield()
            for await _ in release { break }
            return clients
        }
        let first = Task { try await lists.clients(of: "us-east-1_Pool1", list: list) }
        for await _ in started { break }
        let waiting = (0..<3).map { _ in Task { try await lists.clients(of: "us-east-1_Pool1", list: list) } }
        for _ in 0..<50 { await Task.yield() }
        releaseSignal.yield()
        #expect(try await first.value == clients)
        for caller in waiting { #expect(try await caller.value == clients) }
        #expect(try await lists.clients(of: "us-east-1_Pool1", list: list) == clients)
        #expect(calls.withLock { $0 } == 1)
    }

    /// The listing's error reaches the callers that waited for it and those that ask later; another pool is listed
    /// on its own.
    @Test func theListingsErrorReachesEveryCaller() async throws {
        let lists = PoolClientLists()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let failing: @Sendable () async throws -> [Summary] = {
            for await _ in release { break }
            throw Gone()
        }
        let first = Task { try await lists.clients(of: "us-east-1_Gone", list: failing) }
        let second = Task { try await lists.clients(of: "us-east-1_Gone", list: failing) }
        for _ in 0..<50 { await Task.yield() }
        releaseSignal.yield()
        releaseSignal.finish()
        await #expect(throws: Gone()) { try await first.value }
        await #expect(throws: Gone()) { try await second.value }
        await #expect(throws: Gone()) { try await lists.clients(of: "us-east-1_Gone") { [] } }
        #expect(try await lists.clients(of: "us-east-1_Other") { [] } == [])
    }

    /// A first caller cancelled while it lists fails alone: a caller that waited lists again and
    /// gets the pool's clients, and the pool is not recorded as failed.
    @Test func aCancelledFirstCallerLeavesTheListingToTheOthers() async throws {
        let lists = PoolClientLists()
        let clients = [Summary(clientId: "c1", clientName: "signup")]
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let cancelled: @Sendable () async throws -> [Summary] = {
            startedSignal.yield()
            for await _ in release { break }
            try Task.checkCancellation()
            return []
        }
        let listings = Mutex(0)
        let listing: @Sendable () async throws -> [Summary] = {
            listings.withLock { $0 += 1 }
            return clients
        }
        let first = Task { try await lists.clients(of: "us-east-1_Pool1", list: cancelled) }
        for await _ in started { break }
        let waiting = Task { try await lists.clients(of: "us-east-1_Pool1", list: listing) }
        for _ in 0..<50 { await Task.yield() }
        first.cancel()
        releaseSignal.yield()
        await #expect(throws: CancellationError.self) { try await first.value }
        #expect(try await waiting.value == clients)
        #expect(try await lists.clients(of: "us-east-1_Pool1", list: listing) == clients)
        #expect(listings.withLock { $0 } == 1)
    }

    /// The listing runs where its first caller runs: under a command's I/O event loop, its AWS call and answer stay
    /// on that loop's thread instead of moving to Swift's shared pool.
    @Test func theListingRunsOnTheFirstCallersExecutor() async throws {
        let lists = PoolClientLists()
        let onLoop = Mutex<Bool?>(nil)
        _ = try await IOEventLoop.run {
            try await lists.clients(of: "us-east-1_Pool1") {
                onLoop.withLock { $0 = IOEventLoop.loop.inEventLoop }
                return []
            }
        }
        #expect(onLoop.withLock { $0 } == true)
    }
}
