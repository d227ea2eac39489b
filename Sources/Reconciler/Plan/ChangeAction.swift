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

    /// Whether a change with this action must carry a reason.
    public var requiresReason: Bool {
        self == .replace || self == .refuse || self == .blocked
    }

    /// Whether the executor hands a change with this action to the applier.
    public var isApplied: Bool {
        switch self {
        case .create, .update, .replace, .delete, .retain: true
        case .refuse, .noop, .blocked: false
        }
    }

    /// Whether the action changes anything in AWS (what `--detailed-exitcode` reports as pending changes).
    public var changesLiveState: Bool {
        switch self {
        case .create, .update, .replace, .delete: true
        case .refuse, .noop, .blocked, .retain: false
        }
    }
}
