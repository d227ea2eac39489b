import ArgumentParser
import Foundation
import Logging
import Manifests
import Reconciler

/// Options every subcommand takes (`@OptionGroup`).
struct GlobalOptions: ParsableArguments {
    @Option(help: "AWS region for resources whose manifest sets none (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region).")
    var region: String?

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials (else AWS_PROFILE, then 'default').")
    var profile: String?

    @Option(help: "Folder for status files (default: <parent>/.smsauth/<name>/status for the manifest folder's real path <parent>/<name>, so sibling folders never share one).")
    var statusDir: String?

    @Option(help: "Where the state lives: a folder path or s3://BUCKET/PREFIX (else SMSAUTH_STATE, else spec.state of the settings document, else the default status folder). Not with --status-dir.")
    var state: String?

    @Option(help: """
        Log level: trace, debug, info, notice, warning, error, critical (default: info for controller, warning for \
        every other command, so that progress lines never mix into a plan on the terminal).
        """)
    var logLevel: LogLevelOption?

    @Option(help: "Log format: text for people, json for log collectors.")
    var logFormat: LogFormat = .text
}

extension GlobalOptions {
    /// Refuses a malformed `--region` before any command reads anything.
    func validate() throws {
        if let region, !ValidateSupport.looksLikeRegion(region) {
            throw ValidationError("--region '\(region)' is not an AWS region name (like us-east-1).")
        }
        if statusDir != nil, state != nil {
            throw ValidationError("--state and --status-dir name the same thing; give one of them.")
        }
        if let state {
            guard !state.isEmpty else { throw ValidationError("--state must not be empty.") }
            do {
                _ = try S3StateURL(parsing: state)
            } catch {
                throw ValidationError("--state: \(error.description)")
            }
        }
    }

    /// The region manifests without `spec.region` are validated for: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`
    /// (the profile's region is only known once AWS access is resolved).
    func regionFromFlagOrEnvironment(_ environment: [String: String]) -> String? {
        region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
    }

    /// Loads and validates the manifests in `directory` for a command that goes on to AWS: on any error it prints
    /// the diagnostics (as `smsauth validate` does) and exits 1, touching nothing; warnings are left in the result.
    func loadValidManifests(from directory: String, environment: [String: String]) throws -> LoadResult {
        let loaded = Validator(defaultRegion: regionFromFlagOrEnvironment(environment)).loadAndValidate(directory: directory)
        let report = ValidateReport(result: loaded)
        guard report.errors == 0 else {
            print(report.text(), terminator: "")
            throw ExitCode(1)
        }
        return loaded
    }

    /// The status folder for the manifest directory `manifests` (`--status-dir`, else the default); on a problem
    /// with the default (status files left at the shared default of earlier versions) prints it and exits 1.
    func statusDirectory(manifests: String) throws -> URL {
        do {
            return try StatusDirectory.resolve(flag: statusDir, manifests: manifests)
        } catch {
            throw StandardError.failure(error.description)
        }
    }

    /// Points swift-log at standard error in the chosen format and level (`--log-level`, else `defaultLevel`: info
    /// for the long-lived controller, warning for the one-shot commands). Call once, first thing in `run()`.
    func bootstrapLogging(defaultLevel: LogLevelOption = .warning) {
        let format: SmsAuthLogHandler.Format = logFormat == .json ? .json : .text
        let level = Logger.Level(rawValue: (logLevel ?? defaultLevel).rawValue) ?? .warning
        LoggingSystem.bootstrap { label in SmsAuthLogHandler(label: label, format: format, logLevel: level) }
    }
}

/// `--log-level` values.
enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}

/// `--log-format` values.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
