/// Edits of a `ResourceChange` made after the shared field-diff decision (a purchase refused, a pooled number
/// blocked), keeping its address, field changes and dependencies.
enum ChangeRevision {
    /// `change` with another action, field changes, reason or warnings.
    static func revise(_ change: ResourceChange, action: ChangeAction? = nil, fieldChanges: [FieldChange]? = nil,
                       reason: String? = nil, warnings: [String]? = nil) throws(PlanError) -> ResourceChange {
        try ResourceChange(address: change.address, action: action ?? change.action,
                           fieldChanges: fieldChanges ?? change.fieldChanges,
                           reason: reason ?? change.reason, warnings: warnings ?? change.warnings,
                           dependencies: change.dependencies)
    }
}
