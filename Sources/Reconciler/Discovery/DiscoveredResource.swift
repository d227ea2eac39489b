import Manifests

/// A live AWS resource found by listing a region (not by a manifest or a status file), with the tags that say
/// whose it is.
public struct DiscoveredResource: Sendable, Equatable {
    /// The kind it would be managed as.
    public var kind: ResourceKind
    /// The AWS identifiers a status file records for the kind (the handler's outputs: `id`, `arn`, `region`,
    /// `roleName`, …), so a removed-resource read finds exactly this resource.
    public var identifiers: [String: String]
    /// Its tags.
    public var tags: [String: String]

    /// Creates a discovered resource.
    public init(kind: ResourceKind, identifiers: [String: String], tags: [String: String]) {
        self.kind = kind
        self.identifiers = identifiers
        self.tags = tags
    }

    /// The address its `smsauth:resource` tag names, when smsauth's tags mark it as a resource of its kind; nil for
    /// an untagged resource or a tag that does not name one of this kind.
    public var taggedAddress: ResourceAddress? {
        guard tags[OwnershipTags.managedByKey] == OwnershipTags.managedByValue,
              let value = tags[OwnershipTags.resourceKey],
              let address = try? ResourceAddress(parsing: value), address.kind == kind else { return nil }
        return address
    }

    /// Whether it carries `owner`'s ownership tags: `smsauth:managed-by`, a `smsauth:resource` of its kind, and
    /// `smsauth:owner` equal to `owner`. An untagged resource or another owner's is never `owner`'s.
    public func isOwned(by owner: String) -> Bool {
        taggedAddress != nil && tags[OwnershipTags.ownerKey] == owner
    }
}
