import Foundation
import Reconciler
import Testing

@testable import Controller

/// The lease protocol on an in-memory store and a manual clock: acquire, renew, takeover only after expiry judged
/// on the local clock, one winner of a race, stepping down on 412, and the fence's timing.
@Suite struct ControllerLeaseTests {
    let store = MemoryObjectStore()
    let clock = ManualClock()

    /// A lease of 15 s for a process named `name`.
    func lease(_ name: String, duration: Duration = .seconds(15)) -> ControllerLease {
        ControllerLease(store: store, clock: clock, identity: LeaseIdentity(holder: name, host: "host", pid: 1),
                        duration: duration)
    }

    @Test func acquiresAnAbsentLeaseAndRenewsItWithItsOwnVersion() async throws {
        let first = lease("a")
        #expect(try await first.tryAcquire() == .leading(generation: 1))
        #expect(await store.record(ControllerLease.key) == LeaseRecordView(holder: "a", generation: 1))
        #expect(try first.fence.check() == 1)
        #expect(first.renewInterval == .seconds(5))
        for _ in 0..<6 {
            clock.advance(by: .seconds(5))
            #expect(await first.renew() == .renewed)
        }
        #expect(try first.fence.check() == 1)
    }

    @Test func aStandbyTakesOverOnlyOnceTheVersionItSawHasNotChangedForTheDuration() async throws {
        let leader = lease("a")
        let standby = lease("b")
        _ = try await leader.tryAcquire()
        clock.advance(by: .seconds(100))  // the standby starts counting when it first sees the version, not before
        #expect(try await standby.tryAcquire() == .standby(holder: try #require(await currentRecord())))
        clock.advance(by: .seconds(14))
        #expect(try await standby.tryAcquire() == .standby(holder: try #require(await currentRecord())))
        // The leader, which has not renewed, fenced itself at 15 s, long before the standby may take over.
        #expect(throws: LeaseFenceError.expired(generation: 1)) { try leader.fence.check() }
        clock.advance(by: .seconds(1))
        #expect(try await standby.tryAcquire() == .leading(generation: 2))
        #expect(await store.record(ControllerLease.key) == LeaseRecordView(holder: "b", generation: 2))
        #expect(try standby.fence.check() == 2)
    }

    @Test func aStandbyLooksAgainAtTheMomentTheVersionItWatchesExpires() async throws {
        let leader = lease("a", duration: .seconds(3))
        let standby = lease("b", duration: .seconds(3))
        #expect(await standby.nextAttempt() == .seconds(1))  // nothing seen yet: one renew interval
        _ = try await leader.tryAcquire()
        _ = try await standby.tryAcquire()  // first seen at 0 s
        clock.advance(by: .milliseconds(2500))
        #expect(await standby.nextAttempt() == .seconds(3))  // expiry comes before the next interval (3.5 s)
        clock.advance(by: .milliseconds(500))
        #expect(try await standby.tryAcquire() == .leading(generation: 2))
    }

    @Test func renewalsKeepAStandbyOutForever() async throws {
        let leader = lease("a")
        let standby = lease("b")
        _ = try await leader.tryAcquire()
        for _ in 0..<12 {
            #expect(try await standby.tryAcquire() != .leading(generation: 2))
            clock.advance(by: .seconds(5))
            #expect(await leader.renew() == .renewed)
        }
        #expect(await store.record(ControllerLease.key)?.holder == "a")
    }

    @Test func twoStandbysRacingForAnExpiredLeaseLeaveExactlyOneLeader() async throws {
        let leader = lease("a")
        let b = lease("b")
        let c = lease("c")
        _ = try await leader.tryAcquire()
        _ = try await b.tryAcquire()
        _ = try await c.tryAcquire()
        clock.advance(by: .seconds(15))
        await store.holdPuts(until: 2)  // both have read the expired version before either writes
        async let first = b.tryAcquire()
        async let second = c.tryAcquire()
        let outcomes = [try await first, try await second]
        #expect(outcomes.filter { $0 == .leading(generation: 2) }.count == 1, "\(outcomes)")
        let winner = try #require(await store.record(ControllerLease.key))
        #expect(winner.generation == 2)
        #expect(try (winner.holder == "b" ? b : c).fence.check() == 2)
        #expect(throws: LeaseFenceError.notLeader) { try (winner.holder == "b" ? c : b).fence.check() }
    }

    @Test func aLeaderWhoseRenewalGets412StepsDownAtOnce() async throws {
        let leader = lease("a")
        _ = try await leader.tryAcquire()
        _ = try await store.put(ControllerLease.key, data: Data("{}".utf8), condition: .unconditional)
        #expect(await leader.renew() == .lost(reason: "another process took the lease"))
        #expect(throws: LeaseFenceError.notLeader) { try leader.fence.check() }
        #expect(await leader.isLeading == false)
    }

    @Test func theFenceClosesOneDurationAfterTheStartOfTheLastSuccessfulRenewal() async throws {
        let leader = lease("a")
        _ = try await leader.tryAcquire()
        clock.advance(by: .seconds(5))
        let slowClock = clock
        await store.onEveryPut { slowClock.advance(by: .seconds(2)) }  // the renewal request takes 2 s
        #expect(await leader.renew() == .renewed)  // started at 5 s, answered at 7 s: writes allowed until 20 s
        await store.onEveryPut {}
        await store.setUnavailable(true)
        clock.advance(by: .seconds(5))
        #expect(await leader.renew() == .failed(detail: "state.unavailable: memory://test: down"))
        clock.advance(by: .seconds(7) + .milliseconds(999))
        #expect(try leader.fence.check() == 1)
        clock.advance(by: .milliseconds(1))
        #expect(throws: LeaseFenceError.expired(generation: 1)) { try leader.fence.check() }
        #expect(await leader.renew() == .lost(reason: "not renewed within the lease duration: state.unavailable: memory://test: down"))
        #expect(throws: LeaseFenceError.notLeader) { try leader.fence.check() }
    }

    /// A released lease is kept, marked released with its generation: the next holder (a standby, or a process
    /// started later that never saw the old one) takes it at once with the next generation. Before, the object was
    /// deleted and a later process started again from generation 1, which a state claimed by generation 2 refused.
    @Test func aReleasedLeaseIsTakenAtOnceWithTheNextGeneration() async throws {
        let leader = lease("a")
        let standby = lease("b")
        _ = try await leader.tryAcquire()
        _ = try await standby.tryAcquire()
        try await leader.release()
        let released = try #require(try await store.get(ControllerLease.key).flatMap { LeaseRecord.decode($0.data) })
        #expect(released.isReleased && released.generation == 1 && released.holder == "a")
        #expect(throws: LeaseFenceError.notLeader) { try leader.fence.check() }
        #expect(try await standby.tryAcquire() == .leading(generation: 2))
        try await standby.release()
        #expect(try await lease("c").tryAcquire() == .leading(generation: 3), "a new process follows the released generation")
    }

    /// Every renewal writes other bytes (a count), so the object's version changes even within one second: on S3 the
    /// entity tag is a digest of the bytes, and a standby judges expiry by the version staying the same.
    @Test func everyRenewalMakesANewVersion() async throws {
        let leader = lease("a")
        _ = try await leader.tryAcquire()
        var versions: Set<Data> = [try #require(try await store.get(ControllerLease.key)?.data)]
        for _ in 0..<3 {
            #expect(await leader.renew() == .renewed)
            versions.insert(try #require(try await store.get(ControllerLease.key)?.data))
        }
        #expect(versions.count == 4)
    }

    /// A generation outside 0...2^52 (a hand-edited object) is not a lease record: an unknown holder, taken over after
    /// its duration with a generation that cannot overflow (it used to stop the process with an arithmetic overflow).
    @Test(arguments: [Int.max, 1 << 53, -1])
    func aGenerationOutOfRangeIsAnUnknownHolder(_ generation: Int) async throws {
        let text = #"{"acquiredAt":"2026-01-01T00:00:00Z","durationSeconds":1,"generation":\#(generation),"holder":"evil","host":"h","pid":1,"renewedAt":"2026-01-01T00:00:00Z"}"#
        _ = try await store.put(ControllerLease.key, data: Data(text.utf8), condition: .unconditional)
        let standby = lease("b")
        #expect(try await standby.tryAcquire() == .standby(holder: nil))
        clock.advance(by: .seconds(15))
        #expect(try await standby.tryAcquire() == .leading(generation: 1))
    }

    /// The holder raises its generation above one a state was claimed by (its lease object was deleted by hand); a
    /// process that does not hold the lease cannot.
    @Test func theHolderRaisesItsGenerationAboveAStatesClaim() async throws {
        let leader = lease("a")
        _ = try await leader.tryAcquire()
        #expect(try await leader.raiseGeneration(above: 7) == 8)
        #expect(try leader.fence.check() == 8)
        #expect(try await store.get(ControllerLease.key).flatMap { LeaseRecord.decode($0.data) }?.generation == 8)
        #expect(try await leader.raiseGeneration(above: 3) == 8, "never lowered")
        await #expect(throws: ObjectStoreError.preconditionFailed(key: ControllerLease.key)) {
            _ = try await self.lease("b").raiseGeneration(above: 9)
        }
    }

    @Test func anUnreadableLeaseObjectIsHeldUntilItStaysUnchangedForOurDuration() async throws {
        _ = try await store.put(ControllerLease.key, data: Data("not json".utf8), condition: .unconditional)
        let standby = lease("b")
        #expect(try await standby.tryAcquire() == .standby(holder: nil))
        clock.advance(by: .seconds(15))
        #expect(try await standby.tryAcquire() == .leading(generation: 1))
    }

    @Test(arguments: [(2.5, Duration.milliseconds(2500)), (1e300, .seconds(3600)), (-4, .zero)])
    func aRecordsDurationIsReadWithinBounds(_ seconds: Double, _ expected: Duration) {
        let record = LeaseRecord(holder: "a", host: "h", pid: 1, generation: 1, acquiredAt: Date(), renewedAt: Date(),
                                 durationSeconds: seconds)
        #expect(record.duration == expected)
    }

    /// The record now in the store, decoded as the lease decodes it.
    private func currentRecord() async -> LeaseRecord? {
        guard let object = try? await store.get(ControllerLease.key) else { return nil }
        return LeaseRecord.decode(object.data)
    }
}
