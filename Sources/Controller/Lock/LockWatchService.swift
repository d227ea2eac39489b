import Logging
import Reconciler
import ServiceLifecycle

/// Watches the controller's status lock for its lifetime: once a second it checks that the lock file path still
/// names the locked file. When the file was removed or replaced (another writer could then take a new lock on the
/// same path), it logs an error and throws, which stops the whole service group: the reconciles in flight are
/// cancelled, no further AWS change is made, and the controller exits 1.
public struct LockWatchService: Service {
    /// The lock the controller holds.
    let lock: StatusLock
    /// Time between checks.
    let interval: Duration
    /// Where the loss is reported.
    let logger: Logger

    /// Watches `lock` every `interval`.
    public init(lock: StatusLock, interval: Duration = .seconds(1), logger: Logger) {
        self.lock = lock
        self.interval = interval
        self.logger = logger
    }

    /// Checks until graceful shutdown; throws `StatusLockError.lost` when the lock is lost.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try lock.verify()
            } catch {
                logger.error("status lock lost; stopping all AWS changes",
                             metadata: ["lockFile": "\(lock.lockFile)", "code": "\(error.code)"])
                throw error
            }
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
