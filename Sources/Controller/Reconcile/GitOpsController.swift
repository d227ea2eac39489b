import Foundation
import Logging
import Manifests
import Reconciler

/// The long-running controller loop, in the controller-runtime style: a file event or a resync tick enqueues
/// resource keys; `settings.workers` workers take the queued keys in batches and reconcile them level-based (whole
/// desired and live state of each key, never the event).
///
/// - Full sync (start, every resync period, SIGHUP): the status folder and the manifest folder are both read anew
///   (the folder's symlinks resolved again, the watcher re-pointed if they moved), then every key is queued, but
///   held ones and terminal ones the read did not affect. Full syncs never overlap: one asked for while another
///   runs starts when it completes.
/// - File events (debounced): the directory is read again; a valid directory becomes the new desired state and
///   the keys whose spec hash changed, were added, removed, suspended or resumed, and their dependents, are
///   queued, with what a selector's selection changed (`ManifestSnapshot.selectionChanges`) and, once their hold
///   ends, the held keys such a read affected. An invalid directory changes nothing: the last good state stays, the
///   error goes to logs, metrics, status and `/readyz`.
/// - Removals wait (`PruneGuard`): a manifest gone, a status file without manifest, or a file cut short is acted on
///   only once a second read at least `settings.pruneDelay` later still finds it so.
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
    /// The desired state acted on: the last good read, with the keys the prune guard holds at their last
    /// confirmed manifest.
    var snapshot = ManifestSnapshot.empty
    /// Holds removals back until a second read confirms them.
    var pruneGuard: PruneGuard
    /// Whether a valid directory has been read yet (before that nothing is reconciled).
    var hasGoodState = false
    /// Keys that failed terminally, with the spec hash they failed with: skipped by resyncs until it changes.
    var terminal: [ResourceAddress: String?] = [:]
    /// Keys of the current full sync not reconciled yet; nil when no full sync is running.
    var fullSyncRemaining: Set<ResourceAddress>?
    /// Keys of the current full sync.
    var fullSyncTotal = 0
    /// Whether a key of the current full sync failed (the last-success timestamp is not set then).
    var fullSyncFailed = false
    /// Why a full sync was asked for while one was running: it starts when that one completes.
    var followUpSync: String?
    /// Whether the "resync period shorter than a full pass" warning was logged.
    var warnedStretchedResync = false
    /// Why the status folder could not be read at the last full sync (nil: it could). No removal is acted on then.
    var statusProblem: String?
    /// The resources whose status records could not be written, and why (`recordStatusWrites`).
    var unwritten = UnwrittenRecords()
    /// Resources whose status carries a manifest error.
    var markedInvalid: Set<ResourceAddress> = []
    /// Background tasks (watch, debounce, resync), cancelled by `stop()`.
    var tasks: [Task<Void, Never>] = []
    /// The re-read that confirms held removals, and when it is due.
    var confirmation: (task: Task<Void, Never>, deadline: Duration)?
    /// The directory watcher, stopped by `stop()`.
    var watcher: DirectoryWatcher?
    /// Keys whose last reconcile waited on a dependency: queued again when one of their dependencies succeeds.
    var waiting = WaitingKeys<ResourceAddress>()
    /// Phase of every resource with a status file, for the resources-by-phase gauge.
    var phases: [ResourceAddress: StatusPhase] = [:]
    /// Remembers the AWS account id between reconciles; forgotten at every full sync.
    let accountCache: AccountCache?
    /// For a lease-holding controller on a shared state: raises the lease's generation above the one given and claims
    /// the state again (`recordStatusWrites`); nil otherwise.
    let reclaim: (@Sendable (Int) async throws -> Void)?

    /// Creates a controller; nothing runs until `run()`. `accountCache`, when given, must be the one behind
    /// `engine`'s account lookup: the controller makes it look the account up again at every full sync. `reclaim`:
    /// see the property.
    public init(source: ManifestSource, engine: ReconcileEngine, defaultRegion: String?, settings: ControllerSettings,
                metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
                clock: any ControllerClock = SystemControllerClock(), accountCache: AccountCache? = nil,
                reclaim: (@Sendable (Int) async throws -> Void)? = nil) {
        self.source = source
        self.engine = engine
        self.defaultRegion = defaultRegion
        self.settings = settings
        self.metrics = metrics
        self.readiness = readiness
        self.logger = logger
        self.clock = clock
        self.accountCache = accountCache
        self.reclaim = reclaim
        queue = WorkQueue(clock: clock)
        pruneGuard = PruneGuard(delay: settings.pruneDelay)
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
        await requestFullSync(reason: "start")
        let settings = settings
        let workers = WorkerPool<ResourceAddress, AdmittedState>(queue: queue, workers: settings.workers) {
            settings.batchSize(queued: $0)
        }
        await workers.run(
            closures: { batch in await self.dependencyClosures(batch) },
            reconcile: { batch, state in await self.reconcile(batch, in: state) },
            idle: { MallocTuning.releaseFreeMemory() })
        for task in tasks { task.cancel() }
        await debouncer.finish()
        watcher.stop()
    }

    /// Stops taking work: the watcher and timers stop, queued keys are dropped, the batches in flight finish.
    public func stop() async {
        logger.info("reconciling stops; finishing the reconciles in flight")
        watcher?.stop()
        for task in tasks { task.cancel() }
        confirmation?.task.cancel()
        confirmation = nil
        await queue.shutDown()
    }

    /// SIGHUP: reads the manifest folder again and runs a full sync (after the one running, if any).
    public func reload() async {
        logger.info("reload requested (SIGHUP): reading the manifest folder again and starting a full sync")
        await requestFullSync(reason: "reload")
    }

    /// What the batch of each key holds in the last good desired state (the gate keeps batches apart by them): the
    /// dependency closure of what its run may change (`HandlerRegistry.changeScope`: a role's with its pools', a
    /// removed resource's with the manifests of its kind that may be its new name), with that state and the prune
    /// delay's holds, which the batch is reconciled against.
    func dependencyClosures(_ keys: [ResourceAddress]) -> BatchClosures<ResourceAddress, AdmittedState> {
        let current = snapshot
        let store = engine.statusStore
        let needs = Dictionary(keys.map { key in
            let scope = engine.registry.changeScope(of: [key], graph: current.graph) { candidate in
                // A rename pairs only a manifest whose status records no resource created (`RenameResolver`).
                do {
                    return ResourceStatus.recordsNoResource(try store.read(candidate))
                } catch {
                    return true
                }
            }
            return (key, current.graph.closure(of: scope))
        }, uniquingKeysWith: { first, _ in first })
        return BatchClosures(needs: needs, context: AdmittedState(snapshot: current, heldKeys: pruneGuard.heldKeys,
                                                                  missingKeys: pruneGuard.missingKeys))
    }

    /// Reads the directory after file events.
    func directoryChanged(_ changes: [DirectoryChange]) async {
        logger.debug("manifest directory changed", metadata: ["events": "\(changes.count)"])
        await readAndQueueChanges()
    }

    /// Waits a jittered resync period, then asks for a full sync; again until cancelled.
    private func resyncLoop() async {
        while !Task.isCancelled {
            let delay = settings.resyncDelay(random: Double.random(in: 0...1))
            do {
                try await clock.sleep(until: clock.now() + delay)
            } catch {
                return
            }
            await requestFullSync(reason: "resync")
        }
    }
}
