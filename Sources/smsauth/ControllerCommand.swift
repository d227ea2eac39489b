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
            that cannot renew in time stops every AWS write at once. \
            A removed manifest (or a file cut short) is acted on only once a second read of the directory at \
            least --prune-delay later confirms it. Every resync reads the directory anew as well as AWS. SIGHUP: \
            read the directory again and run a full sync. SIGTERM or SIGINT: finish the reconciles in flight (up \
            to --shutdown-timeout) and exit 0; a second signal exits at once with status 1. See docs/controller.md.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, watched recursively (.yaml and .yml).")
    var directory: String = "./manifests"

    @Option(help: "Quiet time after file changes before the directory is read again (500ms, 2s).")
    var debounce: DurationArgument = DurationArgument(.milliseconds(500), text: "500ms")

    @Option(help: "Time between full resyncs that find and correct drift (10m), plus up to 10% jitter.")
    var resyncPeriod: DurationArgument = DurationArgument(.seconds(600), text: "10m")

    @Option(help: "How often pending resources (numbers awaiting a code or provisioning) are looked at (30s).")
    var pendingPoll: DurationArgument = DurationArgument(.seconds(30), text: "30s")

    @Option(help: "Seconds a removal (manifest gone, status file without manifest, file with fewer documents) must stay so, over two reads of the directory, before it is acted on (30).")
    var pruneDelay: Double = 30

    @Option(help: "How many reconciles may run at once, on unrelated resources (4).")
    var workers: Int = 4

    @Option(help: "On SIGTERM/SIGINT, how long the reconciles in flight may take to finish (30s).")
    var shutdownTimeout: DurationArgument = DurationArgument(.seconds(30), text: "30s")

    @Option(help: "Address of the /metrics, /healthz and /readyz endpoint (HOST:PORT; port 0 picks a free one).")
    var listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9464)

    @Option(help: "Client-side AWS rate limit, CATEGORY=RATE[/BURST] (e.g. cognito-idp:UserPoolRead=5/5, default=10/10); repeatable.")
    var rateLimit: [RateLimitArgument] = []

    @Flag(help: "Run as one of several controllers of this status folder: hold the lease <status-dir>.lease/lease.json instead of the folder's lock; the others wait as standbys and take over when the leader stops or its lease expires.")
    var lease = false

    @Option(help: "With --lease: how long the lease holds after each renewal (renewed every third of it) (15s).")
    var leaseDuration: DurationArgument = DurationArgument(ControllerLease.defaultDuration, text: "15s")

    @OptionGroup var engineArguments: EngineArguments

    /// Refuses malformed options before anything starts.
    func validate() throws {
        guard resyncPeriod.duration >= .seconds(1) else { throw ValidationError("--resync-period must be at least 1s.") }
        guard pendingPoll.duration >= .milliseconds(100) else {
            throw ValidationError("--pending-poll must be at least 100ms.")
        }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64.") }
        guard pruneDelay.isFinite, pruneDelay >= 0 else {
            throw ValidationError("--prune-delay must be a number of seconds, 0 or more.")
        }
        guard leaseDuration.duration >= .seconds(1) else { throw ValidationError("--lease-duration must be at least 1s.") }
    }

    /// Takes the lock (or, with `--lease`, stands by for the lease), wires the controller, the HTTP endpoint and the
    /// signal handling, and runs until shut down.
    func run() async throws {
        MallocTuning.limitArenas()
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.controller")
        let statusDirectory = try global.statusDirectory(manifests: directory)
        let metrics = ControllerMetrics()
        let readiness = Readiness()
        var lock: StatusLock?
        defer { lock?.release() }
        let services: [ServiceGroupConfiguration.ServiceConfiguration]
        let reloadCurrent: @Sendable () async -> Void
        if lease {
            let election = try leaderElection(statusDirectory: statusDirectory, metrics: metrics,
                                              readiness: readiness, logger: logger)
            services = [.init(service: election)]
            reloadCurrent = { await election.reload() }
        } else {
            let held = try engineArguments.lockStatusFolder(statusDirectory)
            lock = held
            let controller = try makeController(statusDirectory: statusDirectory, fence: nil, metrics: metrics,
                                                readiness: readiness, logger: logger)
            services = [.init(service: LockWatchService(lock: held, logger: logger)),
                        .init(service: ControllerService(controller: controller))]
            reloadCurrent = { await controller.reload() }
        }
        let address = listen
        let http = HealthEndpointService(
            host: address.host, port: address.port, metrics: metrics, readiness: readiness, logger: logger,
            onListening: { host, port in
                logger.info("serving /metrics, /healthz and /readyz", metadata: ["address": "\(host):\(port)"])
            })
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: http)] + services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout.duration
        configuration.maximumCancellationDuration = .seconds(5)
        let escalation = SecondSignalExit()
        let reload = ReloadSignal { Task { await reloadCurrent() } }
        defer { withExtendedLifetime((escalation, reload)) {} }
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            logger.error("controller stopped with an error", metadata: ["error": "\(error)"])
            throw StandardError.failure("\(error)")
        }
        logger.info("controller stopped")
    }

    /// `--lease`: the status folder must be writable; the leader election over `<status-dir>.lease`, whose
    /// leader waits for an apply holding `<status-dir>.lock` to finish, then runs a controller fenced by the lease.
    private func leaderElection(statusDirectory: URL, metrics: ControllerMetrics, readiness: Readiness,
                                logger: Logger) throws -> LeaderElectionService {
        do {
            try StatusLocation.checkWritable(statusDirectory)
        } catch {
            throw StandardError.failure(error.description)
        }
        let clock = SystemControllerClock()
        let lease = ControllerLease(store: ControllerLease.localStore(forStatusDirectory: statusDirectory),
                                    clock: clock, identity: .current(), duration: leaseDuration.duration)
        let command = self
        return LeaderElectionService(
            lease: lease, clock: clock, metrics: metrics, readiness: readiness, logger: logger,
            awaitApplies: { try await Self.awaitApplies(statusDirectory: statusDirectory, logger: logger) },
            makeController: {
                try command.makeController(statusDirectory: statusDirectory, fence: lease.fence, metrics: metrics,
                                           readiness: readiness, logger: logger)
            })
    }

    /// Returns once no apply run holds the status folder's lock: an apply that took it before this controller led
    /// checked the lease then and found none, so it must finish first; a later apply finds the lease and refuses.
    private static func awaitApplies(statusDirectory: URL, logger: Logger) async throws {
        var logged = false
        while true {
            do {
                try StatusLock.acquire(statusDirectory: statusDirectory.path).release()
                return
            } catch .alreadyHeld(_, let holder, _) {
                if !logged {
                    logger.info("leading; waiting for the apply that holds the status folder's lock to finish",
                                metadata: ["holder": "\(holder?.summary ?? "unknown")"])
                    logged = true
                }
                try await Task.sleep(for: .seconds(1))
            } catch {
                throw StandardError.failure(error.description)
            }
        }
    }

    /// The controller with the standard engine, its AWS calls going through the rate-limited, counted transport
    /// and, with a lease, its fence (every AWS request and status write checks it).
    private func makeController(statusDirectory: URL, fence: LeaseFence?, metrics: ControllerMetrics,
                                readiness: Readiness, logger: Logger) throws -> GitOpsController {
        let environment = ProcessInfo.processInfo.environment
        let limiters = RateLimiterSet(configuration: RateLimitArgument.configuration(rateLimit))
        let aws = try AWSContext.make(options: global, environment: environment, logger: logger) { base in
            RateLimitedTransport(base: fence.map { FencedTransport(base: base, fence: $0) } ?? base,
                                 limiters: limiters, metrics: metrics, logger: logger)
        }
        let accounts = AccountCache()
        let engine = engineArguments.engine(client: aws.client, logger: logger,
                                            statusStore: StatusStore(directory: statusDirectory, fence: fence),
                                            identity: try CommandIdentity.make(
                                                directory: directory, settingsOwner: Self.settingsOwner(of: directory),
                                                environment: environment),
                                            accountLookup: accounts.engineLookup)
        let flagRegion = global.regionFromFlagOrEnvironment(environment)
        let settings = ControllerSettings(debounce: debounce.duration, resyncPeriod: resyncPeriod.duration,
                                          pendingPoll: pendingPoll.duration, workers: workers,
                                          pruneDelay: .milliseconds(Int64((pruneDelay * 1000).rounded())))
        return GitOpsController(source: ManifestSource(directory: directory, defaultRegion: flagRegion), engine: engine,
                                defaultRegion: aws.defaultRegion, settings: settings, metrics: metrics,
                                readiness: readiness, logger: logger, accountCache: accounts)
    }

    /// The owner the settings document of `directory` names when the controller starts (nil without one, or while
    /// it cannot be read): the controller acts for that owner until it is restarted.
    private static func settingsOwner(of directory: String) -> String? {
        ManifestLoader().load(directory: directory).settings?.owner.value
    }
}
