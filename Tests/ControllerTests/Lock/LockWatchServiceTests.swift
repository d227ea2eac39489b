import Foundation
import Logging
import Reconciler
import Testing

@testable import Controller

/// The controller's watch on its status lock throws `lock.lost` once the lock file is removed.
@Suite("LockWatchService")
struct LockWatchServiceTests {
    @Test func throwsOnceTheLockFileIsRemoved() async throws {
        let folder = try TemporaryFolder()
        let lock = try StatusLock.acquire(statusDirectory: folder.path + "/status")
        let watch = LockWatchService(lock: lock, interval: .milliseconds(20), logger: Logger(label: "test"))
        let running = Task { try await watch.run() }
        try await Task.sleep(for: .milliseconds(200))
        try FileManager.default.removeItem(atPath: lock.lockFile)
        await #expect(throws: StatusLockError.lost(lockFile: lock.lockFile)) { try await running.value }
    }
}
