/// Renders a plan as terminal text, Terraform style.
///
/// When anything is listed, a header naming the account and regions (`Plan.target`) and a blank line first (a plan
/// without changes stays the one summary line). One line per resource that is not a noop (or is a noop with
/// warnings): `<symbol> <address>`, then ` (renamed from <old address>)` for a
/// rename, followed by `: <reason>` when the change has a reason. Under it, indented by four spaces, one line per field change (`+ path: after` for a new field,
/// `- path: before` for a removed one, `~ path: before → after` otherwise, plus ` (forces replacement)`) and one
/// `warning: …` line per warning. After a blank line, the summary sentence (see `PlanSummary.sentence`).
struct TextPlanRenderer: Sendable {
    /// Colours symbols and the summary when enabled.
    let styler: ANSIStyler

    /// The rendered plan, ending with a newline.
    func render(_ plan: Plan) -> String {
        let blocks = plan.changes.filter(PlanRenderer.isShown).flatMap(lines(for:))
        var output = blocks.isEmpty ? "" : plan.target + "\n\n"
        output += blocks.map { $0 + "\n" }.joined()
        if !blocks.isEmpty { output += "\n" }
        return output + styler.apply("1", to: plan.summary.sentence) + "\n"
    }

    private func lines(for change: ResourceChange) -> [String] {
        let symbol = styler.apply(ActionSymbol.colour(for: change.action), to: ActionSymbol.symbol(for: change.action))
        var head = "\(symbol) \(change.address)"
        if let previous = change.previousAddress { head += " (renamed from \(previous))" }
        if let reason = change.reason { head += ": " + PlanValueFormatter.sanitized(reason) }
        let fields = change.fieldChanges.map { "    " + line(for: $0) }
        let warnings = change.warnings.map {
            "    " + styler.apply("33", to: "warning:") + " " + PlanValueFormatter.sanitized($0)
        }
        return [head] + fields + warnings
    }

    private func line(for field: FieldChange) -> String {
        let path = PlanValueFormatter.sanitized(field.path)
        let before = PlanValueFormatter.inline(field.before)
        let after = PlanValueFormatter.inline(field.after)
        var text: String
        switch (field.before, field.after) {
        case (.null, _): text = styler.apply("32", to: "+") + " \(path): \(after)"
        case (_, .null): text = styler.apply("31", to: "-") + " \(path): \(before)"
        default: text = styler.apply("33", to: "~") + " \(path): \(before) → \(after)"
        }
        if field.forcesReplacement { text += " " + styler.apply("31", to: "(forces replacement)") }
        return text
    }
}
