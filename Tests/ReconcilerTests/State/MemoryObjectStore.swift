import Foundation
import Synchronization
@testable import Reconciler

/// An `ObjectStore` in memory with S3's conditional-write semantics (entity tags are a counter), recording every call,
/// and able to fail the next calls (`failNext`).
final class MemoryObjectStore: ObjectStore {
    private let state = Mutex<(objects: [String: StoredObject], counter: Int, calls: [String], failures: [ObjectStoreError])>(
        ([:], 0, [], []))

    let location = "s3://memory-bucket/test"

    /// The calls made, as `get KEY`, `put KEY ifAbsent`, ….
    var calls: [String] { state.withLock { $0.calls } }

    /// The current bytes under `key`.
    func object(_ key: String) -> StoredObject? { state.withLock { $0.objects[key] } }

    /// Makes the next calls throw these errors, in order.
    func failNext(_ errors: ObjectStoreError...) { state.withLock { $0.failures += errors } }

    /// Replaces `key` as another writer would.
    @discardableResult
    func overwrite(_ key: String, data: Data) -> String {
        state.withLock { state in
            state.counter += 1
            state.objects[key] = StoredObject(data: data, etag: "\"\(state.counter)\"")
            return "\"\(state.counter)\""
        }
    }

    func get(_ key: String) async throws(ObjectStoreError) -> StoredObject? {
        try state.withLock { state throws(ObjectStoreError) in
            state.calls.append("get \(key)")
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            return state.objects[key]
        }
    }

    func put(_ key: String, data: Data, condition: WriteCondition) async throws(ObjectStoreError) -> String {
        try state.withLock { state throws(ObjectStoreError) in
            state.calls.append("put \(key) \(condition)")
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            switch condition {
            case .unconditional: break
            case .ifAbsent: guard state.objects[key] == nil else { throw .preconditionFailed(key: key) }
            case .ifMatch(let etag): guard state.objects[key]?.etag == etag else { throw .preconditionFailed(key: key) }
            }
            state.counter += 1
            let etag = "\"\(state.counter)\""
            state.objects[key] = StoredObject(data: data, etag: etag)
            return etag
        }
    }

    func delete(_ key: String, ifMatch etag: String?) async throws(ObjectStoreError) {
        try state.withLock { state throws(ObjectStoreError) in
            state.calls.append("delete \(key)")
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            guard let current = state.objects[key] else { return }
            if let etag, current.etag != etag { throw .preconditionFailed(key: key) }
            state.objects[key] = nil
        }
    }

    func list(prefix: String) async throws(ObjectStoreError) -> [String] {
        state.withLock { state in
            state.calls.append("list \(prefix)")
            return state.objects.keys.filter { $0.hasPrefix(prefix) }.sorted()
        }
    }
}
