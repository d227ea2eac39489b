import ArgumentParser
import AWSCore
import Controller
import Foundation
import Logging
import Manifests
import Reconciler
import ServiceLifecycle

/// `smsauth controller [DIR]`: the long-running GitOps controller.
struct ControllerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controller",
        abstract: "Keep AWS equal to the manifests continuously: watch DIR, reconcile on change, resync for drift.",
        discussion: """
            Reconciles everything at start, then reconciles the resources whose manifests change (debounced file \
            events) and every resource each resync period, correcting drift (policy.onDrift: Correct) or recording \
            it (Report). A directory with errors keeps the last valid desired state: nothing is changed or deleted \
            until it is valid again. Up to --workers reconciles run at once, never two on the same resource or \
            on a resource and what it depends on; a resource waiting on a dependency is retried as soon as the \
            dependency is reconciled. The AWS account id is looked up once per full sync. Serves /metrics, /healthz \
            and /readyz on --listen. Before any AWS read the status folder must be writable and its lock \
            (<status-dir>.lock, beside the folder) free, waiting up to --lock-timeout; the lock is held for the \
            controller's lifetime, and if the lock file is removed or replaced the controller stops and exits 1. \
            With --lease, several controllers share the status folder instead: one holds the lease \
            (<status-dir>.lease/lease.json, renewed every third of --lease-duration) and reconciles, the others \
            stand by (/readyz 503 "standby") and take over once it has not been renewed for its duration; a leader \
            that cannot renew in time stops every AWS write at once. On an S3 state (--state s3://…) the \
            controller always leads by the lease (lease.json beside state.json), with or without --lease: a lease \
            expires when its holder dies, where a crashed holder's lock.json would stay. \
            A removed manifest (or a file cut short) is acted on only once a second read of the directory at \
            least --prune-delay later confirms it. Every resync reads the directory anew as well as AWS. SIGHUP: \
            read the directory again and run a full sync. SIGTERM or SIGINT: finish the reconciles in flight (up \
            to --shutdown-timeout) and exit 0; a second signal exits at once with status 1. With --selector only \
            the selected manifests are reconciled; everything else (and every resource whose manifest was \
            removed) is left alone. See docs/controller.md.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, watched recursively (.yaml and .yml).")
    var directory: String = "./manifests"

    @Option(help: "Quiet time after file changes before the directory is read again (500ms, 2s). (default: 500ms)",
            transform: { try DurationArgument(parsing: $0) })
    var debounce: DurationArgument = DurationArgument(.milliseconds(500), text: "500ms")

    @Option(help: "Time between full resyncs that find and correct drift (10m), plus up to 10% jitter. (default: 10m)",
            transform: { try DurationArgument(parsing: $0) })
    var resyncPeriod: DurationArgument = DurationArgument(.seconds(600), text: "10m")

    @Option(help: "How often pending resources (numbers awaiting a code or provisioning) are looked at (30s). (default: 30s)",
            transform: { try DurationArgument(parsing: $0) })
    var pendingPoll: DurationArgument = DurationArgument(.seconds(30), text: "30s")

    @Option(help: "How often Registrations under AWS's review (days to weeks) are looked at, instead of --pending-poll (1h). (default: 1h)",
            transform: { try DurationArgument(parsing: $0) })
    var registrationPollInterval: DurationArgument = DurationArgument(.seconds(3600), text: "1h")

    @Option(help: "Seconds a removal (manifest gone, status file without manifest, file with fewer documents) must stay so, over two reads of the directory, before it is acted on (30). (default: 30)",
            transform: { try DurationArgument(parsing: $0) })
    var pruneDelay: DurationArgument = DurationArgument(.seconds(30), text: "30")

    @Option(parsing: .unconditional, help: "How many reconciles may run at once, on unrelated resources (4).")
    var workers: Int = 4

    @Option(help: "On SIGTERM/SIGINT, how long the reconciles in flight may take to finish (30s). (default: 30s)",
            transform: { try DurationArgument(parsing: $0) })
    var shutdownTimeout: DurationArgument = DurationArgument(.seconds(30), text: "30s")

    @Option(help: "Address of the /metrics, /healthz and /readyz endpoint (HOST:PORT; port 0 picks a free one). (default: 127.0.0.1:9464)",
            transform: { try ListenAddress(parsing: $0) })
    var listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9464)

    @Flag(help: "Run as one of several controllers of this status folder: hold the lease <status-dir>.lease/lease.json instead of the folder's lock; the others wait as standbys and take over when the leader stops or its lease expires. Always on with an S3 state (lease.json beside state.json).")
    var lease = false

    @Option(help: "With --lease: how long the lease holds after each renewal (renewed every third of it), 1s to 1h (15s). (default: 15s)",
            transform: { try DurationArgument(parsing: $0) })
    var leaseDuration: DurationArgument = DurationArgument(ControllerLease.defaultDuration, text: "15s")

    @OptionGroup var engineArguments: EngineArguments

    /// `--selector`.
    @OptionGroup var selection: SelectorOption

    /// Refuses malformed options before anything starts.
    func validate() throws {
        guard resyncPeriod.duration >= .seconds(1) else { throw ValidationError("--resync-period must be at least 1s.") }
        guard pendingPoll.duration >= .milliseconds(100) else {
            throw ValidationError("--pending-poll must be at least 100ms.")
        }
        guard registrationPollInterval.duration >= .seconds(1) else {
            throw ValidationError("--registration-poll-interval must be at least 1s.")
        }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64.") }
        guard leaseDuration.duration >= .seconds(1), leaseDuration.duration <= LeaseRecord.maximumDuration else {
            throw ValidationError("--lease-duration must be from 1s to 1h (every reader of a lease takes a longer one as 1h).")
        }
    }

    /// Takes the lock (or, with `--lease` or an S3 state, stands by for the lease), wires the controller, the HTTP
    /// endpoint and the signal handling, and runs until shut down.
    func run() async throws {
        MallocTuning.limitArenas()
        global.bootstrapLogging(defaultLevel: .info)
        let logger = Logger(label: "smsauth.controller")
        let environment = ProcessInfo.processInfo.environment
        let metrics = ControllerMetrics()
        let readiness = Readiness()
        let settings = ManifestLoader().load(directory: directory).settings
        let identity = try CommandIdentity.make(directory: directory, settingsOwner: settings?.owner.value,
                                                environment: environment)
        let state = try StateAccess.resolve(global: global, manifests: directory,
                                            settingsState: settings?.state?.value, environment: environment)
        // A wrong --listen fails here, before the controller takes a lock or calls AWS.
        do {
            try await endpoint(metrics: metrics, readiness: readiness, logger: logger).checkAddress()
        } catch {
            throw StandardError.failure(error.description)
        }
        let missingFolder = state.isMissingFolder
        if lease || state.isObjectStore {
            if !lease {
                logger.info("the state is in S3: leading by its lease (lease.json), as with --lease, not by lock.json")
            }
            let election = try leaderElection(state: state, missingFolder: missingFolder, identity: identity,
                                              metrics: metrics,
                                              readiness: readiness, logger: logger)
            try await serve([.init(service: election)], reload: { await election.reload() }, metrics: metrics,
                            readiness: readiness, logger: logger)
            return
        }
        let aws = try makeAWS(fence: nil, metrics: metrics, logger: logger)
        let (store, lock) = try await state.openForWriting(
            aws: aws, lockTimeout: engineArguments.lockTimeout,
            holder: "smsauth controller \(identity.folder) (\(identity.ownerDescription))")
        do {
            try await recoverLostState(store: store, stateMissing: missingFolder ?? store.isMissing, aws: aws,
                                       identity: identity, logger: logger)
            let controller = try makeController(store: store, aws: aws, identity: identity, metrics: metrics,
                                                readiness: readiness, logger: logger)
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
                .init(service: ControllerService(controller: controller)),
            ]
            if case .folder(let folderLock) = lock {
                services.insert(.init(service: LockWatchService(lock: folderLock, logger: logger)), at: 0)
            }
            try await serve(services, reload: { await controller.reload() }, metrics: metrics, readiness: readiness,
                            logger: logger)
        } catch {
            _ = await lock.release()
            throw error
        }
        _ = await lock.release()
    }

    /// Runs `services` beside the /metrics, /healthz and /readyz endpoint until shut down; SIGHUP calls `reload`.
    private func serve(_ services: [ServiceGroupConfiguration.ServiceConfiguration],
                       reload reloadCurrent: @escaping @Sendable () async -> Void, metrics: ControllerMetrics,
                       readiness: Readiness, logger: Logger) async throws {
        let http = endpoint(metrics: metrics, readiness: readiness, logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: http)] + services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout.duration
        configuration.maximumCancellationDuration = .seconds(5)
        let escalation = SecondSignalExit()
        let reload = ReloadSignal { Task { await reloadCurrent() } }
        defer { withExtendedLifetime((escalation, reload)) {} }
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let exit as ExitCode {
            // Said already where it was decided (the problem was printed then): exit with it, as it is.
            logger.error("controller stopped with an error", metadata: ["exit_status": "\(exit.rawValue)"])
            throw exit
        } catch {
            logger.error("controller stopped with an error", metadata: ["error": "\(error)"])
            throw StandardError.failure("\(error)")
        }
        logger.info("controller stopped")
    }

    /// The /metrics, /healthz and /readyz endpoint on `--listen`.
    private func endpoint(metrics: ControllerMetrics, readiness: Readiness, logger: Logger) -> HealthEndpointService {
        HealthEndpointService(
            host: listen.host, port: listen.port, metrics: metrics, readiness: readiness, logger: logger,
            onListening: { host, port in
                logger.info("serving /metrics, /healthz and /readyz", metadata: ["address": "\(host):\(port)"])
            })
    }

    /// `--lease`: the leader election over the state's lease (`<status-dir>.lease` beside a folder, `lease.json` of
    /// an S3 state). Its leader waits for an apply holding the state's lock to finish, then opens the state again
    /// and runs a controller fenced by the lease (its AWS requests and status writes check the fence); the lease's
    /// own calls are not fenced.
    /// `missingFolder`: whether a folder state did not exist when the controller started (lost-state rediscovery).
    private func leaderElection(state: StateAccess, missingFolder: Bool?, identity: RunIdentity,
                                metrics: ControllerMetrics,
                                readiness: Readiness, logger: Logger) throws -> LeaderElectionService {
        let plainAWS = try makeAWS(fence: nil, metrics: metrics, logger: logger)
        let awaitApplies: @Sendable () async throws -> Void
        switch state {
        case .folder(let statusDirectory):
            do {
                try StatusLocation.checkWritable(statusDirectory)
            } catch {
                throw StandardError.failure(error.description)
            }
            awaitApplies = { try await Self.awaitApplies(statusDirectory: statusDirectory, readiness: readiness, logger: logger) }
        case .s3(let url):
            let store = try StateAccess.objectStore(url, aws: plainAWS)
            awaitApplies = { try await Self.awaitApplies(lockIn: store, readiness: readiness, logger: logger) }
        }
        let clock = SystemControllerClock()
        let lease = ControllerLease(store: try state.leaseStore(aws: plainAWS), clock: clock, identity: .current(),
                                    duration: leaseDuration.duration)
        let command = self
        return LeaderElectionService(
            lease: lease, clock: clock, metrics: metrics, readiness: readiness, logger: logger,
            awaitApplies: awaitApplies,
            makeController: {
                let aws = try command.makeAWS(fence: lease.fence, metrics: metrics, logger: logger)
                let store = try await state.openFenced(aws: aws, fence: lease.fence)
                // Rediscovery before the claim: a claim writes the state, and a run killed between the two would
                // otherwise leave a state that is no longer missing, and nothing rediscovered.
                try await command.recoverLostState(store: store, stateMissing: missingFolder ?? store.isMissing,
                                                   aws: aws, identity: identity, logger: logger)
                try await state.claim(store) { stored in
                    let generation = try await lease.raiseGeneration(above: stored)
                    logger.warning("the state was claimed by a lease generation this lease had not reached; leading with a higher one",
                                   metadata: ["stored": "\(stored)", "generation": "\(generation)"])
                }
                return try command.makeController(store: store, aws: aws, identity: identity, metrics: metrics,
                                                  readiness: readiness, logger: logger) { stored in
                    _ = try await lease.raiseGeneration(above: stored)
                    try await store.reload()
                    try await store.claim()
                }
            })
    }

    /// Returns once no apply run holds the status folder's lock: an apply that took it before this controller led
    /// checked the lease then and found none, so it must finish first; a later apply finds the lease and refuses.
    private static func awaitApplies(statusDirectory: URL, readiness: Readiness, logger: Logger) async throws {
        var logged = false
        defer { readiness.setWaitingForLock(nil) }
        while true {
            do {
                try StatusLock.acquire(statusDirectory: statusDirectory.path).release()
                return
            } catch .alreadyHeld(_, let holder, _) {
                if !logged {
                    logger.info("leading; waiting for the apply that holds the status folder's lock to finish",
                                metadata: ["holder": "\(holder?.summary ?? "unknown")"])
                    readiness.setWaitingForLock("the apply that holds the status folder's lock (\(holder?.summary ?? "unknown")) to finish")
                    logged = true
                }
                try await Task.sleep(for: .seconds(1))
            } catch {
                throw StandardError.failure(error.description)
            }
        }
    }

    /// The same for an S3 state: returns once its `lock.json` is gone.
    private static func awaitApplies(lockIn store: any ObjectStore, readiness: Readiness, logger: Logger) async throws {
        var logged = false
        defer { readiness.setWaitingForLock(nil) }
        while true {
            let holder: StateLock.Holder
            do {
                holder = try await StateLock.currentHolder(in: store)
            } catch {
                throw StandardError.failure(error.description)
            }
            guard case .held = holder else { return }
            if !logged {
                logger.info("leading; waiting for the apply that holds the state's lock.json to finish")
                readiness.setWaitingForLock("the apply or migration that holds the state's lock.json to finish")
                logged = true
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// The AWS context of the controller: every call rate-limited and counted and, with a lease's fence, refused
    /// once the fence closes (checked after the rate limiter's wait).
    private func makeAWS(fence: LeaseFence?, metrics: ControllerMetrics, logger: Logger) throws -> AWSContext {
        let limiters = engineArguments.rateLimiters()
        return try AWSContext.make(options: global, environment: ProcessInfo.processInfo.environment,
                                   logger: logger) { base in
            RateLimitedTransport(base: fence.map { FencedTransport(base: base, fence: $0) } ?? base,
                                 limiters: limiters, metrics: metrics, logger: logger)
        }
    }

    /// The controller with the standard engine, its AWS calls going through `aws`.
    private func makeController(store: StatusStore, aws: AWSContext, identity: RunIdentity,
                                metrics: ControllerMetrics, readiness: Readiness, logger: Logger,
                                reclaim: (@Sendable (Int) async throws -> Void)? = nil) throws -> GitOpsController {
        let environment = ProcessInfo.processInfo.environment
        let accounts = AccountCache()
        let engine = engineArguments.engine(client: aws.client, partitionRegion: aws.defaultRegion, logger: logger, statusStore: store,
                                            identity: identity, selector: try selection.parsed(),
                                            accountLookup: accounts.engineLookup)
        let flagRegion = global.regionFromFlagOrEnvironment(environment)
        let settings = ControllerSettings(debounce: debounce.duration, resyncPeriod: resyncPeriod.duration,
                                          pendingPoll: pendingPoll.duration, workers: workers,
                                          pruneDelay: pruneDelay.duration,
                                          registrationPoll: registrationPollInterval.duration)
        return GitOpsController(source: ManifestSource(directory: directory, defaultRegion: flagRegion), engine: engine,
                                defaultRegion: aws.defaultRegion, settings: settings, metrics: metrics,
                                readiness: readiness, logger: logger, accountCache: accounts, reclaim: reclaim)
    }
}
