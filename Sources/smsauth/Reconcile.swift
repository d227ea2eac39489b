import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth reconcile [DIR]`: plan, and unless `--dry-run`, apply the manifests to AWS.
struct Reconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make AWS equal to the manifests: validate, read live state, plan, and apply (unless --dry-run).",
        discussion: """
            The manifests are validated first; with any error the diagnostics are printed and nothing is read,
            changed or deleted. Then live state is read, the plan printed, and (without --dry-run) applied in
            dependency order (deletes in reverse), with one status file per resource written afterwards.
            Exit status: 0 success; 1 error, refused change, failed change or unreadable live state (refusals and
            unreadable live state also on --dry-run); with --detailed-exitcode, 2 when a dry run has changes
            pending. Before any AWS read the status folder is checked (writable for an apply, readable for a dry
            run) and an apply takes its lock (<status-dir>.lock), waiting up to --lock-timeout while another
            reconcile or controller holds it. See docs/reconcile.md.
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
        let statusDirectory = try global.statusDirectory(manifests: directory)
        let stateLost = !FileManager.default.fileExists(atPath: statusDirectory.path)
        let lock = try claimStatusFolder(statusDirectory)
        defer { lock?.release() }
        let (engine, defaultRegion) = try makeEngine(statusDirectory: statusDirectory, environment: environment,
                                                     identity: identity, rediscover: rediscover || stateLost,
                                                     logger: logger)
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

    /// Before any AWS read. A dry run takes no lock and only needs to read the status folder (a missing one is
    /// empty); an apply needs a writable folder and takes its lock (nil for a dry run).
    private func claimStatusFolder(_ statusDirectory: URL) throws -> StatusLock? {
        guard dryRun else { return try engineArguments.lockStatusFolder(statusDirectory) }
        do {
            try StatusLocation.checkReadable(statusDirectory)
        } catch {
            throw StandardError.failure(error.description)
        }
        return nil
    }

    /// The exit status of a dry run.
    private func dryRunExit(_ planned: PlannedRun) throws -> Int32 {
        if planned.plan.summary.hasRefusals || !planned.readFailures.isEmpty { return 1 }
        return detailedExitcode && planned.plan.summary.hasChanges ? 2 : 0
    }

    /// Applies, prints one line per change and a summary; 1 when anything failed or was refused, or could not be
    /// read. Nothing is applied when the lock file was removed or replaced since it was taken.
    private func apply(_ planned: PlannedRun, engine: ReconcileEngine, printer: ReconcileOutput,
                       lock: StatusLock) async throws -> Int32 {
        do {
            try lock.verify()
        } catch {
            StandardError.report(error.description)
            return 1
        }
        let applied: AppliedRun
        do {
            applied = try await engine.apply(planned)
        } catch {
            StandardError.report(error.description)
            return 1
        }
        printer.printApplied(applied)
        return applied.hasProblems ? 1 : 0
    }

    /// The engine with the standard handlers, the AWS context of the global options and the status folder;
    /// `rediscover`: look for this owner's resources without status (`--rediscover`, or no status folder yet).
    private func makeEngine(statusDirectory: URL, environment: [String: String], identity: RunIdentity,
                            rediscover: Bool, logger: Logger) throws -> (engine: ReconcileEngine, defaultRegion: String?) {
        let aws = try AWSContext.make(options: global, environment: environment, logger: logger)
        let store = StatusStore(directory: statusDirectory)
        return (engineArguments.engine(client: aws.client, logger: logger, statusStore: store, identity: identity,
                                       rediscover: rediscover), aws.defaultRegion)
    }
}

extension PlanOutputFormat: ExpressibleByArgument {}
