import Foundation
import Testing

@testable import Reconciler

/// The status folder's one-writer lock: exclusivity, the holder's record in the error, waiting, release, and the
/// lock file beside the folder surviving the folder's removal.
@Suite("StatusLock")
struct StatusLockTests {
    /// A fresh temporary folder, removed after `body`.
    static func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.path)
    }

    /// Runs `body`, which may block waiting for a lock, on a Dispatch thread, so it holds no thread of the shared
    /// pool the other tests (and a releasing task) need.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A holder with whole seconds, as the record keeps them.
    static let holder = StatusLockHolder(pid: 4242, host: "builder-7", since: Date(timeIntervalSince1970: 1_780_000_000))

    /// The lock file is the status folder's path plus `.lock`, with or without a trailing slash.
    @Test func lockFileIsBesideTheFolder() {
        #expect(StatusLock.lockFile(forStatusDirectory: "/srv/app/.smsauth/m/status") == "/srv/app/.smsauth/m/status.lock")
        #expect(StatusLock.lockFile(forStatusDirectory: "/srv/st/") == "/srv/st.lock")
        #expect(StatusLock.lockFile(forStatusDirectory: "/srv/./x/../st") == "/srv/st.lock")
    }

    /// A second acquisition fails with `lock.held`, naming the lock file and the holder's pid, host and since; after
    /// release the lock can be taken again.
    @Test func secondAcquirerRefusedUntilRelease() throws {
        try Self.withFolder { root in
            let statusDirectory = root + "/status"
            let first = try StatusLock.acquire(statusDirectory: statusDirectory, holder: Self.holder)
            #expect(first.lockFile == statusDirectory + ".lock")
            #expect(first.isHeld)
            #expect(!FileManager.default.fileExists(atPath: statusDirectory), "taking the lock creates no status folder")
            let record = try String(contentsOfFile: first.lockFile, encoding: .utf8)
            #expect(record == "pid=4242\nhost=builder-7\nsince=2026-05-28T20:26:40Z\n")
            let expected = StatusLockError.alreadyHeld(lockFile: first.lockFile, holder: Self.holder, waitedSeconds: 0)
            #expect(throws: expected) { try StatusLock.acquire(statusDirectory: statusDirectory) }
            #expect(expected.code == "lock.held")
            for text in [first.lockFile, "pid 4242", "host builder-7", "since 2026-05-28T20:26:40Z", "--lock-timeout"] {
                #expect(expected.description.contains(text), "\(text)")
            }
            first.release()
            first.release()
            #expect(!first.isHeld)
            #expect(try String(contentsOfFile: first.lockFile, encoding: .utf8).isEmpty, "release clears the record")
            let second = try StatusLock.acquire(statusDirectory: statusDirectory)
            #expect(second.isHeld)
        }
    }

    /// With a timeout the second acquirer waits and gets the lock once the holder releases it.
    @Test func waitsUpToTheTimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder + ".lock") }
        let first = try StatusLock.acquire(statusDirectory: folder)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.4) { first.release() }
        let started = ContinuousClock.now
        let second = try await Self.offPool { try StatusLock.acquire(statusDirectory: folder, timeout: .seconds(10)) }
        #expect(second.isHeld)
        #expect(!first.isHeld)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    /// Still held after the timeout: the error says how long it waited.
    @Test func timesOutNamingTheWait() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder + ".lock") }
        let held = try StatusLock.acquire(statusDirectory: folder, holder: Self.holder)
        let started = ContinuousClock.now
        let refusal = try await Self.offPool { () -> StatusLockError? in
            do {
                _ = try StatusLock.acquire(statusDirectory: folder, timeout: .seconds(1))
                return nil
            } catch {
                return error as? StatusLockError
            }
        }
        #expect(refusal == .alreadyHeld(lockFile: held.lockFile, holder: Self.holder, waitedSeconds: 1))
        #expect(ContinuousClock.now - started >= .seconds(1))
        #expect(held.isHeld)
    }

    /// A holder that has locked but not yet written its record: the refused acquirer gives it `recordGrace` to
    /// write one, then reports the lock held without a holder.
    @Test func emptyRecordGetsAGraceToBeWritten() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder + ".lock") }
        let held = try StatusLock.acquire(statusDirectory: folder, holder: Self.holder)
        #expect(truncate(held.lockFile, 0) == 0)
        let started = ContinuousClock.now
        let refusal = try await Self.offPool { () -> StatusLockError? in
            do {
                _ = try StatusLock.acquire(statusDirectory: folder)
                return nil
            } catch {
                return error as? StatusLockError
            }
        }
        #expect(refusal == .alreadyHeld(lockFile: held.lockFile, holder: nil, waitedSeconds: 0))
        #expect(ContinuousClock.now - started >= StatusLock.recordGrace)
    }

    /// A lock released by deinitialisation can be taken again.
    @Test func deinitReleases() throws {
        try Self.withFolder { root in
            do {
                let held = try StatusLock.acquire(statusDirectory: root + "/st")
                #expect(held.isHeld)
            }
            let again = try StatusLock.acquire(statusDirectory: root + "/st")
            #expect(again.isHeld)
        }
    }

    /// Deleting the status folder leaves the lock in force: a second writer is still refused and the holder's
    /// check passes.
    @Test func survivesTheStatusFolderBeingDeleted() throws {
        try Self.withFolder { root in
            let statusDirectory = root + "/status"
            try FileManager.default.createDirectory(atPath: statusDirectory + "/UserPool", withIntermediateDirectories: true)
            let held = try StatusLock.acquire(statusDirectory: statusDirectory)
            try FileManager.default.removeItem(atPath: statusDirectory)
            #expect {
                try StatusLock.acquire(statusDirectory: statusDirectory)
            } throws: { error in
                (error as? StatusLockError)?.code == "lock.held"
            }
            try held.verify()
        }
    }

    /// Removing or replacing the lock file itself is noticed by the holder's check (`lock.lost`).
    @Test func verifyNoticesARemovedOrReplacedLockFile() throws {
        try Self.withFolder { root in
            let removed = try StatusLock.acquire(statusDirectory: root + "/a")
            try removed.verify()
            try FileManager.default.removeItem(atPath: removed.lockFile)
            #expect(throws: StatusLockError.lost(lockFile: removed.lockFile)) { try removed.verify() }

            let replaced = try StatusLock.acquire(statusDirectory: root + "/b")
            try Data().write(to: URL(fileURLWithPath: replaced.lockFile + ".new"))
            #expect(rename(replaced.lockFile + ".new", replaced.lockFile) == 0)
            #expect(throws: StatusLockError.lost(lockFile: replaced.lockFile)) { try replaced.verify() }
            #expect(StatusLockError.lost(lockFile: replaced.lockFile).code == "lock.lost")

            let released = try StatusLock.acquire(statusDirectory: root + "/c")
            released.release()
            #expect(throws: StatusLockError.lost(lockFile: released.lockFile)) { try released.verify() }
        }
    }

    /// A folder for the lock file that cannot be created is a typed error.
    @Test func uncreatableDirectory() throws {
        try Self.withFolder { root in
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/file"))
            #expect {
                try StatusLock.acquire(statusDirectory: root + "/file/sub/status")
            } throws: { error in
                (error as? StatusLockError)?.code == "lock.directoryUnavailable"
            }
        }
    }

    /// Records round-trip; an empty record or a bare pid (older versions) names no holder.
    @Test func holderRecord() {
        #expect(StatusLockHolder(record: Self.holder.record) == Self.holder)
        #expect(StatusLockHolder(record: "") == nil)
        #expect(StatusLockHolder(record: "1234\n") == nil)
        #expect(StatusLockError.alreadyHeld(lockFile: "/x.lock", holder: nil, waitedSeconds: 3).description
            .hasPrefix("another smsauth process holds the lock /x.lock after waiting 3s"))
    }
}
