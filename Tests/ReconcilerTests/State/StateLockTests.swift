import Foundation
import Testing
@testable import Reconciler

/// The S3 state's apply lock: created with If-None-Match, held locks name their holder, released with If-Match.
@Suite struct StateLockTests {
    static let record = StateLockRecord(holder: "smsauth reconcile /w/a (owner team-a)", host: "ci-1", pid: 42,
                                        since: Date(timeIntervalSince1970: 1_760_000_000))

    @Test func oneHolderAtATimeAndTheRefusalNamesIt() async throws {
        let objects = MemoryObjectStore()
        let lock = try await StateLock.acquire(store: objects, record: Self.record)
        let other = StateLockRecord(holder: "smsauth reconcile /w/b (owner team-a)", host: "ci-2", pid: 7, since: Date())
        let error = await #expect(throws: StateLockError.self) {
            try await StateLock.acquire(store: objects, record: other)
        }
        #expect(error == .alreadyHeld(location: objects.location, holder: Self.record, waitedSeconds: 0))
        #expect(error?.description.contains("pid 42 on host ci-1") == true)
        #expect(error?.description.contains("/w/a") == true)
        try await lock.release()
        #expect(objects.object(StateLock.key) == nil)
        _ = try await StateLock.acquire(store: objects, record: other)
    }

    /// `--lock-timeout`: a waiting acquirer gets the lock once the holder releases it.
    @Test func aWaiterGetsTheLockWhenReleased() async throws {
        let objects = MemoryObjectStore()
        let lock = try await StateLock.acquire(store: objects, record: Self.record)
        Task {
            try await Task.sleep(for: .milliseconds(300))
            try await lock.release()
        }
        let second = try await StateLock.acquire(store: objects, record: Self.record, timeout: .seconds(60))
        try await second.verify()
    }

    /// A lock removed and taken by someone else meanwhile is neither verified nor released by the old holder.
    @Test func aReplacedLockIsLost() async throws {
        let objects = MemoryObjectStore()
        let lock = try await StateLock.acquire(store: objects, record: Self.record)
        objects.overwrite(StateLock.key, data: Data("{}".utf8))
        await #expect(throws: StateLockError.lost(location: objects.location)) { try await lock.verify() }
        await #expect(throws: StateLockError.lost(location: objects.location)) { try await lock.release() }
        #expect(objects.object(StateLock.key) != nil)
    }

    /// 409 ConditionalRequestConflict while acquiring: someone else is taking it. Held when their object is there;
    /// when it is gone again by the time the holder is read, one more try takes it.
    @Test func aConflictCountsAsHeldUnlessTheLockIsGoneAgain() async throws {
        let objects = MemoryObjectStore()
        let theirs = StateLockRecord(holder: "smsauth reconcile /w/b (no owner)", host: "ci-2", pid: 7, since: Self.record.since)
        objects.overwrite(StateLock.key, data: try StatusStore.encoder().encode(theirs))
        objects.failNext(.conflict(key: StateLock.key))
        let error = await #expect(throws: StateLockError.self) {
            try await StateLock.acquire(store: objects, record: Self.record)
        }
        #expect(error == .alreadyHeld(location: objects.location, holder: theirs, waitedSeconds: 0))

        let free = MemoryObjectStore()
        free.failNext(.conflict(key: StateLock.key))
        let lock = try await StateLock.acquire(store: free, record: Self.record)
        #expect(free.calls == ["put lock.json ifAbsent", "get lock.json", "put lock.json ifAbsent"])
        try await lock.verify()
    }
}
