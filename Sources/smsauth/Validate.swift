import ArgumentParser
import Foundation
import Manifests

/// `smsauth validate [DIR]`: offline checks of a manifest directory.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests offline: YAML, fields, types, references and AWS rules (no AWS calls).",
        discussion: """
            Every problem is printed to standard output, sorted by file, line and column, as
              path:line:column: error|warning: message
            followed by a summary line. With Registration manifests, a line before it names the date of the
            bundled field definitions their fields were checked against (plans check them against AWS's). With
            --output json the same is printed as one JSON object:
              {"diagnostics": [{"severity", "code", "message", "file", "line", "column", "field"}],
               "resources": N, "errors": N, "warnings": N,
               "registrationFieldDefinitions": "YYYY-MM-DD" (only with Registration manifests)}
            Exit status: 0 when there is no error, 1 when there is one (or a warning with --strict).
            """
    )

    /// `--region`, `--profile`, ... shared by every subcommand.
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest directory, read recursively (.yaml and .yml in any case, plus smsauth.yaml settings; names starting with '.' are skipped; what cannot be read is an error).")
    var directory: String = "./manifests"

    @Option(help: "Output format: text (path:line:column: severity: message) or json.")
    var output: ValidateOutput = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    /// Loads and validates the directory, prints the report, exits 1 on errors (or warnings with `--strict`).
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let region = global.regionFromFlagOrEnvironment(environment)
        let result = Validator(defaultRegion: region).loadAndValidate(directory: directory)
        let report = ValidateReport(result: result)
        print(output == .json ? report.json() : report.text(), terminator: "")
        let failed = report.errors > 0 || (strict && report.warnings > 0)
        if failed { throw ExitCode(1) }
    }
}

/// `--output` values of `validate`.
enum ValidateOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Small argument checks of `validate`.
enum ValidateSupport {
    /// Whether `region` has the shape of an AWS region (`us-east-1`).
    static func looksLikeRegion(_ region: String) -> Bool {
        let parts = region.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty,
              last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
