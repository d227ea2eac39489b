import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth state`: operations on a state location.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Operations on the state (status records): migrate a local status folder to S3.",
        subcommands: [StateMigrate.self]
    )
}

/// `smsauth state migrate --from PATH --to s3://BUCKET/PREFIX`: copies a local status folder into an S3 state.
struct StateMigrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the status files of a local status folder into an empty S3 state.",
        discussion: """
            Takes the folder's lock (no reconcile or controller may write it meanwhile), reads every status
            file (an unreadable one, or an entry that is not a status record, stops the migration), refuses a
            target under which any object exists (nothing is overwritten), takes the target's lock and writes
            its state.json with If-None-Match: *. The local folder is left as it was; use --state
            s3://BUCKET/PREFIX (or spec.state) from then on. See docs/state.md.
            """
    )

    /// `--region`, `--profile`, logging (the S3 state is signed for the region).
    @OptionGroup var global: GlobalOptions

    @Option(help: "The local status folder to copy.")
    var from: String

    @Option(help: "The S3 state to create: s3://BUCKET/PREFIX (must hold no object yet).")
    var to: String

    /// Refuses a source that is not a folder path, a target that is not an s3:// location, and the global state
    /// options, which `--from` and `--to` replace here.
    func validate() throws {
        guard !from.isEmpty else { throw ValidationError("--from must not be empty.") }
        guard global.state == nil, global.statusDir == nil else {
            throw ValidationError("--state and --status-dir do not apply to state migrate; give --from and --to.")
        }
        do {
            guard try S3StateURL(parsing: from) == nil else {
                throw ValidationError("--from must be the local status folder to copy, not an S3 state.")
            }
        } catch let error as StateLocationError {
            throw ValidationError("--from: \(error.description)")
        }
        do {
            guard try S3StateURL(parsing: to) != nil else { throw ValidationError("--to must be s3://BUCKET/PREFIX.") }
        } catch let error as StateLocationError {
            throw ValidationError("--to: \(error.description)")
        }
    }

    /// Copies the records; exits 1 naming the problem.
    func run() async throws {
        global.bootstrapLogging()
        let environment = ProcessInfo.processInfo.environment
        let folder = URL(fileURLWithPath: from).standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw StandardError.failure("\(folder.path) does not exist; nothing to migrate")
        }
        let folderLock = try EngineArguments.lockStatusFolder(folder, timeout: 0)
        defer { folderLock.release() }
        let statuses: [ResourceStatus]
        let unread: [String]
        do {
            let source = StatusStore(directory: folder)
            statuses = try source.readAll()
            unread = try source.unreadEntries()
        } catch {
            throw StandardError.failure(error.description)
        }
        // An empty state written to S3 would stop a later migrate of the right folder (the target is no longer
        // empty) and switch off lost-state rediscovery there: a folder without records is a wrong --from.
        guard !statuses.isEmpty else {
            throw StandardError.failure("\(folder.path) holds no status file; nothing to migrate (a reconcile's status "
                                        + "folder is <parent>/.smsauth/<name>/status unless --status-dir said otherwise)")
        }
        // What would be left behind is refused, not skipped: the copy must be the whole state.
        guard unread.isEmpty else {
            let listed = unread.prefix(5).joined(separator: ", ") + (unread.count > 5 ? ", …" : "")
            let kinds = ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw StandardError.failure("\(folder.path) holds what is not a status record: \(listed); a status folder "
                                        + "holds <Kind>/<name>.json files only (kinds: \(kinds)). Move those entries "
                                        + "away and migrate again; nothing was copied")
        }
        guard let url = try S3StateURL(parsing: to) else { throw ExitCode(1) }
        let aws = try AWSContext.make(options: global, environment: environment,
                                      logger: Logger(label: "smsauth.state"))
        let target = try StateAccess.objectStore(url, aws: aws)
        try await Self.requireEmpty(target)
        let lock: StateLock
        do {
            lock = try await StateLock.acquire(store: target, record: .current(holder: "smsauth state migrate \(folder.path)"))
        } catch {
            throw StandardError.failure(error.description)
        }
        do {
            let store = StatusStore(document: try await StateDocument.load(from: target))
            for status in statuses { try store.write(status) }
            try await store.persist()
        } catch {
            try? await lock.release()
            throw StandardError.failure("\(error)")
        }
        try? await lock.release()
        print("Migrated \(statuses.count) status record(s) from \(folder.path) to \(url)/\(StateDocument.key). "
              + "Use --state \(url) (or spec.state in smsauth.yaml) from now on; \(folder.path) was left as it was.")
    }

    /// Exits 1 when any object exists under the target's prefix.
    private static func requireEmpty(_ target: S3ObjectStore) async throws {
        let existing: [String]
        do {
            existing = try await target.list(prefix: "")
        } catch {
            throw StandardError.failure(error.description)
        }
        guard existing.isEmpty else {
            throw StandardError.failure("\(target.location) is not empty (\(existing.prefix(3).joined(separator: ", "))"
                                        + "\(existing.count > 3 ? ", …" : "")); migrate refuses to overwrite a state")
        }
    }
}
