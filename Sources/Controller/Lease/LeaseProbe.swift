import Reconciler

/// What an apply run (`smsauth reconcile`), holding the state's lock, finds of the controllers' lease: an apply must
/// not write while a controller leads the same state.
///
/// - No lease object, or one released (`LeaseRecord.released`): free.
/// - A lease object that changes while watched: a controller renews it, so one leads: held.
/// - A lease object that stays unchanged for its duration (its holder stopped, crashed or is frozen, judged on the
///   local monotonic clock as a standby judges it): it is marked released with `ifMatch` on that version (kept, so
///   the next controller's generation follows its own), or deleted when it is not a lease record, and the state is
///   free. A frozen holder that resumes finds its fence closed (it did not renew within its duration) and a 412 on
///   its next renewal. If a standby controller took it over meanwhile, the write gets a 412: held.
public enum LeaseProbe {
    /// The finding.
    public enum Finding: Sendable, Equatable {
        /// No controller leads: the apply may go on.
        case free
        /// A controller leads (its record; nil when the object is not a lease record).
        case held(LeaseRecord?)
    }

    /// Watches the lease object in `store` (looking every `poll`) until it is found free or held. `watching` is told
    /// once, when there is a lease object to watch, its record (nil when unreadable) and the longest the watch can
    /// take (its duration), so that the caller can say why it waits.
    public static func check(store: any ObjectStore, clock: any ControllerClock, poll: Duration = .milliseconds(500),
                             watching: (LeaseRecord?, Duration) -> Void = { _, _ in })
        async throws(ObjectStoreError) -> Finding {
        guard var seen = try await store.get(ControllerLease.key) else { return .free }
        let since = clock.now()
        // Watched while unchanged: its record (and so its duration) stays the one read first.
        let record = LeaseRecord.decode(seen.data)
        if record?.isReleased == true { return .free }
        let lasting = record?.duration ?? ControllerLease.defaultDuration
        watching(record, lasting)
        while true {
            if clock.now() - since >= lasting {
                do {
                    if let record {
                        _ = try await store.put(ControllerLease.key, data: record.releasing.encoded(),
                                                condition: .ifMatch(seen.etag))
                    } else {
                        try await store.delete(ControllerLease.key, ifMatch: seen.etag)
                    }
                    return .free
                } catch .preconditionFailed {
                    guard let taken = try await store.get(ControllerLease.key) else { return .free }
                    let now = LeaseRecord.decode(taken.data)
                    return now?.isReleased == true ? .free : .held(now)
                }
            }
            do {
                try await clock.sleep(until: clock.now() + poll)
            } catch {
                throw .unavailable(location: store.location, detail: "cancelled while watching the lease")
            }
            guard let current = try await store.get(ControllerLease.key) else { return .free }
            if current.etag != seen.etag {
                let now = LeaseRecord.decode(current.data)
                return now?.isReleased == true ? .free : .held(now)
            }
            seen = current
        }
    }
}
