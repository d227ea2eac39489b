/// What happens when a field's value changes after the resource exists, as the planner treats the change; shown in
/// the manual's Mutability column and by `smsauth explain`.
public enum FieldMutability: String, Sendable, Equatable, CaseIterable {
    /// Changed in place: the plan shows an update.
    case mutable
    /// Cannot change in place: the plan refuses the change, or replaces the resource under
    /// `policy.onImmutableChange: Recreate`.
    case immutable
    /// Entries can be added in place; changing or removing an existing one is an immutable change.
    case addOnly = "add-only"
    /// Says which AWS resource the manifest is: another value is another resource (found or created there), the
    /// first one is neither moved nor changed.
    case identity
    /// Used only when the resource is created (or replaced, or taken over); a later change is neither applied nor
    /// reported.
    case createOnly = "create-only"
    /// smsauth's own setting, never sent to AWS: a change takes effect at the next run.
    case smsauth
    /// A mapping: each of its fields says.
    case perField = "per field"

    /// The words the manual and `explain` show.
    public var label: String { rawValue }

    /// What the label means, for the manual's legend.
    public var meaning: String {
        switch self {
        case .mutable: "changed in place (an update)"
        case .immutable: "refused, or the resource replaced under `policy.onImmutableChange: Recreate`"
        case .addOnly: "entries added in place; changing or removing one is an immutable change"
        case .identity: "says which AWS resource this is: another value is another resource, the first is not moved"
        case .createOnly: "used when the resource is created, replaced or taken over; later changes are not applied"
        case .smsauth: "smsauth's own setting, never sent to AWS"
        case .perField: "a mapping; see its fields"
        }
    }
}

/// What a field means when the manifest leaves it out; shown in the manual's Default column, by `smsauth explain`
/// and, for `.value`, as the JSON Schema's `default`.
public enum FieldDefault: Sendable, Equatable {
    /// smsauth uses this value (YAML scalar text such as `Refuse`, `false`, `/`).
    case value(String)
    /// smsauth neither sends nor compares the field: a new resource gets AWS's default (`aws`, nil when AWS sets
    /// nothing) and the live value is never changed or reported as drift.
    case unmanaged(aws: String?)
    /// Another rule, in words ("the run's default region").
    case derived(String)

    /// The words the manual and `explain` show.
    public var label: String {
        switch self {
        case let .value(text): "`\(text)`"
        case let .unmanaged(aws?): "unmanaged (AWS: `\(aws)`)"
        case .unmanaged(nil): "unmanaged"
        case let .derived(text): text
        }
    }
}
