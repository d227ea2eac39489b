import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// `smsauth doctor [DIR]`: will SMS sign-in actually work? Read-only checks of every UserPool manifest's live
/// pool, SMS role, MFA, and of the account's SMS state in the regions they send from.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check from live state that SMS sign-in will work for every user pool (read-only).",
        discussion: """
            For each UserPool manifest: the pool exists; its SMS role exists, trusts cognito-idp.amazonaws.com with
            the pool's external id and the account, and may publish SMS; the pool's SMS configuration points at
            it; MFA is consistent with it. For each region the pools send SMS from: the SMS sandbox (with the
            verified numbers), an ACTIVE US origination number, a monthly spend limit above zero. A folder without
            any UserPool manifest gets the region checks for every region its manifests name, else for --region
            (or AWS_REGION, the profile's region).
            One line per check: pass, warn or fail, with the fix. Nothing is changed and no status file is written.
            Exit status: 0 when no check failed, 1 on any failed check or error. See docs/doctor.md.
            """
    )

    /// `--region`, `--profile`, `--status-dir`, logging.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, read recursively (.yaml and .yml in any case).")
    var directory: String = "./manifests"

    @Option(help: "Output: text (one line per check) or json.")
    var output: DoctorOutputFormat = .text

    /// Validates, reads, checks and prints; exits 1 when any check failed.
    func run() async throws {
        global.bootstrapLogging()
        let logger = Logger(label: "smsauth.doctor")
        let environment = ProcessInfo.processInfo.environment
        let loaded = try global.loadValidManifests(from: directory, environment: environment)
        let reading = try await ReadOnlyEngine.make(global: global, directory: directory, loaded: loaded, logger: logger)
        let report: DoctorReport
        do {
            report = try await SmsDoctor(engine: reading.engine).examine(loaded, defaultRegion: reading.aws.defaultRegion)
        } catch {
            throw StandardError.failure(error.description)
        }
        switch output {
        case .json: print(try DoctorRenderer.json(report), terminator: "")
        case .text:
            let symbols: DoctorRenderer.Symbols = isatty(STDOUT_FILENO) == 1 ? .unicode : .ascii
            print(DoctorRenderer(symbols: symbols).text(report), terminator: "")
        }
        if report.hasFailures { throw ExitCode(1) }
    }
}

/// `smsauth doctor --output` values.
enum DoctorOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
