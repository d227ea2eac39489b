import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth status [DIR]`: what the status files say, one row per resource.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the status files: kind, name, phase, last reconcile, drift and message of every resource.",
        discussion: """
            Reads <status-dir>/<Kind>/<name>.json (default <parent>/.smsauth/<name>/status for the
            manifest folder's real path <parent>/<name>), or the state object of an S3 state (--state
            s3://BUCKET/PREFIX: one S3 GetObject, no other AWS call). With --selector the manifest folder is
            read and only the status files of the manifests it selects are shown.
            With --output json prints {"resources": [{"kind", "name", "phase", "lastReconcileTime", "drift",
            "message", "resource", "lastError"}]}. Exit status 1 when a status file is unreadable.
            See docs/status-files.md.
            """
    )

    /// `--status-dir` and logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory (used to find the default status folder).")
    var directory: String = "./manifests"

    @Option(help: "Output format: text (a table) or json.")
    var output: StatusOutput = .text

    /// `--selector`: only the status files of the selected manifests.
    @OptionGroup var selection: SelectorOption

    /// With `--selector`, the addresses of the selected manifests of `directory` (which must be valid: on any error
    /// the diagnostics are printed and the command exits 1); nil without it.
    private func selectedAddresses() throws -> Set<ResourceAddress>? {
        guard selection.selector != nil else { return nil }
        let loaded = try global.loadValidManifests(from: directory, environment: ProcessInfo.processInfo.environment)
        return try selection.selectedAddresses(in: loaded)
    }

    /// Reads every status file (with `--selector`, those of the selected manifests) and prints the table or JSON.
    func run() async throws {
        global.bootstrapLogging()
        let environment = ProcessInfo.processInfo.environment
        let state = try StateAccess.resolve(global: global, manifests: directory,
                                            settingsState: ManifestLoader().load(directory: directory).settings?.state?.value,
                                            environment: environment)
        let store = try await state.openForReading(
            aws: try AWSContext.make(options: global, environment: environment, logger: Logger(label: "smsauth.status")))
        var statuses: [ResourceStatus]
        do {
            statuses = try store.readAll()
        } catch {
            throw StandardError.failure(error.description)
        }
        let stored = statuses.count
        if let selected = try selectedAddresses() {
            statuses = statuses.filter { selected.contains($0.address) }
        }
        let table = StatusTable(statuses: statuses)
        // Said apart: no status at all, and statuses none of which the selector selects.
        let none = stored == 0 ? "No status files in \(store.location).\n"
            : "No status file in \(store.location) is of a manifest the selector selects (\(stored) in all).\n"
        switch output {
        case .text: print(statuses.isEmpty ? none : table.text(), terminator: "")
        case .json: print(try table.json(), terminator: "")
        }
    }
}

/// `--output` values of `status`.
enum StatusOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
