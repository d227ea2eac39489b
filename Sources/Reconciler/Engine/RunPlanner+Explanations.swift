/// What the planner adds to a handler's change so that the plan explains itself.
extension RunPlanner {
    /// A delete or retain of a removed manifest without a reason, with one: the policy that decides it and the ids
    /// of what is deleted or left in AWS.
    static func withRemovalReason(_ change: ResourceChange, input: ErasedPlanInput) throws(PlanError) -> ResourceChange {
        guard input.desired == nil, change.reason == nil,
              change.action == .delete || change.action == .retain else { return change }
        let ids = input.outputs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let what = ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"
        let outcome = change.action == .delete
            ? "deleted in AWS\(what)" : "left in AWS\(what) and released (status removed)"
        return try change.revised(
            reason: "its manifest is gone and policy.onDelete is \(input.deletePolicy.rawValue): \(outcome)")
    }

    /// `change` with a warning per managed field that left the manifest (`ManagedPaths`), when the resource is kept
    /// (updated, renamed or unchanged): AWS keeps the field's value and smsauth no longer manages it.
    static func withUnmanagedWarnings(_ change: ResourceChange, input: ErasedPlanInput) throws(PlanError) -> ResourceChange {
        switch change.action {
        case .update, .noop, .rename:
            let warnings = ManagedPaths.removedWarnings(desired: input.desired, status: input.status)
            return warnings.isEmpty ? change : try change.revised(warnings: change.warnings + warnings)
        default:
            return change
        }
    }
}
