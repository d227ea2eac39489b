/// The actions that write to AWS: the only ones a handler performs (`ResourceHandler.write`). The engine answers
/// every other action itself (retain, noop, refuse, blocked, suspended leave AWS as it is).
public enum WriteAction: Sendable, Equatable {
    /// Make the resource.
    case create
    /// Change it in place.
    case update
    /// Delete it and make it again.
    case replace
    /// Delete it.
    case delete
    /// Take it over under a new address (with the field changes shown, if any).
    case rename
    /// Take it over under a new address writing its ownership tags and nothing else: a rename whose plan changes
    /// nothing but them (its drift only reported under `policy.onDrift: Report`, or none). A kind without tags
    /// records no name in AWS and writes nothing.
    case retag

    /// The write `action` calls for; nil when it leaves AWS alone.
    public init?(_ action: ChangeAction) {
        switch action {
        case .create: self = .create
        case .update: self = .update
        case .replace: self = .replace
        case .delete: self = .delete
        case .rename: self = .rename
        case .retain, .noop, .refuse, .blocked, .suspended: return nil
        }
    }

    /// The write `change` calls for: its action's, but `retag` for a rename whose field changes are all ownership
    /// tags (`OwnershipTags.changesOnlyOwnership`).
    public init?(_ change: ResourceChange) {
        if change.action == .rename, change.fieldChanges.allSatisfy(OwnershipTags.changesOnlyOwnership) {
            self = .retag
        } else {
            self.init(change.action)
        }
    }
}
