/// Terraform-style symbols and terminal colours for plan actions.
enum ActionSymbol {
    /// `+` create, `~` update, `-/+` replace, `-` delete, `!` refuse, `#` blocked, `=` retain, `>` rename,
    /// `||` suspended; noop has none
    /// (noop resources are not listed).
    static func symbol(for action: ChangeAction) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        case .refuse: "!"
        case .blocked: "#"
        case .retain: "="
        case .rename: ">"
        case .suspended: "||"
        case .noop: " "
        }
    }

    /// ANSI SGR parameters used to colour the symbol of `action`.
    static func colour(for action: ChangeAction) -> String {
        switch action {
        case .create: "32"
        case .update: "33"
        case .replace: "35"
        case .delete: "31"
        case .refuse: "1;31"
        case .blocked: "2"
        case .retain: "36"
        case .rename: "34"
        case .suspended: "2;33"
        case .noop: "0"
        }
    }
}

/// Wraps text in ANSI colour codes, or leaves it alone when colour is off.
struct ANSIStyler: Sendable {
    /// Whether to emit escape codes.
    let enabled: Bool

    /// `text` in the SGR style `parameters` (e.g. `32` green, `1` bold), reset afterwards.
    func apply(_ parameters: String, to text: String) -> String {
        enabled ? "\u{1B}[\(parameters)m\(text)\u{1B}[0m" : text
    }
}
