import AWSCore
import ArgumentParser
import Controller
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth reconcile [DIR]`: plan, and unless `--dry-run`, apply the manifests to AWS.
struct Reconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Make AWS equal to the manifests: validate, read live state, plan, and apply (unless --dry-run).",
        discussion: """
            The manifests are validated first; with any error the diagnostics are printed and nothing is read,
            changed or deleted. Then live state is read, the plan printed, and (without --dry-run) applied in
            dependency order (deletes in reverse), with one status file per resource written afterwards.
            Exit status: 0 success; 1 error, refused change, failed change or unreadable live state (refusals and
            unreadable live state also on --dry-run); with --detailed-exitcode, 2 when a dry run has changes
            pending. Before any AWS read the status folder is checked (writable for an apply, readable for a dry
            run) and an apply takes its lock (<status-dir>.lock), waiting up to --lock-timeout while another
            reconcile or controller holds it. With --selector only the selected manifests are planned; nothing
            outside the selection (nor any resource whose manifest was removed) is changed, deleted or released.
            See docs/reconcile.md.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, read recursively (.yaml and .yml in any case).")
    var directory: String = "./manifests"

    @Flag(help: "Print the plan and change nothing (no AWS writes, no status files, no lock).")
    var dryRun = false

    @Option(help: "Plan output: text, json or markdown.")
    var output: PlanOutputFormat = .text

    @Flag(help: "No ANSI colours in text output (colours are used only on a terminal anyway).")
    var noColor = false

    @Flag(help: "Exit 0 when there is nothing to change, 2 when changes are pending (dry run), 1 on error.")
    var detailedExitcode = false

    @Flag(help: """
        Look for resources carrying this owner's smsauth:owner tag that no manifest or status file names, and plan \
        their removal by their kind's default delete policy (done anyway when the status folder does not exist). \
        Needs an owner. See docs/reconcile.md, "Lost state".
        """)
    var rediscover = false

    @OptionGroup var engineArguments: EngineArguments

    /// `--selector`.
    @OptionGroup var selection: SelectorOption

    /// Validates, plans, prints, and applies unless `--dry-run`.
    func run() async throws {
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.reconcile")
        let environment = ProcessInfo.processInfo.environment
        let loaded = try global.loadValidManifests(from: directory, environment: environment)
        let report = ValidateReport(result: loaded)
        if report.warnings > 0 { StandardError.write(report.text()) }
        let identity = try CommandIdentity.make(directory: directory, settingsOwner: loaded.settings?.owner.value,
                                                environment: environment)
        if rediscover, identity.owner == nil {
            throw StandardError.failure("--rediscover needs an owner: set spec.owner in the folder's smsauth.yaml "
                + "or SMSAUTH_OWNER (without one, tags cannot say which resources are this manifest set's)")
        }
        let state = try StateAccess.resolve(global: global, manifests: directory,
                                            settingsState: loaded.settings?.state?.value, environment: environment)
        let concurrency = engineArguments.concurrency
        let limiters = engineArguments.rateLimiters()
        // A call waits for its category's token first, then for one of the in-flight slots.
        let aws = try AWSContext.make(options: global, environment: environment, logger: logger) { transport in
            RateLimitedTransport(base: ConcurrencyLimitedTransport(base: transport, limit: concurrency),
                                 limiters: limiters, metrics: nil, logger: logger)
        }
        let missingFolder = state.isMissingFolder
        if dryRun {
            let store = try await state.openForReading(aws: aws)
            try await planAndApply(loaded, store: store, lock: nil, aws: aws, identity: identity,
                                   stateLost: missingFolder ?? store.isMissing, logger: logger)
            return
        }
        let (store, lock) = try await state.openForWriting(
            aws: aws, lockTimeout: engineArguments.lockTimeout,
            holder: "smsauth reconcile \(identity.folder) (\(identity.ownerDescription))")
        do {
            try await Self.refuseWhileAControllerLeads(try state.leaseStore(aws: aws))
            try await planAndApply(loaded, store: store, lock: lock, aws: aws, identity: identity,
                                   stateLost: missingFolder ?? store.isMissing, logger: logger)
        } catch {
            _ = await lock.release()
            throw error
        }
        // A lock removed or replaced by the end of the run is an error too: another writer could have taken it.
        guard await lock.release() else { throw ExitCode(1) }
    }

    /// Plans, prints, and applies when `lock` is given (an apply); exits with the run's status.
    /// `stateLost`: the state did not exist before this run opened it (first use, or lost): rediscover.
    private func planAndApply(_ loaded: LoadResult, store: StatusStore, lock: ApplyLock?, aws: AWSContext,
                              identity: RunIdentity, stateLost: Bool, logger: Logger) async throws {
        let engine = engineArguments.engine(client: aws.client, partitionRegion: aws.defaultRegion, logger: logger,
                                            statusStore: store, identity: identity,
                                            selector: try selection.parsed(),
                                            rediscover: rediscover || stateLost)
        let defaultRegion = aws.defaultRegion
        let planned: PlannedRun
        do {
            planned = try await engine.plan(loaded, defaultRegion: defaultRegion)
        } catch {
            throw StandardError.failure(error.description)
        }
        let printer = ReconcileOutput(format: output, color: ReconcileOutput.wantsColor(noColor: noColor))
        try printer.printPlan(planned.plan)
        let exit: Int32
        if let lock {
            exit = try await apply(planned, engine: engine, printer: printer, lock: lock)
        } else {
            exit = try dryRunExit(planned)
        }
        if exit != 0 { throw ExitCode(exit) }
    }

    /// Throws (exit 1, naming the holder) while a controller holds the lease in `store` (`<status-dir>.lease`, or
    /// `lease.json` of an S3 state); a lease left by a controller that stopped renewing it is removed after its
    /// duration. Called with the apply lock held; says on standard error how long it may watch the lease.
    private static func refuseWhileAControllerLeads(_ store: any ObjectStore) async throws {
        let finding: LeaseProbe.Finding
        do {
            finding = try await LeaseProbe.check(store: store, clock: SystemControllerClock()) { record, duration in
                let seconds = Int(duration.inSeconds.rounded(.up))
                StandardError.write("""
                    note: a controller's lease is in \(store.location) (\(record?.summary ?? "unreadable lease record")); \
                    watching it for up to \(seconds)s: the apply goes on only if no controller \
                    renews it meanwhile

                    """)
            }
        } catch {
            throw StandardError.failure(error.description)
        }
        guard case .held(let record) = finding else { return }
        throw StandardError.failure("""
            a controller leads this state (\(record?.summary ?? "unreadable lease record") in \
            \(store.location)); an apply must not write beside it. Let the controller apply the manifests, or stop \
            every controller of the state first
            """)
    }

    /// The exit status of a dry run.
    private func dryRunExit(_ planned: PlannedRun) throws -> Int32 {
        if planned.plan.summary.hasRefusals || !planned.readFailures.isEmpty { return 1 }
        return detailedExitcode && planned.plan.summary.hasChanges ? 2 : 0
    }

    /// Applies, prints one line per change and a summary; 1 when anything failed or was refused, or could not be
    /// read. No change starts once the lock file or object was removed or replaced since it was taken.
    private func apply(_ planned: PlannedRun, engine: ReconcileEngine, printer: ReconcileOutput,
                       lock: ApplyLock) async throws -> Int32 {
        if let lost = await lock.lostFailure() {
            StandardError.report(lost.message)
            return 1
        }
        let applied: AppliedRun
        do {
            // The lock is checked again before every change: one removed or replaced mid-run stops the changes
            // not yet started (each fails with lock.lost) instead of letting them run beside another writer.
            applied = try await engine.apply(planned) { await lock.lostFailure() }
        } catch {
            StandardError.report(error.description)
            return 1
        }
        printer.printApplied(applied)
        return applied.hasProblems ? 1 : 0
    }
}

extension PlanOutputFormat: ExpressibleByArgument {}
