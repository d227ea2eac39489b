import Foundation
import Manifests

/// Every status record of one manifest set in one object, `state.json`, of an `ObjectStore` (the S3 state): one GET
/// gives the whole state, so a plan costs one S3 call more than with a local folder.
///
/// `{"version": 1, "statuses": [...]}`, each status the same JSON as a local status file, sorted by address. The
/// document is read once when opened; reads and writes then work on that copy, and `persist()` writes it back with
/// `If-Match` on the entity tag last read or written (`If-None-Match: *` while none exists), so a writer that did
/// not hold the lock is detected, never overwritten. Persists are serialised in call order.
public final class StateDocument: @unchecked Sendable {
    /// The object's key in the store.
    public static let key = "state.json"
    /// The format version written and understood.
    static let version = 1

    /// The store the document lives in.
    public let store: any ObjectStore
    /// Guards the fields below.
    private let guardLock = NSLock()
    /// The records, by address.
    private var records: [ResourceAddress: ResourceStatus]
    /// The entity tag of the stored version this copy is based on; nil when no object exists.
    private var etag: String?
    /// Whether the copy differs from the stored object.
    private var dirty = false
    /// The last persist started, which the next one waits for.
    private var lastPersist: Task<Void, any Error>?

    private init(store: any ObjectStore, records: [ResourceAddress: ResourceStatus], etag: String?) {
        self.store = store
        self.records = records
        self.etag = etag
    }

    /// Whether the state object did not exist when it was read (first use, or a deleted state) and has not been
    /// written since.
    public var isMissing: Bool { guardLock.withLock { etag == nil } }

    /// Reads `state.json` from `store` (an absent object is an empty state).
    /// - Throws: `StatusStoreError.state` when the store cannot be read, `.corrupt` when the object is not a state.
    public static func load(from store: any ObjectStore) async throws(StatusStoreError) -> StateDocument {
        let stored: StoredObject?
        do {
            stored = try await store.get(key)
        } catch {
            throw .state(location: store.location, error)
        }
        guard let stored else { return StateDocument(store: store, records: [:], etag: nil) }
        return StateDocument(store: store, records: try decode(stored.data, path: path(in: store)), etag: stored.etag)
    }

    /// Replaces the copy with the stored document (unpersisted changes are dropped).
    func reload() async throws(StatusStoreError) {
        let fresh = try await Self.load(from: store)
        let (records, etag) = fresh.guardLock.withLock { (fresh.records, fresh.etag) }
        guardLock.withLock {
            self.records = records
            self.etag = etag
            dirty = false
        }
    }

    /// `location/state.json`, for messages.
    static func path(in store: any ObjectStore) -> String {
        store.location.hasSuffix("/") ? store.location + key : store.location + "/" + key
    }

    /// The records of a stored document.
    static func decode(_ data: Data, path: String) throws(StatusStoreError) -> [ResourceAddress: ResourceStatus] {
        let file: StateFile
        do {
            file = try StatusStore.decoder().decode(StateFile.self, from: data)
        } catch {
            throw .corrupt(path: path, detail: String(describing: error))
        }
        guard file.version == version else {
            throw .corrupt(path: path, detail: "format version \(file.version), this smsauth reads version \(version)")
        }
        var records: [ResourceAddress: ResourceStatus] = [:]
        for status in file.statuses {
            _ = try StatusStore.checkedName(status.address)
            guard records.updateValue(status, forKey: status.address) == nil else {
                throw .corrupt(path: path, detail: "holds the status of \(status.address) twice")
            }
        }
        return records
    }

    /// The bytes of a document holding `statuses`.
    static func encode(_ statuses: [ResourceStatus]) throws(StatusStoreError) -> Data {
        do {
            let sorted = statuses.sorted { $0.address < $1.address }
            return try StatusStore.encoder().encode(StateFile(version: version, statuses: sorted)) + Data("\n".utf8)
        } catch {
            throw .corrupt(path: key, detail: "cannot encode: \(error)")
        }
    }

    func read(_ address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus? {
        _ = try StatusStore.checkedName(address)
        return guardLock.withLock { records[address] }
    }

    func readAll() -> [ResourceStatus] {
        guardLock.withLock { records.values.sorted { $0.address < $1.address } }
    }

    func write(_ status: ResourceStatus) throws(StatusStoreError) {
        _ = try StatusStore.checkedName(status.address)
        guardLock.withLock {
            records[status.address] = status
            dirty = true
        }
    }

    func delete(_ address: ResourceAddress) throws(StatusStoreError) {
        _ = try StatusStore.checkedName(address)
        guardLock.withLock {
            if records.removeValue(forKey: address) != nil { dirty = true }
        }
    }

    /// Writes the copy back when it changed (after any persist still running).
    func persist() async throws(StatusStoreError) {
        let task: Task<Void, any Error> = guardLock.withLock {
            let previous = lastPersist
            let task = Task { [self] in
                _ = await previous?.result
                try await writeBack()
            }
            lastPersist = task
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
        let (snapshot, basis, changed) = guardLock.withLock { (Array(records.values), etag, dirty) }
        guard changed else { return }
        let data = try Self.encode(snapshot)
        let newTag: String
        do {
            newTag = try await store.put(Self.key, data: data, condition: basis.map { .ifMatch($0) } ?? .ifAbsent)
        } catch {
            throw .state(location: store.location, error)
        }
        guardLock.withLock {
            etag = newTag
            let unchangedSince = records.count == snapshot.count
                && snapshot.allSatisfy { records[$0.address] == $0 }
            if unchangedSince { dirty = false }
        }
    }
}

/// The JSON shape of `state.json`.
struct StateFile: Codable {
    /// Format version.
    var version: Int
    /// Every status record, sorted by address.
    var statuses: [ResourceStatus]
}
