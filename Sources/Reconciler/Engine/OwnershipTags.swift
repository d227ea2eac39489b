import Manifests

/// Ownership tags on everything that takes tags (MANIFESTS.md, "Dependency order and defaults"):
/// `smsauth:managed-by=smsauth`, `smsauth:resource=<Kind>/<name>` and, when the manifest set has an owner,
/// `smsauth:owner=<owner>`.
public enum OwnershipTags {
    /// `smsauth:managed-by`.
    public static let managedByKey = "smsauth:managed-by"
    /// Its value.
    public static let managedByValue = "smsauth"
    /// `smsauth:resource` = `Kind/name`.
    public static let resourceKey = "smsauth:resource"
    /// `smsauth:owner` = the manifest set's owner.
    public static let ownerKey = "smsauth:owner"
    /// Every key smsauth writes.
    public static let keys: Set<String> = [managedByKey, resourceKey, ownerKey]
    /// The plan path of the `smsauth:resource` tag, for kinds whose compared `tags` leave the ownership tags out:
    /// a rename shows its new value as a field change under this path.
    public static let resourceTagPath = "tags.\(resourceKey)"

    /// The kinds that take tags (their catalog has `spec.tags`), so their `smsauth:resource` tag names the resource
    /// (a rename rewrites it).
    public static let taggedKinds = Set(ResourceKind.allCases.filter { kind in
        FieldCatalog.spec(for: kind).contains { $0.name == "tags" }
    })

    /// The tags for `address` of `owner`'s manifest set (no owner tag when `owner` is nil).
    public static func tags(for address: ResourceAddress, owner: String?) -> [String: String] {
        var tags = [managedByKey: managedByValue, resourceKey: address.description]
        if let owner { tags[ownerKey] = owner }
        return tags
    }

    /// The ownership tags of `address` (with `owner`'s) that `tags` lacks or holds with another value: what a rename
    /// writes (`WriteAction.retag`).
    public static func missing(from tags: [String: String], for address: ResourceAddress,
                               owner: String?) -> [String: String] {
        Self.tags(for: address, owner: owner).filter { tags[$0.key] != $0.value }
    }

    /// Whether `field` changes ownership tags and nothing else: the `smsauth:resource` tag's own path, or a `tags`
    /// map (an SMS role's) whose other keys keep their values.
    public static func changesOnlyOwnership(_ field: FieldChange) -> Bool {
        if field.path == resourceTagPath { return true }
        guard field.path == "tags", case .map(let after) = field.after else { return false }
        guard case .map(let before) = field.before else { return false }
        return before.filter { !keys.contains($0.key) } == after.filter { !keys.contains($0.key) }
    }

    /// `field`, a `tags` map change, with only its ownership tags changed: every other key keeps its old value (a
    /// rename under `policy.onDrift: Report` shows no tag drift as corrected). Other fields are returned as they are.
    public static func ownershipOnly(_ field: FieldChange) -> FieldChange {
        guard field.path == "tags", case .map(let after) = field.after, case .map(let before) = field.before else {
            return field
        }
        let tags = before.filter { !keys.contains($0.key) }.merging(after.filter { keys.contains($0.key) }) { $1 }
        return FieldChange(path: field.path, before: field.before, after: .map(tags))
    }

    /// Whether `tags` mark a resource as smsauth's `address`, whoever owns it.
    public static func marks(_ tags: [String: String], as address: ResourceAddress) -> Bool {
        tags[managedByKey] == managedByValue && tags[resourceKey] == address.description
    }

    /// Whose a resource carrying `tags` is, for a run of `owner`; nil when the tags do not mark it as `address`.
    public static func claim(_ tags: [String: String], as address: ResourceAddress, owner: String?) -> TagClaim? {
        guard marks(tags, as: address) else { return nil }
        return claim(ownerTag: tags[ownerKey], owner: owner)
    }

    /// Whether `tags` mark a resource as `target`'s: as its address, or as its former address (a rename not carried
    /// out yet, `ReadTarget.formerAddress`).
    public static func marks(_ tags: [String: String], as target: ReadTarget) -> Bool {
        marks(tags, as: target.address) || target.formerAddress.map { marks(tags, as: $0) } == true
    }

    /// Whose a resource carrying `tags` is, for a run of `owner`, when they mark it as `target`'s address, or as its
    /// former address for this owner: a resource of the former address tagged for another owner, or without an owner
    /// tag while the run has one (an earlier smsauth's, never paired by a rename), is not this target's. Nil
    /// otherwise.
    public static func claim(_ tags: [String: String], as target: ReadTarget, owner: String?) -> TagClaim? {
        if let claim = claim(tags, as: target.address, owner: owner) { return claim }
        guard let former = target.formerAddress, claim(tags, as: former, owner: owner) == .mine else { return nil }
        return .mine
    }

    /// The owner of a resource smsauth manages for another manifest set than `owner`'s, whatever address its tags
    /// name; nil when smsauth does not manage it, or manages it for `owner` or without an owner tag.
    public static func otherOwner(of tags: [String: String], owner: String?) -> String? {
        guard tags[managedByKey] == managedByValue, let found = tags[ownerKey], found != owner else { return nil }
        return found
    }

    /// Whose a resource whose `smsauth:owner` tag is `ownerTag` (nil: none) is, for a run of `owner`.
    public static func claim(ownerTag: String?, owner: String?) -> TagClaim {
        switch (ownerTag, owner) {
        case (nil, nil): .mine
        case (nil, .some): .legacy
        case let (found?, mine): found == mine ? .mine : .otherOwner(found)
        }
    }
}

/// Whose a resource carrying smsauth's tags for an address is, as seen by a run.
public enum TagClaim: Sendable, Equatable {
    /// Its owner tag is the run's owner (or both have none).
    case mine
    /// Tagged by a version of smsauth before owners: no owner tag, while the run has an owner. A manifest of the
    /// run that names it claims it (a tag update adds `smsauth:owner`); nothing else touches it.
    case legacy
    /// Its owner tag names another manifest set's owner (or the run has none).
    case otherOwner(String)
}
