/// Tells apart the field changes a resource needs because a dependency changes in this run (a pool's SMS external
/// id following its rotated SmsRole) from the ones its own live state needs (drift, or a manifest change). Pure.
///
/// The change is planned a second time against the dependencies' live outputs: a field that changes only against
/// the planned outputs follows a dependency, so the status file does not record it as drift.
enum DependencyFollowing {
    /// `change` with every field change that follows a dependency marked `followsDependency`; `plan` plans an
    /// input (the handler's pure planning step). Unchanged when no dependency's outputs change in this run.
    static func marked(_ change: ResourceChange, input: ErasedPlanInput,
                       liveReferences: [ResourceAddress: [String: String]], dependencies: [ResourceAddress],
                       plan: (ErasedPlanInput) throws(HandlerFailure) -> ResourceChange) throws(PlanError) -> ResourceChange {
        guard !change.fieldChanges.isEmpty,
              dependencies.contains(where: { input.references[$0] != liveReferences[$0] }) else { return change }
        guard let againstLive = try? plan(input.with(references: liveReferences)) else { return change }
        let ownPaths = Set(againstLive.fieldChanges.map(\.path))
        return try change.revised(fieldChanges: change.fieldChanges.map { field in
            ownPaths.contains(field.path) ? field : field.followingDependency()
        })
    }
}
