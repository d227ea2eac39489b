/// How many changes of each action a plan holds, and what that means for exit codes.
public struct PlanSummary: Hashable, Sendable, Encodable {
    /// Number of changes per action; every action is present (zero when absent from the plan).
    public let counts: [ChangeAction: Int]

    /// Whether applying the plan would change anything in AWS (create, update, replace, delete, or a rename with
    /// field changes such as its ownership tag).
    public let hasChanges: Bool

    /// Counts the actions of `changes`.
    public init(changes: [ResourceChange]) {
        var counts = Dictionary(uniqueKeysWithValues: ChangeAction.allCases.map { ($0, 0) })
        for change in changes { counts[change.action, default: 0] += 1 }
        self.counts = counts
        hasChanges = changes.contains(where: \.changesLiveState)
    }

    /// Number of changes with `action`.
    public func count(of action: ChangeAction) -> Int { counts[action] ?? 0 }

    /// Whether any change is refused.
    public var hasRefusals: Bool { count(of: .refuse) > 0 }

    /// `Plan: 1 to create, 2 to update, 1 to replace, 0 to delete, 1 refused.`; renamed, blocked, retained,
    /// suspended and unchanged counts are appended only when non-zero. A plan without any of those is
    /// `No changes. N unchanged.`.
    public var sentence: String {
        let optional: [(ChangeAction, String)] = [
            (.rename, "renamed"), (.blocked, "blocked"), (.retain, "retained"), (.suspended, "suspended"),
            (.noop, "unchanged"),
        ]
        let extras = optional.filter { count(of: $0.0) > 0 }.map { "\(count(of: $0.0)) \($0.1)" }
        if !hasChanges, !hasRefusals, count(of: .blocked) == 0, count(of: .retain) == 0, count(of: .rename) == 0,
           count(of: .suspended) == 0 {
            return "No changes. \(count(of: .noop)) unchanged."
        }
        let fixed = [
            "\(count(of: .create)) to create", "\(count(of: .update)) to update",
            "\(count(of: .replace)) to replace", "\(count(of: .delete)) to delete", "\(count(of: .refuse)) refused",
        ]
        return "Plan: " + (fixed + extras).joined(separator: ", ") + "."
    }

    private enum CodingKeys: String, CodingKey {
        case counts, hasChanges, hasRefusals
    }

    /// Encodes `counts` (keyed by action raw value), `hasChanges` and `hasRefusals`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let byName = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        try container.encode(byName, forKey: .counts)
        try container.encode(hasChanges, forKey: .hasChanges)
        try container.encode(hasRefusals, forKey: .hasRefusals)
    }
}
