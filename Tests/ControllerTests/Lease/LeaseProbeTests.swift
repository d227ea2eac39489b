import AWSCore
import Foundation
import Reconciler
import Synchronization
import Testing

@testable import Controller

/// What an apply finds of the controllers' lease, and the fenced transport.
@Suite struct LeaseProbeTests {
    /// What the probe found, once it finished.
    actor Outcome {
        /// The finding or the store's error; nil while the probe runs.
        private(set) var result: Result<LeaseProbe.Finding, ObjectStoreError>?

        /// Records the probe's end.
        func set(_ result: Result<LeaseProbe.Finding, ObjectStoreError>) { self.result = result }
    }

    let store = MemoryObjectStore()
    let clock = ManualClock()

    /// What the probe said it watches: each call's holder and longest wait.
    final class Watched: Sendable {
        private let calls = Mutex<[(holder: String?, duration: Duration)]>([])
        var all: [(holder: String?, duration: Duration)] { calls.withLock { $0 } }
        func record(_ record: LeaseRecord?, _ duration: Duration) { calls.withLock { $0.append((record?.holder, duration)) } }
    }

    /// Runs the probe, calling `step` and moving the manual clock by one poll (500 ms) each time it waits.
    func probe(watched: Watched = Watched(), _ step: @escaping @Sendable () async -> Void) async throws -> LeaseProbe.Finding {
        let store = store, clock = clock
        let outcome = Outcome()
        Task {
            do throws(ObjectStoreError) {
                let finding = try await LeaseProbe.check(store: store, clock: clock, watching: watched.record)
                await outcome.set(.success(finding))
            } catch {
                await outcome.set(.failure(error))
            }
        }
        for _ in 0..<10_000 {
            if let result = await outcome.result { return try result.get() }
            if clock.sleeperCount > 0 {
                await step()
                clock.advance(by: .milliseconds(500))
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw CancellationError()
    }

    @Test func noLeaseIsFree() async throws {
        #expect(try await LeaseProbe.check(store: store, clock: clock) == .free)
    }

    @Test func aRenewedLeaseIsHeld() async throws {
        let leader = ControllerLease(store: store, clock: clock, identity: LeaseIdentity(holder: "a", host: "h", pid: 7),
                                     duration: .seconds(3))
        _ = try await leader.tryAcquire()
        let finding = try await probe { _ = await leader.renew() }
        guard case .held(let record) = finding else { Issue.record("\(finding)"); return }
        #expect(record?.holder == "a")
        #expect(record?.pid == 7)
    }

    /// Marked released rather than deleted: the next controller's generation follows it (a new one started from 1
    /// and found the state claimed by a higher generation).
    @Test func aLeaseUnchangedForItsDurationIsReleasedAndFree() async throws {
        let leader = ControllerLease(store: store, clock: clock, identity: LeaseIdentity(holder: "a", host: "h", pid: 7),
                                     duration: .seconds(3))
        _ = try await leader.tryAcquire()
        let watched = Watched()
        #expect(try await probe(watched: watched) {} == .free)
        let kept = try #require(try await store.get(ControllerLease.key).flatMap { LeaseRecord.decode($0.data) })
        #expect(kept.isReleased && kept.generation == 1)
        #expect(try await probe {} == .free, "a released lease is free at once")
        let next = ControllerLease(store: store, clock: clock, identity: LeaseIdentity(holder: "b", host: "h", pid: 8),
                                   duration: .seconds(3))
        #expect(try await next.tryAcquire() == .leading(generation: 2))
        #expect(clock.now() >= .seconds(3))
        // Said once, before the watch, with the holder and the longest wait.
        #expect(watched.all.count == 1)
        #expect(watched.all.first?.holder == "a")
        #expect(watched.all.first?.duration == .seconds(3))
    }

    @Test func noLeaseIsNotWatched() async throws {
        let watched = Watched()
        #expect(try await LeaseProbe.check(store: store, clock: clock, watching: watched.record) == .free)
        #expect(watched.all.isEmpty)
    }

    @Test func theFencedTransportSendsNothingWhileClosed() async throws {
        let base = CountingTransport(response: HTTPResponse(status: 200))
        let fence = LeaseFence(now: { .zero })
        let transport = FencedTransport(base: base, fence: fence)
        let request = HTTPRequest(method: "POST", url: try #require(URL(string: "http://127.0.0.1/")))
        await #expect(throws: LeaseFenceError.notLeader) { _ = try await transport.send(request, timeout: .seconds(1)) }
        #expect(base.count == 0)
        fence.open(generation: 1, until: .seconds(1))
        _ = try await transport.send(request, timeout: .seconds(1))
        #expect(base.count == 1)
    }
}
