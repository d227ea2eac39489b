/// Renders a plan as GitHub-flavoured markdown for a pull-request comment.
///
/// A `### smsauth plan` heading, the account and regions (`Plan.target`), the summary sentence in bold, a table of counts per action, then one
/// `<details>` block per resource that is not a noop: the symbol and address as the summary, the reason and
/// warnings, and a table of field changes. Free text is HTML-escaped and values are code spans, so manifest
/// content cannot inject markup.
struct MarkdownPlanRenderer: Sendable {
    /// Table rows in this order; noop is shown as "unchanged". The suspended row is shown only when a change is
    /// suspended (`optionalRows`).
    private static let rows: [(ChangeAction, String)] = [
        (.create, "create"), (.update, "update"), (.replace, "replace"), (.delete, "delete"),
        (.refuse, "refused"), (.blocked, "blocked"), (.retain, "retained"), (.rename, "renamed"),
        (.suspended, "suspended"), (.noop, "unchanged"),
    ]
    /// Rows left out of the table when their count is zero.
    private static let optionalRows: Set<ChangeAction> = [.suspended]

    /// The rendered plan, ending with a newline.
    func render(_ plan: Plan) -> String {
        let summary = plan.summary
        var lines = ["### smsauth plan", "", html(plan.target), "", "**\(summary.sentence)**", "",
                     "| Action | Resources |", "|---|---:|"]
        lines += Self.rows.filter { !Self.optionalRows.contains($0.0) || summary.count(of: $0.0) > 0 }
            .map { "| \($0.1) | \(summary.count(of: $0.0)) |" }
        for change in plan.changes where PlanRenderer.isShown(change) {
            lines += [""] + details(for: change)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func details(for change: ResourceChange) -> [String] {
        let symbol = ActionSymbol.symbol(for: change.action)
        var lines = [
            "<details>",
            "<summary><code>\(html("\(symbol) \(change.address)"))</code> \(change.action.rawValue)</summary>",
            "",
        ]
        if let previous = change.previousAddress { lines += ["**Renamed from:** \(code(previous.description))", ""] }
        if let reason = change.reason { lines += ["**Reason:** \(html(reason))", ""] }
        lines += change.warnings.flatMap { ["**Warning:** \(html($0))", ""] }
        if !change.fieldChanges.isEmpty {
            lines += ["| Field | Before | After | Note |", "|---|---|---|---|"]
            lines += change.fieldChanges.map(row(for:))
            lines.append("")
        }
        return lines + ["</details>"]
    }

    private func row(for field: FieldChange) -> String {
        let note = field.forcesReplacement ? "forces replacement" : ""
        let cells = [
            code(field.path), code(PlanValueFormatter.inline(field.before)),
            code(PlanValueFormatter.inline(field.after)), note,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// A code span safe inside a table cell: pipes escaped, fence longer than any backtick run inside.
    private func code(_ text: String) -> String {
        let safe = PlanValueFormatter.sanitized(text).replacingOccurrences(of: "|", with: "\\|")
        var longestRun = 0
        var run = 0
        for character in safe {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = longestRun > 0 ? " " : ""
        return fence + padding + safe + padding + fence
    }

    /// Free text with `&`, `<` and `>` escaped and control characters made visible.
    private func html(_ text: String) -> String {
        PlanValueFormatter.sanitized(text)
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
