import Foundation
import Logging
import Manifests
import Reconciler

/// The long-running controller loop, in the controller-runtime style: a file event or a resync tick enqueues
/// resource keys; `settings.workers` workers take the queued keys in batches and reconcile them level-based (whole
/// desired and live state of each key, never the event).
///
/// - Start: the directory is read; if valid, every manifest and every status file (removed manifests) is queued.
/// - File events (debounced): the directory is read again; a valid directory becomes the new desired state and
///   the keys whose spec hash changed, were added or removed, and their dependents, are queued. An invalid
///   directory changes nothing: the last good state stays, the error goes to logs, metrics and status.
/// - Resync (period plus jitter): every key is queued again to find drift, except terminal ones.
/// - Workers: each key is reconciled by one run at a time (the queue), and runs in flight never share a resource
///   or a dependency (`DependencyGate`); a key held back by a run in flight is queued again when that run ends.
///   A key waiting on a dependency is queued again as soon as that dependency reconciles successfully.
/// - `stop()`: no new work; the batches in flight finish and write their status; `run()` returns.
public actor GitOpsController {
    /// Reads the manifest directory.
    let source: ManifestSource
    /// Plans and applies.
    let engine: ReconcileEngine
    /// Region of manifests without `spec.region`.
    let defaultRegion: String?
    /// Timing.
    let settings: ControllerSettings
    /// Metrics.
    let metrics: ControllerMetrics
    /// `/readyz` flags.
    let readiness: Readiness
    /// Log with stable metadata keys.
    let logger: Logger
    /// Time source for resyncs.
    let clock: any ControllerClock
    /// Keys to reconcile.
    let queue: WorkQueue<ResourceAddress>
    /// The last good desired state.
    var snapshot = ManifestSnapshot.empty
    /// Whether a valid directory has been read yet (before that nothing is reconciled).
    var hasGoodState = false
    /// Keys that failed terminally, with the spec hash they failed with: skipped by resyncs until it changes.
    var terminal: [ResourceAddress: String?] = [:]
    /// Keys of the current full sync not yet reconciled successfully; nil when no full sync is running.
    var fullSyncRemaining: Set<ResourceAddress>?
    /// Resources whose status carries a manifest error.
    var markedInvalid: Set<ResourceAddress> = []
    /// Background tasks (watch, debounce, resync), cancelled by `stop()`.
    var tasks: [Task<Void, Never>] = []
    /// The directory watcher, stopped by `stop()`.
    var watcher: DirectoryWatcher?
    /// Keys whose last reconcile waited on a dependency: queued again when one of their dependencies succeeds.
    var waiting = WaitingKeys<ResourceAddress>()
    /// Phase of every resource with a status file, for the resources-by-phase gauge.
    var phases: [ResourceAddress: StatusPhase] = [:]
    /// Remembers the AWS account id between reconciles; forgotten at every full sync.
    let accountCache: AccountCache?

    /// Creates a controller; nothing runs until `run()`. `accountCache`, when given, must be the one behind
    /// `engine`'s account lookup: the controller makes it look the account up again at every full sync.
    public init(source: ManifestSource, engine: ReconcileEngine, defaultRegion: String?, settings: ControllerSettings,
                metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
                clock: any ControllerClock = SystemControllerClock(), accountCache: AccountCache? = nil) {
        self.source = source
        self.engine = engine
        self.defaultRegion = defaultRegion
        self.settings = settings
        self.metrics = metrics
        self.readiness = readiness
        self.logger = logger
        self.clock = clock
        self.accountCache = accountCache
        queue = WorkQueue(clock: clock)
    }

    /// Runs until `stop()`: the initial sync, then watch, resync and the workers (`WorkerPool`; the heap's free
    /// pages go back to the kernel whenever they run out of work). Throws only when the directory cannot be watched.
    public func run() async throws(DirectoryWatcherError) {
        let watcher = try DirectoryWatcher(root: source.directory, logger: logger)
        self.watcher = watcher
        let debouncer = Debouncer<DirectoryChange>(quietPeriod: settings.debounce, clock: clock)
        tasks.append(Task { for await change in watcher.changes { await debouncer.submit(change) } })
        tasks.append(Task { [weak self] in
            for await batch in debouncer.batches { await self?.directoryChanged(batch) }
        })
        tasks.append(Task { [weak self] in await self?.resyncLoop() })
        await readDirectory(initial: true)
        let settings = settings
        let workers = WorkerPool(queue: queue, workers: settings.workers) { settings.batchSize(queued: $0) }
        await workers.run(
            closures: { batch in await self.dependencyClosures(batch) },
            reconcile: { batch in await self.reconcile(batch) },
            idle: { MallocTuning.releaseFreeMemory() })
        for task in tasks { task.cancel() }
        await debouncer.finish()
        watcher.stop()
    }

    /// Stops taking work: the watcher and timers stop, queued keys are dropped, the batches in flight finish.
    public func stop() async {
        logger.info("controller stopping; finishing the reconciles in flight")
        watcher?.stop()
        for task in tasks { task.cancel() }
        await queue.shutDown()
    }

    /// The dependency closure of each key in the last good desired state (the gate keeps batches apart by them).
    func dependencyClosures(_ keys: [ResourceAddress]) -> [ResourceAddress: Set<ResourceAddress>] {
        Dictionary(keys.map { ($0, snapshot.dependencyClosure(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the directory after file events.
    func directoryChanged(_ changes: [DirectoryChange]) async {
        logger.debug("manifest directory changed", metadata: ["events": "\(changes.count)"])
        await readDirectory(initial: false)
    }

    /// Reads and validates the directory; a valid one becomes the desired state and its affected keys are queued
    /// (all keys on the first good read), an invalid one is reported and changes nothing.
    func readDirectory(initial: Bool) async {
        switch source.read(previous: snapshot) {
        case .invalid(let errors):
            metrics.manifestErrors(errors.count)
            for error in errors.prefix(20) {
                logger.error("invalid manifest; keeping the last valid desired state",
                             metadata: ["diagnostic": "\(error.description)", "code": "\(error.code)"])
            }
            let files = Set(errors.compactMap { $0.location?.file })
            markedInvalid.formUnion(ManifestErrorStatus(store: engine.statusStore, identity: engine.options.identity).mark(
                snapshot.addresses(inFiles: files), files: snapshot.files, diagnostics: errors, now: Date()))
        case .valid(let new):
            metrics.manifestErrors(0)
            if !markedInvalid.isEmpty {
                ManifestErrorStatus(store: engine.statusStore, identity: engine.options.identity).clear(markedInvalid, now: Date())
                markedInvalid = []
            }
            let old = snapshot
            snapshot = new
            guard hasGoodState else {
                hasGoodState = true
                await fullSync(reason: initial ? "start" : "first valid directory")
                return
            }
            let affected = new.affectedKeys(since: old)
            guard !affected.isEmpty else { return }
            for key in affected { terminal.removeValue(forKey: key) }
            logger.info("manifests changed", metadata: ["keys": "\(affected.sorted().map(\.description))"])
            for key in affected.sorted() { await queue.add(key) }
        }
    }

    /// Queues every key (manifests and status files), except terminal ones whose manifest did not change; the
    /// account id is looked up again by the first reconcile, so the credentials are checked once per resync.
    func fullSync(reason: String) async {
        await accountCache?.forget()
        var keys = snapshot.addresses
        if let statuses = try? engine.statusStore.readAll() {
            keys.formUnion(statuses.map(\.address))
            phases = Dictionary(statuses.map { ($0.address, $0.phase) }, uniquingKeysWith: { first, _ in first })
            recordPhases()
        }
        keys = keys.filter { key in
            guard let hash = terminal[key] else { return true }
            return hash != snapshot.hashes[key]
        }
        logger.info("full sync", metadata: ["reason": "\(reason)", "keys": "\(keys.count)"])
        fullSyncRemaining = keys
        if keys.isEmpty {
            await checkCredentials()
            return
        }
        for key in keys.sorted() { await queue.add(key) }
    }

    /// Waits a jittered resync period, then queues every key; again until cancelled.
    private func resyncLoop() async {
        while !Task.isCancelled {
            let delay = settings.resyncDelay(random: Double.random(in: 0...1))
            do {
                try await clock.sleep(until: clock.now() + delay)
            } catch {
                return
            }
            guard hasGoodState else { continue }
            await fullSync(reason: "resync")
        }
    }
}
