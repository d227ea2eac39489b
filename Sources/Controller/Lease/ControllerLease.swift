import Foundation
import Reconciler

/// The lease that makes one of several controllers on a state the leader, built only on `ObjectStore`'s
/// compare-and-swap (S3 conditional writes, or `FolderObjectStore`), in the manner of client-go's leader election:
///
/// - **Acquire**: no lease object → create it with `ifAbsent` (generation: one more than any seen).
/// - **Renew**: the leader rewrites it with `ifMatch(etag of its last write)` every `renewInterval` (a third of the
///   duration). A 412 means another process took it: step down at once.
/// - **Expiry**: a standby never compares the holder's timestamps with its own wall clock. It remembers when, on its
///   own monotonic clock, it first saw the current version (etag) of the object; once that version has stayed
///   unchanged for the record's `durationSeconds`, the lease has expired.
/// - **Takeover**: an expired lease is replaced only by `ifMatch(etag of the expired version)`, with generation + 1:
///   of two standbys that both judge it expired, the store lets exactly one write succeed.
/// - **Fencing**: a successful write opens `fence` until *its request's start* + duration. A leader that cannot renew
///   in time finds its fence closed when its deadline passes, before any standby can judge the lease expired (a
///   standby starts counting only once it has seen the version that write made).
/// - **Release**: a leader that stops rewrites the object as released (`LeaseRecord.released`) instead of deleting
///   it, so the next holder takes it at once with the next generation: generations never go back.
public actor ControllerLease {
    /// Key of the lease object in the store.
    public static let key = "lease.json"
    /// `--lease-duration`'s default; also how long a lease object that is not a lease record is taken to hold
    /// when nothing else says.
    public static let defaultDuration: Duration = .seconds(15)

    /// Where the lease lives.
    let store: any ObjectStore
    /// The local monotonic clock (expiry and fencing).
    let clock: any ControllerClock
    /// Who this process is.
    public let identity: LeaseIdentity
    /// How long a renewal holds (`--lease-duration`).
    public let duration: Duration
    /// Wall clock, only for the record's `acquiredAt` / `renewedAt`.
    let wallClock: @Sendable () -> Date
    /// Open while this process leads and has renewed in time.
    public nonisolated let fence: LeaseFence
    /// The version of the object last seen, its record (nil: absent or not a lease record), and when it was first
    /// seen on the local clock.
    private var observed: (etag: String, record: LeaseRecord?, since: Duration)?
    /// The record this process holds and the etag its last write made; nil while standby.
    private var held: (record: LeaseRecord, etag: String)?
    /// The highest generation seen.
    private var lastGeneration = 0

    /// What a standby's attempt found.
    public enum Attempt: Sendable, Equatable {
        /// This process leads now with this generation.
        case leading(generation: Int)
        /// Another process holds the lease (its record, nil when the object is not a lease record).
        case standby(holder: LeaseRecord?)
    }

    /// What a renewal did.
    public enum Renewal: Sendable, Equatable {
        /// Renewed; the fence is open for another duration.
        case renewed
        /// The store failed (`detail`) but the fence deadline has not passed: try again at the next interval.
        case failed(detail: String)
        /// The lease is gone (taken over, or not renewed within its duration): the fence is closed.
        case lost(reason: String)
    }

    /// A lease in `store` for `identity`, judged on `clock`.
    public init(store: any ObjectStore, clock: any ControllerClock, identity: LeaseIdentity, duration: Duration,
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
        self.identity = identity
        self.duration = duration
        self.wallClock = wallClock
        fence = LeaseFence(now: { clock.now() })
    }

    /// The lease store of a local status folder: the folder `<status-dir>.lease` beside it (as `<status-dir>.lock`),
    /// shared by the controllers of that folder on one machine.
    public static func localStore(forStatusDirectory statusDirectory: URL) -> FolderObjectStore {
        let path = statusDirectory.standardizedFileURL.path
        return FolderObjectStore(folder: URL(fileURLWithPath: (path == "/" ? "" : path) + ".lease"))
    }

    /// How often the leader renews and a standby looks again: a third of the duration.
    public nonisolated var renewInterval: Duration { duration / 3 }

    /// When a standby should try again: after one renew interval, or at the moment the version it watches expires
    /// if that is sooner, so a standby takes over at most one renew interval after the lease expired.
    public func nextAttempt() -> Duration {
        let poll = clock.now() + renewInterval
        guard let seen = observed, seen.record?.holder != identity.holder, seen.record?.isReleased != true else { return poll }
        return min(poll, seen.since + lasting(seen.record))
    }

    /// Whether this process holds the lease.
    public var isLeading: Bool { held != nil }

    /// One standby step: acquires the lease when absent, takes it over when it has expired, else reports its holder.
    /// Losing a race to another standby is `.standby`; an unusable store throws.
    public func tryAcquire() async throws(ObjectStoreError) -> Attempt {
        let start = clock.now()
        guard let current = try await store.get(Self.key) else {
            observed = nil
            return try await write(generation: lastGeneration + 1, condition: .ifAbsent, start: start)
        }
        let record = LeaseRecord.decode(current.data)
        if observed?.etag != current.etag {
            observed = (current.etag, record, clock.now())
            lastGeneration = max(lastGeneration, record?.generation ?? 0)
        }
        guard let seen = observed, isExpired(seen) else { return .standby(holder: record) }
        return try await write(generation: lastGeneration + 1, condition: .ifMatch(current.etag), start: start)
    }

    /// Writes the held lease again with a generation above `stored`: for a state claimed by a generation this lease
    /// never saw (its object was deleted or replaced by hand since), which would otherwise refuse this leader for good.
    /// The write is conditional on this process's own version, so only the holder can do it.
    /// - Returns: the new generation; throws `.preconditionFailed` when the lease is not held any more.
    public func raiseGeneration(above stored: Int) async throws(ObjectStoreError) -> Int {
        guard var (record, etag) = held else { throw .preconditionFailed(key: Self.key) }
        guard stored >= record.generation else { return record.generation }
        guard stored < LeaseRecord.maximumGeneration else {
            throw .unavailable(location: store.location,
                               detail: "the state's lease generation \(stored) is above \(LeaseRecord.maximumGeneration)")
        }
        let start = clock.now()
        record.generation = stored + 1
        record.renewedAt = wallClock()
        do {
            etag = try await store.put(Self.key, data: record.encoded(), condition: .ifMatch(etag))
        } catch .preconditionFailed {
            stepDown()
            throw .preconditionFailed(key: Self.key)
        }
        held = (record, etag)
        lastGeneration = record.generation
        fence.open(generation: record.generation, until: start + duration)
        return record.generation
    }

    /// Renews the held lease; `.lost` when it is not held any more.
    public func renew() async -> Renewal {
        guard let held else { return .lost(reason: "not holding the lease") }
        let start = clock.now()
        var record = held.record
        record.renewedAt = wallClock()
        record.renewals = (record.renewals ?? 0) &+ 1
        do {
            let etag = try await store.put(Self.key, data: record.encoded(), condition: .ifMatch(held.etag))
            self.held = (record, etag)
            fence.open(generation: record.generation, until: start + duration)
            return .renewed
        } catch .preconditionFailed {
            stepDown()
            return .lost(reason: "another process took the lease")
        } catch {
            guard fence.generation == nil else { return .failed(detail: error.description) }
            stepDown()
            return .lost(reason: "not renewed within the lease duration: \(error)")
        }
    }

    /// Stops leading without touching the object (the fence closes at once).
    public func stepDown() {
        fence.close()
        held = nil
    }

    /// Steps down and marks the lease object released if it is still this process's version, so a standby takes
    /// over at once (with the next generation) instead of after the duration.
    public func release() async throws(ObjectStoreError) {
        guard let held else { return }
        stepDown()
        do {
            _ = try await store.put(Self.key, data: held.record.releasing.encoded(), condition: .ifMatch(held.etag))
        } catch .preconditionFailed {
            return
        }
    }

    /// Whether the version `seen` has stayed unchanged for its record's duration (this process's own duration when
    /// the object is not a lease record), or was released. A version this process wrote itself (it stepped down after
    /// failed renewals, and nobody took it over) may be taken back at once.
    private func isExpired(_ seen: (etag: String, record: LeaseRecord?, since: Duration)) -> Bool {
        if seen.record?.holder == identity.holder || seen.record?.isReleased == true { return true }
        return clock.now() - seen.since >= lasting(seen.record)
    }

    /// How long `record` holds after it was written: its `durationSeconds`, or this process's duration when the
    /// object is not a lease record.
    private func lasting(_ record: LeaseRecord?) -> Duration {
        record?.duration ?? duration
    }

    /// Writes a new record of `generation` under `condition`; opens the fence from `start` on success.
    private func write(generation: Int, condition: WriteCondition, start: Duration) async throws(ObjectStoreError)
        -> Attempt {
        guard generation <= LeaseRecord.maximumGeneration else {
            throw .unavailable(location: store.location,
                               detail: "no lease generation is left above \(LeaseRecord.maximumGeneration)")
        }
        let now = wallClock()
        let record = LeaseRecord(holder: identity.holder, host: identity.host, pid: identity.pid,
                                 generation: generation, acquiredAt: now, renewedAt: now,
                                 durationSeconds: duration.inSeconds)
        do {
            let etag = try await store.put(Self.key, data: record.encoded(), condition: condition)
            held = (record, etag)
            lastGeneration = generation
            fence.open(generation: generation, until: start + duration)
            return .leading(generation: generation)
        } catch .preconditionFailed, .conflict {
            return .standby(holder: observed?.record)
        }
    }
}
