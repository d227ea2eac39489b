/// Drift: fields of a resource changed out of band. The one definition the status files, the controller's metrics
/// and its logs share.
public enum Drift {
    /// The field changes of `change` that are drift for `target`: an update (or a report-only noop with field
    /// changes, or a suspended resource's) of a resource whose manifest is the one last reconciled, without the fields that only follow a
    /// dependency changed in this run (`FieldChange.followsDependency`). An update its handler gives a reason for
    /// is a step the handler explains (verifying a sandbox number with its one-time password file), not drift:
    /// corrections of drift carry no reason.
    public static func fields(of change: ResourceChange, target: ReadTarget) -> [FieldChange] {
        let reported = (change.action == .noop || change.action == .suspended) && !change.fieldChanges.isEmpty
        guard (change.action == .update && change.reason == nil) || reported, let recorded = target.status?.specHash,
              recorded == (target.desired.map { SpecHash.of($0.manifest) } ?? recorded) else { return [] }
        // A rename's own ownership tags are not drift (a suspended rename shows them).
        let renaming = change.previousAddress != nil
        return change.fieldChanges.filter { field in
            !field.followsDependency && !(renaming && OwnershipTags.changesOnlyOwnership(field))
        }
    }
}
