import Logging
import Reconciler
import ServiceLifecycle
import Synchronization

/// Runs the controller as one of several on a shared state, one leader at a time (`ControllerLease`):
///
/// - **Standby**: tries to acquire the lease every renew interval (and at the moment the watched version expires); meanwhile `/readyz` answers 503 `standby: …`,
///   `smsauth_leader` is 0, and no controller runs (no AWS call, no status write).
/// - **Leading**: waits until no apply run holds the state's lock (`awaitApplies`), then runs a new controller
///   (`makeController`), which starts with a full sync, while the lease is renewed every interval.
/// - **Lost**: when a renewal finds the lease taken, or it was not renewed within its duration, the fence is
///   already closed (no AWS request or status write goes out); the controller is stopped and cancelled and the
///   process goes back to standby.
/// - **Shutdown** (SIGTERM, SIGINT): the controller finishes its reconciles in flight, then the lease is released
///   (deleted if still this process's version), so a standby takes over at once.
public final class LeaderElectionService: Service {
    /// The lease.
    let lease: ControllerLease
    /// Time between renewals and standby attempts.
    let clock: any ControllerClock
    /// `smsauth_leader` and the lease metrics.
    let metrics: ControllerMetrics
    /// `/readyz`.
    let readiness: Readiness
    /// Log.
    let logger: Logger
    /// Returns once no apply run holds the state's lock (checked after winning, before the first write).
    let awaitApplies: @Sendable () async throws -> Void
    /// A new controller for each term as leader.
    let makeController: @Sendable () async throws -> GitOpsController
    /// The controller of the current term (nil while standby), for SIGHUP.
    private let current = Mutex<GitOpsController?>(nil)

    /// Creates the service; nothing runs until `run()`.
    public init(lease: ControllerLease, clock: any ControllerClock, metrics: ControllerMetrics, readiness: Readiness,
                logger: Logger, awaitApplies: @escaping @Sendable () async throws -> Void,
                makeController: @escaping @Sendable () async throws -> GitOpsController) {
        self.lease = lease
        self.clock = clock
        self.metrics = metrics
        self.readiness = readiness
        self.logger = logger
        self.awaitApplies = awaitApplies
        self.makeController = makeController
    }

    /// How a term as leader ended.
    enum TermEnd: Sendable {
        /// The lease was lost (`reason`): back to standby.
        case lost(String)
        /// The controller stopped (graceful shutdown).
        case stopped
        /// The controller failed (it cannot watch the directory).
        case failed(any Error)
    }

    /// Standby and leader terms until graceful shutdown; throws when a controller fails.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            guard let generation = await standBy() else { return }
            switch await lead(generation: generation) {
            case .lost(let reason):
                logger.error("lease lost; stopped all AWS writes and went back to standby",
                             metadata: ["code": "LeaseLost", "reason": "\(reason)", "generation": "\(generation)"])
            case .stopped:
                await release()
                return
            case .failed(let error):
                await release()
                throw error
            }
        }
    }

    /// SIGHUP: a full sync of the current term's controller (nothing while standby: a new term starts with one).
    public func reload() async {
        await current.withLock { $0 }?.reload()
    }

    /// Waits as a standby until this process acquires the lease; nil on shutdown.
    private func standBy() async -> Int? {
        metrics.leader(false, generation: nil)
        var reported: String?
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let holder: String
            do {
                switch try await lease.tryAcquire() {
                case .leading(let generation): return generation
                case .standby(let record): holder = "the lease is held by " + (record?.summary ?? "an unreadable lease object")
                }
            } catch {
                holder = "the lease cannot be read: \(error)"
            }
            readiness.setStandby(holder)
            if holder != reported {
                logger.info("standby: waiting for the lease", metadata: ["reason": "\(holder)"])
                reported = holder
            }
            let wake = await lease.nextAttempt()
            try? await cancelWhenGracefulShutdown { try await self.clock.sleep(until: wake) }
        }
        return nil
    }

    /// One term as leader, while the lease is renewed: first the apply that holds the state's lock (if any) finishes,
    /// then the controller is made (which opens and claims the state) and runs, until it stops or the lease is lost.
    /// Nothing of the state is read or written before the apply's lock is gone.
    private func lead(generation: Int) async -> TermEnd {
        logger.info("lease acquired; leading", metadata: ["generation": "\(generation)",
                                                          "holder": "\(lease.identity.holder)"])
        metrics.leader(true, generation: generation)
        readiness.setLeading()
        defer { current.withLock { $0 = nil } }
        let (awaitApplies, makeController) = (awaitApplies, makeController)
        let end = await withTaskGroup(of: TermEnd.self) { group in
            group.addTask {
                do {
                    // A shutdown while an apply still holds the lock ends the term at once.
                    try await cancelWhenGracefulShutdown { try await awaitApplies() }
                    guard !Task.isShuttingDownGracefully else { return .stopped }
                    let controller = try await makeController()
                    self.current.withLock { $0 = controller }
                    try await withGracefulShutdownHandler {
                        try await controller.run()
                    } onGracefulShutdown: {
                        Task { await controller.stop() }
                    }
                    return .stopped
                } catch is CancellationError {
                    return .stopped
                } catch {
                    return Task.isCancelled || Task.isShuttingDownGracefully ? .stopped : .failed(error)
                }
            }
            group.addTask { await self.renewUntilLost() }
            let first = await group.next() ?? .stopped
            if case .lost = first {
                await self.current.withLock { $0 }?.stop()
            }
            group.cancelAll()
            await group.waitForAll()
            return first
        }
        metrics.leader(false, generation: generation)
        return end
    }

    /// Renews every interval; returns when the lease is lost (or `.stopped` when cancelled).
    private func renewUntilLost() async -> TermEnd {
        while true {
            do {
                try await clock.sleep(until: clock.now() + lease.renewInterval)
            } catch {
                return .stopped
            }
            switch await lease.renew() {
            case .renewed:
                continue
            case .failed(let detail):
                metrics.leaseRenewalFailed()
                logger.warning("lease renewal failed; trying again", metadata: ["error": "\(detail)"])
            case .lost(let reason):
                return .lost(reason)
            }
        }
    }

    /// Releases the lease so a standby takes over at once; a failure only delays that by one lease duration. Run
    /// apart from the shutting-down task, whose cancellation would otherwise cancel the store's request.
    private func release() async {
        let lease = lease
        let released = await Task { () async -> Result<Void, ObjectStoreError> in
            do throws(ObjectStoreError) {
                try await lease.release()
                return .success(())
            } catch {
                return .failure(error)
            }
        }.value
        do {
            try released.get()
            logger.info("lease released")
        } catch {
            logger.warning("lease not released; a standby takes over once it expires",
                           metadata: ["code": "\(error.code)", "error": "\(error)"])
        }
    }
}
