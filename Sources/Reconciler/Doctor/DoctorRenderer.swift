import Foundation

/// Prints a doctor report: one line per check and a summary (text), or one JSON document.
public struct DoctorRenderer: Sendable {
    /// The marks in front of each line.
    public enum Symbols: Sendable {
        /// `✔`, `!`, `✖`: on a terminal.
        case unicode
        /// `PASS`, `WARN`, `FAIL`: when standard output is a file or pipe (logs, CI, grep).
        case ascii

        /// The mark of `outcome`.
        func mark(_ outcome: DoctorOutcome) -> String {
            switch (self, outcome) {
            case (.unicode, .pass): "✔"
            case (.unicode, .warn): "!"
            case (.unicode, .fail): "✖"
            case (.ascii, .pass): "PASS"
            case (.ascii, .warn): "WARN"
            case (.ascii, .fail): "FAIL"
            }
        }
    }

    /// The marks used by `text`.
    public let symbols: Symbols

    /// Creates a renderer.
    public init(symbols: Symbols) {
        self.symbols = symbols
    }

    /// `✔ UserPool/qnatime: message` per check (`(fix: …)` appended on warnings and failures), then the summary.
    public func text(_ report: DoctorReport) -> String {
        var lines = report.checks.map { check in
            var line = "\(symbols.mark(check.result)) \(check.resource): \(check.message)"
            if let fix = check.fix, check.result != .pass { line += " (fix: \(fix))" }
            return line
        }
        if report.checks.isEmpty { lines.append("No UserPool manifests: nothing to check.") }
        let verdict = report.hasFailures ? "SMS sign-in will not work" : "no failures"
        lines.append("Doctor: \(report.passed) passed, \(report.warnings) warnings, \(report.failed) failed (\(verdict)).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"checks":[{"resource","check","result","message","fix"}],"passed":N,"warnings":N,"failed":N}`.
    public static func json(_ report: DoctorReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
