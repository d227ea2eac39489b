import AWSCore
import Foundation

/// The apply lock of a state in an `ObjectStore` (the S3 state): the object `lock.json`, created with
/// `If-None-Match: *` so exactly one of several concurrent writers gets it, and removed with `If-Match` on the entity
/// tag it was created with, so a holder never removes a lock that is no longer its own. The object records who holds
/// it (`StateLockRecord`); a refused writer names the holder. Unlike a local `flock`, nothing releases the lock when
/// its holder dies: a crashed holder's lock stays until it is removed by hand (docs/state.md).
public final class StateLock: Sendable {
    /// The lock object's key in the store.
    public static let key = "lock.json"

    /// The store holding the lock.
    public let store: any ObjectStore
    /// What this holder wrote.
    public let record: StateLockRecord
    /// The entity tag of the lock object this holder created.
    public let etag: String

    private init(store: any ObjectStore, record: StateLockRecord, etag: String) {
        self.store = store
        self.record = record
        self.etag = etag
    }

    /// How often a waiting acquirer tries again.
    static let retryInterval: Duration = .milliseconds(500)

    /// Creates `lock.json` in `store`; while another holder has it, tries again every `retryInterval` until `timeout`
    /// has passed.
    /// - Throws: `StateLockError.alreadyHeld` naming the holder when it is still held after `timeout`,
    ///   `.unavailable` when the store cannot be used.
    public static func acquire(store: any ObjectStore, record: StateLockRecord,
                               timeout: Duration = .zero) async throws(StateLockError) -> StateLock {
        let deadline = ContinuousClock.now + timeout
        let data = try record.encoded()
        var retriedReleased = false
        while true {
            do {
                let etag = try await store.put(key, data: data, condition: .ifAbsent)
                return StateLock(store: store, record: record, etag: etag)
            } catch .preconditionFailed, .conflict {
                // Held (or being taken) by someone else.
            } catch {
                throw .unavailable(error)
            }
            guard ContinuousClock.now < deadline else {
                let holder = try await currentHolder(in: store)
                // Released between the refused create and the read: one more try before giving up.
                if holder == .free, !retriedReleased {
                    retriedReleased = true
                    continue
                }
                throw .alreadyHeld(location: store.location, holder: holder.record,
                                   waitedSeconds: Int(timeout.components.seconds))
            }
            try? await Task.sleep(for: retryInterval)
        }
    }

    /// Who holds a lock, as read from the store.
    public enum Holder: Equatable, Sendable {
        /// No lock object.
        case free
        /// A lock object; its record, nil when unreadable.
        case held(StateLockRecord?)

        /// The holder's record, when held and readable.
        public var record: StateLockRecord? {
            if case .held(let record) = self { record } else { nil }
        }
    }

    /// Whoever holds the lock in `store` now.
    public static func currentHolder(in store: any ObjectStore) async throws(StateLockError) -> Holder {
        do {
            return try await store.get(key).map { .held(try? StateLockRecord.decode($0.data)) } ?? .free
        } catch {
            throw .unavailable(error)
        }
    }

    /// Checks that `lock.json` is still the object this holder created (someone removing it by hand lets another
    /// writer in).
    /// - Throws: `StateLockError.lost` when it is not.
    public func verify() async throws(StateLockError) {
        let current: StoredObject?
        do {
            current = try await store.get(Self.key)
        } catch {
            throw .unavailable(error)
        }
        guard current?.etag == etag else { throw .lost(location: store.location) }
    }

    /// Removes `lock.json` if it is still this holder's; a lock taken over meanwhile is left alone.
    public func release() async throws(StateLockError) {
        do {
            try await store.delete(Self.key, ifMatch: etag)
        } catch .preconditionFailed {
            throw .lost(location: store.location)
        } catch {
            throw .unavailable(error)
        }
    }
}

/// The content of `lock.json`: who holds the lock (`holder`: the command and the manifest set's owner), on which
/// host, with which process id, since when.
public struct StateLockRecord: Codable, Sendable, Equatable {
    /// What holds it, e.g. `smsauth reconcile (owner team-a)`.
    public var holder: String
    /// Host name of the holder's machine.
    public var host: String
    /// Process id of the holder.
    public var pid: Int32
    /// When the holder took the lock.
    public var since: Date

    /// A record.
    public init(holder: String, host: String, pid: Int32, since: Date) {
        self.holder = holder
        self.host = host
        self.pid = pid
        self.since = since
    }

    /// This process, now, as `holder`.
    public static func current(holder: String) -> StateLockRecord {
        let process = StatusLockHolder.current()
        return StateLockRecord(holder: holder, host: process.host, pid: process.pid, since: process.since)
    }

    /// `smsauth reconcile (owner a), pid 123 on host b since 2026-12-04T18:30:00Z`.
    public var summary: String {
        "\(holder), pid \(pid) on host \(host) since \(since.formatted(Date.ISO8601FormatStyle()))"
    }

    func encoded() throws(StateLockError) -> Data {
        do {
            return try StatusStore.encoder().encode(self)
        } catch {
            throw .unavailable(.unavailable(location: StateLock.key, detail: "cannot encode the lock record: \(error)"))
        }
    }

    static func decode(_ data: Data) throws -> StateLockRecord {
        try PlainJSON.decode(StateLockRecord.self, from: data)
    }
}

/// Why the apply lock of an object-store state could not be taken or is no longer held.
public enum StateLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another writer holds it, still after `waitedSeconds`; its record when readable.
    case alreadyHeld(location: String, holder: StateLockRecord?, waitedSeconds: Int)
    /// The lock object was removed or replaced while held.
    case lost(location: String)
    /// The store failed.
    case unavailable(ObjectStoreError)

    /// Stable machine-readable code (the local lock's codes where they mean the same).
    public var code: String {
        switch self {
        case .alreadyHeld: "lock.held"
        case .lost: "lock.lost"
        case .unavailable(let error): error.code
        }
    }

    /// Human-readable explanation.
    public var description: String {
        switch self {
        case .alreadyHeld(let location, let holder, let waited):
            let who = holder.map { "\($0.summary)" } ?? "another smsauth process (its lock record is unreadable)"
            let wait = waited > 0 ? " after waiting \(waited)s" : ""
            return "\(who) holds the lock \(location)/\(StateLock.key)\(wait); only one reconcile or controller may "
                + "write a state at a time (wait for it, or pass --lock-timeout SECONDS; if that process is gone, "
                + "remove the lock object as docs/state.md describes)"
        case .lost(let location):
            return "the lock \(location)/\(StateLock.key) was removed or replaced while held; another writer could "
                + "take it, so no further AWS change is made"
        case .unavailable(let error):
            return "cannot use the state's lock: \(error.description)"
        }
    }
}
