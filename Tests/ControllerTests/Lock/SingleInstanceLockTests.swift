import Foundation
import Testing

@testable import Controller

/// The single-instance lock: exclusivity, the holder's PID in the error, release.
@Suite("SingleInstanceLock")
struct SingleInstanceLockTests {
    /// A second acquisition fails with `LockHeld`, naming the lock file and this process's PID; after release
    /// the lock can be taken again.
    @Test func secondAcquirerRefusedUntilRelease() throws {
        let folder = try TemporaryFolder()
        let statusDirectory = folder.path + "/status"
        let first = try SingleInstanceLock.acquire(statusDirectory: statusDirectory)
        #expect(first.lockFile == statusDirectory + "/.lock")
        #expect(first.isHeld)
        let expected = SingleInstanceLockError.alreadyHeld(lockFile: first.lockFile, holderPID: getpid())
        #expect(throws: expected) { try SingleInstanceLock.acquire(statusDirectory: statusDirectory) }
        #expect(expected.code == "LockHeld")
        #expect(expected.description.contains(first.lockFile))
        #expect(expected.description.contains("\(getpid())"))
        first.release()
        first.release()
        #expect(!first.isHeld)
        let second = try SingleInstanceLock.acquire(statusDirectory: statusDirectory)
        #expect(second.isHeld)
    }

    /// A lock released by deinitialisation can be taken again.
    @Test func deinitReleases() throws {
        let folder = try TemporaryFolder()
        do {
            let held = try SingleInstanceLock.acquire(statusDirectory: folder.path)
            #expect(held.isHeld)
        }
        let again = try SingleInstanceLock.acquire(statusDirectory: folder.path)
        #expect(again.isHeld)
    }

    /// A status directory that cannot be created is a typed error.
    @Test func uncreatableDirectory() throws {
        let folder = try TemporaryFolder()
        try folder.write("file")
        #expect {
            try SingleInstanceLock.acquire(statusDirectory: folder.path + "/file/status")
        } throws: { error in
            (error as? SingleInstanceLockError)?.code == "LockDirectoryUnavailable"
        }
    }
}
