import Foundation
import Reconciler

/// What `smsauth reconcile` prints: the plan in the chosen format, then (after applying) one line per change
/// carried out or stopped, and a summary. With `--output json` the apply lines go to standard error so standard
/// output stays one JSON document.
struct ReconcileOutput {
    /// The plan format.
    let format: PlanOutputFormat
    /// Whether text output is coloured.
    let color: Bool

    /// Colour only on a terminal, never with `--no-color` or `NO_COLOR`.
    static func wantsColor(noColor: Bool) -> Bool {
        !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }

    /// Prints the plan.
    func printPlan(_ plan: Plan) throws {
        print(try PlanRenderer(color: color && format == .text).render(plan, as: format), terminator: "")
    }

    /// Prints the outcome of every change that was not a noop, then the summary.
    func printApplied(_ run: AppliedRun) {
        var lines = run.report.results.compactMap { Self.line(change: $0.change, outcome: $0.outcome) }
        lines += run.statusErrors.map { "status file not written: \($0.description)" }
        lines.append(Self.summary(run))
        let text = "\n" + lines.joined(separator: "\n") + "\n"
        if format == .json { StandardError.write(text) } else { print(text, terminator: "") }
    }

    /// `created UserPool/qnatime`, `failed AppClient/web: code: message`, … (nil for a noop); a change applied with
    /// warnings (an old role left in AWS) has one `  warning: …` line under it for each.
    static func line(change: ResourceChange, outcome: ChangeOutcome) -> String? {
        let address = change.address
        switch outcome {
        case .unchanged: return nil
        case .applied(let result):
            let done = change.action == .rename ? change.previousAddress.map { "renamed \($0) to \(address)" } : nil
            return ([done ?? "\(pastTense(change.action)) \(address)"] + result.warnings.map { "  warning: \($0)" })
                .joined(separator: "\n")
        case .refused(let reason): return "refused \(address): \(reason)"
        case .blocked(let reason, _): return "blocked \(address): \(reason)"
        case .failed(let failure):
            let aws = failure.awsErrorCode.map { " (AWS \($0))" } ?? ""
            let possible = failure.retryAt.map { "; possible after \(ISO8601DateFormatter().string(from: $0))" } ?? ""
            return "failed \(address): \(failure.code): \(failure.message)\(aws)\(possible)"
        }
    }

    /// `Apply complete: 3 applied, 0 failed, 1 blocked, 0 refused, 1 released.`
    static func summary(_ run: AppliedRun) -> String {
        let results = run.report.results.map(\.outcome.result)
        let count = { (result: RunResult) in results.filter { $0 == result }.count }
        let head = run.hasProblems ? "Apply finished with problems" : "Apply complete"
        return "\(head): \(count(.applied)) applied, \(count(.failed)) failed, \(count(.blocked)) blocked, "
            + "\(count(.refused)) refused, \(run.released.count) released."
    }

    private static func pastTense(_ action: ChangeAction) -> String {
        switch action {
        case .create: "created"
        case .update: "updated"
        case .replace: "replaced"
        case .delete: "deleted"
        case .retain: "released (left in AWS, no longer managed)"
        case .refuse, .noop, .blocked, .rename, .suspended: action.rawValue
        }
    }
}
