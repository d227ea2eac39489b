/// What the executor is to do with one resource. The raw value is the stable JSON spelling.
public enum ChangeAction: String, CaseIterable, Codable, Hashable, Sendable {
    /// The resource does not exist yet and will be created.
    case create
    /// The resource will be changed in place.
    case update
    /// The resource will be deleted and created again (only with `policy.onImmutableChange: Recreate`).
    case replace
    /// The manifest is gone and `policy.onDelete: Delete`: the resource will be deleted.
    case delete
    /// The change is not allowed (e.g. an immutable field under `Refuse`); nothing is done.
    case refuse
    /// Live state already equals the manifest.
    case noop
    /// Cannot be done because something it depends on is refused or failed; nothing is done.
    case blocked
    /// The manifest is gone and `policy.onDelete: Retain`: the resource is released from management, not deleted.
    case retain
    /// The manifest's `metadata.name` changed but it names the same AWS resource (as Terraform's `moved` blocks):
    /// the status file moves to the new name. Its field changes, if any, are applied as an update (a name-bearing
    /// ownership tag, or a spec change made together with the rename); without any, no AWS call is made.
    case rename
    /// The resource is suspended (`policy.suspend: true`, or `spec.suspend: true` in the settings document, or its
    /// manifest was removed while the whole set was suspended): nothing is created, updated, corrected or deleted.
    /// Its field changes, if any, show what resuming would change.
    case suspended

    /// Whether a change with this action must carry a reason.
    public var requiresReason: Bool {
        self == .replace || self == .refuse || self == .blocked || self == .suspended
    }

    /// Whether the executor hands a change with this action to the applier.
    /// Whether the change moves a resource that may use another off it (an update, replace or rename): what a
    /// delete of the used one waits for (`UseOrder`, `ExecutionSchedule`).
    public var movesUsers: Bool { self == .update || self == .replace || self == .rename }

    public var isApplied: Bool {
        switch self {
        case .create, .update, .replace, .delete, .retain, .rename: true
        case .refuse, .noop, .blocked, .suspended: false
        }
    }

    /// Whether the action always changes something in AWS (what `--detailed-exitcode` reports as pending
    /// changes). A rename changes AWS only when it has field changes: see `ResourceChange.changesLiveState`.
    public var changesLiveState: Bool {
        switch self {
        case .create, .update, .replace, .delete: true
        case .refuse, .noop, .blocked, .retain, .rename, .suspended: false
        }
    }
}
