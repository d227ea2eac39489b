import Foundation
import Reconciler

/// An `ObjectStore` in memory with S3's conditional-write rules, for lease tests. Etags count writes.
///
/// `putBarrier` (when set) holds every `put` until that many are waiting, so racing writers are known to have read
/// the same version before any of them writes; `onPut` runs inside every put before it is decided (a test moves its
/// clock there to make a request take time); `unavailable` makes every call fail as a store that cannot be reached.
actor MemoryObjectStore: ObjectStore {
    /// Objects by key.
    private var objects: [String: StoredObject] = [:]
    /// Writes so far (the next etag).
    private var writes = 0
    /// Puts waiting at the barrier.
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// How many puts the barrier waits for (nil: no barrier).
    private var putBarrier: Int?
    /// Runs inside every put.
    private var onPut: (@Sendable () -> Void)?
    /// Whether every call fails with `unavailable`.
    private var failing = false

    nonisolated var location: String { "memory://test" }

    /// Holds puts until `count` are waiting.
    func holdPuts(until count: Int) { putBarrier = count }

    /// Runs `hook` inside every put.
    func onEveryPut(_ hook: @escaping @Sendable () -> Void) { onPut = hook }

    /// Makes every call fail (true) or work (false).
    func setUnavailable(_ value: Bool) { failing = value }

    /// The record stored under `key`, decoded.
    func record(_ key: String) -> LeaseRecordView? {
        objects[key].flatMap { try? JSONDecoder().decode(LeaseRecordView.self, from: $0.data) }
    }

    func get(_ key: String) async throws(ObjectStoreError) -> StoredObject? {
        guard !failing else { throw .unavailable(location: location, detail: "down") }
        return objects[key]
    }

    func put(_ key: String, data: Data, condition: WriteCondition) async throws(ObjectStoreError) -> String {
        guard !failing else { throw .unavailable(location: location, detail: "down") }
        if let barrier = putBarrier {
            await withCheckedContinuation { continuation in
                waiting.append(continuation)
                if waiting.count >= barrier {
                    putBarrier = nil
                    let released = waiting
                    waiting = []
                    for waiter in released { waiter.resume() }
                }
            }
        }
        onPut?()
        switch condition {
        case .unconditional: break
        case .ifAbsent: guard objects[key] == nil else { throw .preconditionFailed(key: key) }
        case .ifMatch(let etag): guard objects[key]?.etag == etag else { throw .preconditionFailed(key: key) }
        }
        writes += 1
        let etag = "\"\(writes)\""
        objects[key] = StoredObject(data: data, etag: etag)
        return etag
    }

    func delete(_ key: String, ifMatch etag: String?) async throws(ObjectStoreError) {
        guard !failing else { throw .unavailable(location: location, detail: "down") }
        guard let current = objects[key] else { return }
        if let etag, current.etag != etag { throw .preconditionFailed(key: key) }
        objects[key] = nil
    }

    func list(prefix: String) async throws(ObjectStoreError) -> [String] {
        objects.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}

/// The fields of a stored lease record that tests look at.
struct LeaseRecordView: Decodable, Equatable {
    /// Holder id.
    var holder: String
    /// Generation.
    var generation: Int
}
