import Manifests
import Reconciler

/// Timing of the controller loop (`smsauth controller` flags).
public struct ControllerSettings: Sendable, Equatable {
    /// Quiet time after the last file event before the directory is read again (`--debounce`).
    public var debounce: Duration
    /// Time between full resyncs that look for drift (`--resync-period`), before jitter.
    public var resyncPeriod: Duration
    /// Up to this fraction of the period is added at random to each resync, so controllers do not align.
    public var resyncJitter: Double
    /// How soon a pending resource, or one waiting on a pending dependency, is looked at again (`--pending-poll`).
    public var pendingPoll: Duration
    /// How soon a pending Registration (AWS's review takes days to weeks) is looked at again
    /// (`--registration-poll-interval`), instead of `pendingPoll`.
    public var registrationPoll: Duration
    /// Most keys reconciled in one engine run.
    public var batchLimit: Int
    /// Engine runs in flight at once (`--workers`), each on keys unrelated to the others' (`DependencyGate`).
    public var workers: Int
    /// Minimum time between the two reads of the directory that confirm a removal (`--prune-delay`, `PruneGuard`).
    public var pruneDelay: Duration

    /// Creates settings; the defaults are the documented ones.
    public init(debounce: Duration = .milliseconds(500), resyncPeriod: Duration = .seconds(600),
                resyncJitter: Double = 0.1, pendingPoll: Duration = .seconds(30), batchLimit: Int = 500,
                workers: Int = 4, pruneDelay: Duration = .seconds(30), registrationPoll: Duration = .seconds(3600)) {
        self.debounce = debounce
        self.resyncPeriod = resyncPeriod
        self.resyncJitter = min(max(resyncJitter, 0), 1)
        self.pendingPoll = pendingPoll
        self.registrationPoll = registrationPoll
        self.batchLimit = max(1, batchLimit)
        self.workers = max(1, workers)
        self.pruneDelay = max(.zero, pruneDelay)
    }

    /// How soon a pending resource of `kind`, or one waiting on a pending dependency, is looked at again:
    /// `registrationPoll` for a Registration (never every `pendingPoll`: AWS's review takes days), else `pendingPoll`.
    /// A Registration whose status `message` says it waits for a number to be associated, or for the next run to
    /// submit it (`RegistrationWait.endsWithoutReview`), is looked at every `pendingPoll`: smsauth ends that wait,
    /// not AWS's review.
    public func pendingPoll(for kind: ResourceKind, message: String? = nil) -> Duration {
        guard kind == .registration else { return pendingPoll }
        return RegistrationWait.endsWithoutReview(message) ? pendingPoll : registrationPoll
    }

    /// How many of `queued` keys one worker takes: an even share among the workers (so one slow key does not hold
    /// up everything queued with it), at most `batchLimit`, at least one.
    public func batchSize(queued: Int) -> Int {
        min(batchLimit, max(1, (queued + workers - 1) / workers))
    }

    /// The wait before the next resync: the period plus `random` (0...1) times the jitter fraction of it.
    public func resyncDelay(random: Double) -> Duration {
        resyncPeriod + resyncPeriod * (resyncJitter * min(max(random, 0), 1))
    }
}
