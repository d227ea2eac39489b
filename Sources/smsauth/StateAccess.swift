import AWSServices
import Controller
import Foundation
import Manifests
import Reconciler

/// Where a command's state lives and how it is opened: `--status-dir` (a folder), else `--state`, else
/// `SMSAUTH_STATE`, else the settings document's `spec.state` (a relative path there is relative to the manifest
/// folder), else the default status folder of the manifest folder. A location is a folder path or `s3://BUCKET/PREFIX`.
enum StateAccess: Equatable {
    /// Status files in a local folder (locked with `<folder>.lock`).
    case folder(URL)
    /// One state object in S3 (locked with `lock.json` beside it).
    case s3(S3StateURL)

    /// The environment variable that names the state location.
    static let environmentVariable = "SMSAUTH_STATE"

    /// The state of the manifest folder `manifests` whose settings document says `settingsState` (when it does).
    /// Exits 1 naming the problem when the chosen location is malformed.
    static func resolve(global: GlobalOptions, manifests: String, settingsState: String?,
                        environment: [String: String]) throws -> StateAccess {
        if global.statusDir != nil { return .folder(try global.statusDirectory(manifests: manifests)) }
        let manifestFolder = URL(fileURLWithPath: manifests, isDirectory: true)
        let candidates: [(source: String, value: String?, base: URL?)] = [
            ("--state", global.state, nil), (environmentVariable, environment[environmentVariable], nil),
            ("spec.state of the settings document", settingsState, manifestFolder),
        ]
        for candidate in candidates {
            guard let value = candidate.value, !value.isEmpty else { continue }
            do {
                if let url = try S3StateURL(parsing: value) { return .s3(url) }
            } catch {
                throw StandardError.failure("\(candidate.source): \(error.description)")
            }
            return .folder(URL(fileURLWithPath: value, relativeTo: candidate.base).standardizedFileURL)
        }
        return .folder(try global.statusDirectory(manifests: manifests))
    }

    /// For a folder state, whether the folder does not exist yet (checked before opening it, which creates it for
    /// an apply); nil for an S3 state, whose document says so once read (`StatusStore.isMissing`).
    var isMissingFolder: Bool? {
        guard case .folder(let url) = self else { return nil }
        return !FileManager.default.fileExists(atPath: url.path)
    }

    /// Whether the state is an object store (S3), which has no kernel to release a crashed holder's lock.
    var isObjectStore: Bool {
        if case .s3 = self { return true }
        return false
    }

    /// Where the state lives, for messages.
    var location: String {
        switch self {
        case .folder(let url): url.path
        case .s3(let url): url.description
        }
    }

    /// Opens the state for reading (dry runs, `status`, `doctor`, `outputs`): a folder must be readable (a missing one
    /// is empty); an S3 state is read in one GET. Exits 1 naming the problem otherwise.
    func openForReading(aws: @autoclosure () throws -> AWSContext) async throws -> StatusStore {
        switch self {
        case .folder(let url):
            do {
                try StatusLocation.checkReadable(url)
            } catch {
                throw StandardError.failure(error.description)
            }
            return StatusStore(directory: url)
        case .s3(let url):
            return try await Self.load(Self.objectStore(url, aws: try aws()))
        }
    }

    /// Opens the state for an apply (or the controller): a folder must be writable and its lock is taken; for S3,
    /// `lock.json` is created (waiting up to `lockTimeout` while another holder has it), then the state is read.
    /// Exits 1 naming the problem (or the lock's holder) otherwise.
    func openForWriting(aws: AWSContext, lockTimeout: Int, holder: String) async throws -> (StatusStore, ApplyLock) {
        switch self {
        case .folder(let url):
            let lock = try EngineArguments.lockStatusFolder(url, timeout: lockTimeout)
            return (StatusStore(directory: url), .folder(lock))
        case .s3(let url):
            let store = try Self.objectStore(url, aws: aws)
            let lock: StateLock
            do {
                lock = try await StateLock.acquire(store: store, record: .current(holder: holder),
                                                   timeout: .seconds(lockTimeout))
            } catch {
                throw StandardError.failure(error.description)
            }
            do {
                return (try await Self.load(store), .object(lock))
            } catch {
                try? await lock.release()
                throw error
            }
        }
    }

    /// Where the controllers of this state keep their lease (`ControllerLease.key`): `<folder>.lease` beside a
    /// folder, the state's own prefix on S3.
    func leaseStore(aws: @autoclosure () throws -> AWSContext) throws -> any ObjectStore {
        switch self {
        case .folder(let url): ControllerLease.localStore(forStatusDirectory: url)
        case .s3(let url): try Self.objectStore(url, aws: try aws())
        }
    }

    /// Opens the state for a controller that leads by a lease (`--lease`), which holds no apply lock: its status
    /// writes are checked by `fence`; an S3 state is read anew (the previous leader may have written it). The
    /// controller then claims it (`claim`) before its first reconcile.
    func openFenced(aws: AWSContext, fence: LeaseFence) async throws -> StatusStore {
        switch self {
        case .folder(let url): StatusStore(directory: url, fence: fence)
        case .s3(let url): try await Self.load(Self.objectStore(url, aws: aws), fence: fence)
        }
    }

    /// Claims an S3 state opened by `openFenced` for the fence's generation (`StatusStore.claim`, written at once), so
    /// a deposed leader's later write is refused. When a higher generation than the fence's claimed it,
    /// `raiseGeneration` (the lease's) is asked to go above it first. A folder state needs no claim.
    func claim(_ store: StatusStore, raiseGeneration: @Sendable (Int) async throws -> Void) async throws {
        guard case .s3 = self else { return }
        do {
            try await store.claim()
        } catch .superseded(_, let stored, _) {
            // A generation the lease never saw claimed the state (its lease object was deleted or replaced by hand
            // since): the holder of the lease raises its generation above it and claims again.
            try await raiseGeneration(stored)
            do {
                try await store.claim()
            } catch {
                throw StandardError.failure(error.description)
            }
        } catch {
            throw StandardError.failure(error.description)
        }
    }

    /// The S3 object store of `url`, signed for the AWS context's region.
    static func objectStore(_ url: S3StateURL, aws: AWSContext) throws -> S3ObjectStore {
        guard let region = aws.defaultRegion else {
            throw StandardError.failure("the S3 state \(url) needs the bucket's region: pass --region or set AWS_REGION")
        }
        return S3ObjectStore(s3: S3(client: aws.client, region: region), url: url)
    }

    /// Reads the state document of `store`; exits 1 naming the problem.
    private static func load(_ store: S3ObjectStore, fence: LeaseFence? = nil) async throws -> StatusStore {
        do {
            return StatusStore(document: try await StateDocument.load(from: store), fence: fence)
        } catch {
            throw StandardError.failure(error.description)
        }
    }
}

/// The apply lock a writing command holds: a local folder's `flock` or an S3 state's `lock.json`.
enum ApplyLock {
    case folder(StatusLock)
    case object(StateLock)

    /// Nil while the lock is held (its file or object was not removed or replaced); else why not, as the failure a
    /// change not yet started gets instead (`ChangeGate`), one that trying again cannot mend.
    func lostFailure() async -> ReconcileFailure? {
        let (code, message): (String, String)
        switch self {
        case .folder(let lock):
            do throws(StatusLockError) {
                try lock.verify()
                return nil
            } catch {
                (code, message) = (error.code, error.description)
            }
        case .object(let lock):
            do throws(StateLockError) {
                try await lock.verify()
                return nil
            } catch {
                (code, message) = (error.code, error.description)
            }
        }
        return ReconcileFailure(code: code, message: message, isRetryable: false)
    }

    /// Releases the lock; false, reported on standard error, when it could not be released or was no longer this
    /// run's (a folder's lock file removed or replaced: another writer could have taken it meanwhile).
    func release() async -> Bool {
        switch self {
        case .folder(let lock):
            let lost = await lostFailure()
            lock.release()
            if let lost { StandardError.report("releasing the lock: \(lost.message)") }
            return lost == nil
        case .object(let lock):
            do {
                try await lock.release()
                return true
            } catch {
                StandardError.report("releasing the lock: \(error.description)")
                return false
            }
        }
    }
}
