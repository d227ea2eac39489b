import Foundation

/// The output formats of `smsauth reconcile --dry-run --output`.
public enum PlanOutputFormat: String, CaseIterable, Sendable {
    /// Terraform-style terminal text.
    case text
    /// The stable JSON form documented on `Plan`.
    case json
    /// Markdown for a pull-request comment.
    case markdown
}

/// Why a plan could not be rendered.
public enum PlanRenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// JSON encoding failed (the underlying description is kept; plans hold no secrets).
    case encodingFailed(String)

    /// Stable machine-readable code.
    public var code: String { "render.encodingFailed" }

    /// `code: message`.
    public var description: String {
        switch self {
        case .encodingFailed(let detail): "\(code): could not encode the plan as JSON: \(detail)"
        }
    }
}

/// Renders plans as text, JSON or markdown. Pure: never does I/O, returns the string (ending with a newline).
public struct PlanRenderer: Sendable {
    /// Whether text output carries ANSI colours (the CLI decides from the TTY and `--no-color`).
    public let color: Bool

    /// Creates a renderer.
    public init(color: Bool = false) {
        self.color = color
    }

    /// The plan in `format`.
    public func render(_ plan: Plan, as format: PlanOutputFormat) throws(PlanRenderError) -> String {
        switch format {
        case .text: text(plan)
        case .json: try json(plan)
        case .markdown: markdown(plan)
        }
    }

    /// Whether text and markdown list `change`: every change but a noop, and a noop with warnings (a field that
    /// is no longer managed).
    static func isShown(_ change: ResourceChange) -> Bool {
        change.action != .noop || !change.warnings.isEmpty
    }

    /// Terraform-style text (see `TextPlanRenderer`).
    public func text(_ plan: Plan) -> String {
        TextPlanRenderer(styler: ANSIStyler(enabled: color)).render(plan)
    }

    /// Markdown for a pull-request comment (see `MarkdownPlanRenderer`).
    public func markdown(_ plan: Plan) -> String {
        MarkdownPlanRenderer().render(plan)
    }

    /// The documented JSON form: pretty, sorted keys, slashes unescaped.
    public func json(_ plan: Plan) throws(PlanRenderError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            let data = try encoder.encode(plan)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw PlanRenderError.encodingFailed(String(describing: error))
        }
    }
}
