import AWSCore
import Foundation
import Synchronization
import Manifests

/// Every status record of one manifest set in one object, `state.json`, of an `ObjectStore` (the S3 state): one GET
/// gives the whole state, so a plan costs one S3 call more than with a local folder.
///
/// `{"version": 1, "statuses": [...]}`, each status the same JSON as a local status file, sorted by address. The
/// document is read once when opened; reads and writes then work on that copy, and `persist()` writes it back with
/// `If-Match` on the entity tag last read or written (`If-None-Match: *` while none exists), so a writer that did
/// not hold the lock is detected, never overwritten. Persists are serialised in call order.
///
/// A lease-holding controller `claim`s the document for its lease generation when it takes over: the document then
/// records that generation (`leaseGeneration`), and the claim's PUT changes the entity tag, so any later write of a
/// deposed leader (which read the document before) fails its `If-Match`; such a failure is reported as
/// `StatusStoreError.superseded` when the stored generation is higher than the writer's.
public final class StateDocument: Sendable {
    /// The object's key in the store.
    public static let key = "state.json"
    /// The format version written and understood.
    static let version = 1

    /// The store the document lives in.
    public let store: any ObjectStore
    /// The working copy and what it is based on.
    private struct Copy {
        /// The records, by address.
        var records: [ResourceAddress: ResourceStatus]
        /// The entity tag of the stored version this copy is based on; nil when no object exists.
        var etag: String?
        /// The highest lease generation that claimed the document (nil: no lease-holding controller wrote it).
        var generation: Int?
        /// Whether no object existed when the document was last read.
        var absentWhenRead: Bool
        /// Whether the copy differs from the stored object.
        var dirty = false
        /// The last persist started, which the next one waits for.
        var lastPersist: Task<Void, any Error>?

        /// A clean copy of a stored version (`etag` nil: none exists).
        init(records: [ResourceAddress: ResourceStatus], etag: String?, generation: Int?) {
            self.records = records
            self.etag = etag
            self.generation = generation
            absentWhenRead = etag == nil
        }
    }

    /// The copy, behind a lock.
    private let copy: Mutex<Copy>

    private init(store: any ObjectStore, records: [ResourceAddress: ResourceStatus], etag: String?, generation: Int?) {
        self.store = store
        copy = Mutex(Copy(records: records, etag: etag, generation: generation))
    }

    /// Whether the state object did not exist when it was last read (first use, or a deleted state), even if this
    /// run has written it since (a controller claims the document as it starts leading).
    public var isMissing: Bool { copy.withLock { $0.absentWhenRead } }

    /// Reads `state.json` from `store` (an absent object is an empty state).
    /// - Throws: `StatusStoreError.state` when the store cannot be read, `.corrupt` when the object is not a state.
    public static func load(from store: any ObjectStore) async throws(StatusStoreError) -> StateDocument {
        let stored: StoredObject?
        do {
            stored = try await store.get(key)
        } catch {
            throw .state(location: store.location, error)
        }
        guard let stored else { return StateDocument(store: store, records: [:], etag: nil, generation: nil) }
        let file = try decode(stored.data, path: path(in: store))
        return StateDocument(store: store, records: file.records, etag: stored.etag, generation: file.leaseGeneration)
    }

    /// The lease generation recorded in the document (the last controller that claimed it), nil when none did.
    public var leaseGeneration: Int? { copy.withLock { $0.generation } }

    /// Records that the holder of lease `generation` writes this state from now on, and writes the document back at
    /// once (a conditional PUT), so a deposed leader's later write fails.
    /// - Throws: `.superseded` when a higher generation already claimed it (this writer was deposed).
    public func claim(generation own: Int) async throws(StatusStoreError) {
        let stored = copy.withLock { $0.generation }
        if let stored, stored > own { throw .superseded(location: store.location, stored: stored, own: own) }
        copy.withLock {
            $0.generation = own
            $0.dirty = true
        }
        try await persist()
    }

    /// Reads the stored document again: its entity tag and generation, and its records under this copy's, which win
    /// (the writer holding the state keeps what it wrote but has not persisted yet, from every batch in flight; the
    /// next `persist` writes them over what is stored now).
    func reload() async throws(StatusStoreError) {
        let fresh = try await Self.load(from: store)
        let stored = fresh.copy.withLock { Copy(records: $0.records, etag: $0.etag, generation: $0.generation) }
        copy.withLock {
            let (lastPersist, own) = ($0.lastPersist, $0.records)
            $0 = stored
            $0.records.merge(own) { _, kept in kept }
            $0.dirty = true
            $0.lastPersist = lastPersist
        }
    }

    /// `location/state.json`, for messages.
    static func path(in store: any ObjectStore) -> String {
        store.location.hasSuffix("/") ? store.location + key : store.location + "/" + key
    }

    /// The records (and the recorded lease generation) of a stored document.
    static func decode(_ data: Data, path: String) throws(StatusStoreError)
        -> (records: [ResourceAddress: ResourceStatus], leaseGeneration: Int?) {
        let file: StateFile
        do {
            file = try PlainJSON.decode(StateFile.self, from: data)
        } catch {
            throw .corrupt(path: path, detail: String(describing: error))
        }
        guard file.version == version else {
            throw .corrupt(path: path, detail: "format version \(file.version), this smsauth reads version \(version)")
        }
        var records: [ResourceAddress: ResourceStatus] = [:]
        for status in file.statuses {
            do {
                _ = try StatusStore.checkedName(status.address)
            } catch {
                throw .corrupt(path: path, detail: "holds a record of \(status.address.kind) whose name "
                    + "\(status.address.name.debugDescription) is not a valid resource name")
            }
            guard records.updateValue(status, forKey: status.address) == nil else {
                throw .corrupt(path: path, detail: "holds the status of \(status.address) twice")
            }
        }
        return (records, file.leaseGeneration)
    }

    /// The bytes of a document holding `statuses`, claimed by lease `leaseGeneration` when given.
    static func encode(_ statuses: [ResourceStatus], leaseGeneration: Int? = nil) throws(StatusStoreError) -> Data {
        do {
            let sorted = statuses.sorted { $0.address < $1.address }
            let file = StateFile(version: version, leaseGeneration: leaseGeneration, statuses: sorted)
            return try StatusStore.encoder().encode(file) + Data("\n".utf8)
        } catch {
            throw .corrupt(path: key, detail: "cannot encode: \(error)")
        }
    }

    func read(_ address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus? {
        _ = try StatusStore.checkedName(address)
        return copy.withLock { $0.records[address] }
    }

    func readAll() -> [ResourceStatus] {
        copy.withLock { $0.records.values.sorted { $0.address < $1.address } }
    }

    func write(_ status: ResourceStatus) throws(StatusStoreError) {
        _ = try StatusStore.checkedName(status.address)
        copy.withLock {
            $0.records[status.address] = status
            $0.dirty = true
        }
    }

    func delete(_ address: ResourceAddress) throws(StatusStoreError) {
        _ = try StatusStore.checkedName(address)
        copy.withLock {
            if $0.records.removeValue(forKey: address) != nil { $0.dirty = true }
        }
    }

    /// Writes the copy back when it changed (after any persist still running).
    func persist() async throws(StatusStoreError) {
        let task: Task<Void, any Error> = copy.withLock {
            let previous = $0.lastPersist
            let task = Task { [self] in
                _ = await previous?.result
                try await writeBack()
            }
            $0.lastPersist = task
            return task
        }
        do {
            try await task.value
        } catch let error as StatusStoreError {
            throw error
        } catch {
            throw .state(location: store.location, .unavailable(location: store.location, detail: "\(error)"))
        }
    }

    /// One conditional PUT of the current copy, if it changed.
    private func writeBack() async throws(StatusStoreError) {
        let (snapshot, basis, changed, own) = copy.withLock { (Array($0.records.values), $0.etag, $0.dirty, $0.generation) }
        guard changed else { return }
        let data = try Self.encode(snapshot, leaseGeneration: own)
        let newTag: String
        do {
            newTag = try await store.put(Self.key, data: data, condition: basis.map { .ifMatch($0) } ?? .ifAbsent)
        } catch .preconditionFailed(let key) {
            try await throwIfSuperseded(own: own)
            throw .state(location: store.location, .preconditionFailed(key: key))
        } catch {
            throw .state(location: store.location, error)
        }
        copy.withLock { copy in
            copy.etag = newTag
            let unchangedSince = copy.records.count == snapshot.count
                && snapshot.allSatisfy { copy.records[$0.address] == $0 }
            if unchangedSince { copy.dirty = false }
        }
    }

    /// After a refused write by the holder of lease `own`: `.superseded` when the stored document was claimed by a
    /// higher generation since (a deposed leader's late write), otherwise returns (an ordinary concurrent writer).
    private func throwIfSuperseded(own: Int?) async throws(StatusStoreError) {
        guard let own, let stored = try? await store.get(Self.key),
              let current = try? Self.decode(stored.data, path: Self.path(in: store)).leaseGeneration,
              current > own else { return }
        throw .superseded(location: store.location, stored: current, own: own)
    }
}

/// The JSON shape of `state.json`.
struct StateFile: Codable {
    /// Format version.
    var version: Int
    /// The lease generation of the controller that last claimed the state (absent when none did).
    var leaseGeneration: Int?
    /// Every status record, sorted by address.
    var statuses: [ResourceStatus]
}
