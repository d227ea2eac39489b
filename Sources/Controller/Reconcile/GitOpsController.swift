import Foundation
import Logging
import Manifests
import Reconciler

/// The long-running controller loop, in the controller-runtime style: a file event or a resync tick enqueues
/// resource keys; one worker takes the queued keys in batches and reconciles them level-based (whole desired and
/// live state of each key, never the event).
///
/// - Start: the directory is read; if valid, every manifest and every status file (removed manifests) is queued.
/// - File events (debounced): the directory is read again; a valid directory becomes the new desired state and
///   the keys whose spec hash changed, were added or removed, and their dependents, are queued. An invalid
///   directory changes nothing: the last good state stays, the error goes to logs, metrics and status.
/// - Resync (period plus jitter): every key is queued again to find drift, except terminal ones.
/// - `stop()`: no new work; the batch in flight finishes and writes its status; `run()` returns.
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

    /// Creates a controller; nothing runs until `run()`.
    public init(source: ManifestSource, engine: ReconcileEngine, defaultRegion: String?, settings: ControllerSettings,
                metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
                clock: any ControllerClock = SystemControllerClock()) {
        self.source = source
        self.engine = engine
        self.defaultRegion = defaultRegion
        self.settings = settings
        self.metrics = metrics
        self.readiness = readiness
        self.logger = logger
        self.clock = clock
        queue = WorkQueue(clock: clock)
    }

    /// Runs until `stop()`: the initial sync, then watch, resync and the worker. Throws only when the directory
    /// cannot be watched.
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
        await work()
        for task in tasks { task.cancel() }
        await debouncer.finish()
        watcher.stop()
    }

    /// Stops taking work: the watcher and timers stop, queued keys are dropped, the batch in flight finishes.
    public func stop() async {
        logger.info("controller stopping; finishing the reconcile in flight")
        watcher?.stop()
        for task in tasks { task.cancel() }
        await queue.shutDown()
    }

    /// The worker: reconciles batches until the queue shuts down.
    private func work() async {
        while true {
            let batch = await queue.nextBatch(limit: settings.batchLimit)
            guard !batch.isEmpty else { return }
            await reconcile(batch)
            metrics.queueDepth(await queue.length)
        }
    }

    /// Reads the directory after file events.
    func directoryChanged(_ changes: [DirectoryChange]) async {
        logger.debug("manifest directory changed", metadata: ["events": "\(changes.count)"])
        await readDirectory(initial: false)
    }

    /// Reads and validates the directory; a valid one becomes the desired state and its affected keys are queued
    /// (all keys on the first good read), an invalid one is reported and changes nothing.
    func readDirectory(initial: Bool) async {
        switch source.read() {
        case .invalid(let errors):
            metrics.manifestErrors(errors.count)
            for error in errors.prefix(20) {
                logger.error("invalid manifest; keeping the last valid desired state",
                             metadata: ["diagnostic": "\(error.description)", "code": "\(error.code)"])
            }
            let files = Set(errors.compactMap { $0.location?.file })
            markedInvalid.formUnion(ManifestErrorStatus(store: engine.statusStore).mark(
                snapshot.addresses(inFiles: files), files: snapshot.files, diagnostics: errors, now: Date()))
        case .valid(let new):
            metrics.manifestErrors(0)
            if !markedInvalid.isEmpty {
                ManifestErrorStatus(store: engine.statusStore).clear(markedInvalid, now: Date())
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

    /// Queues every key (manifests and status files), except terminal ones whose manifest did not change.
    func fullSync(reason: String) async {
        var keys = snapshot.addresses
        if let statuses = try? engine.statusStore.readAll() { keys.formUnion(statuses.map(\.address)) }
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
