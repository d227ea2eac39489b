import Manifests

/// What a handler found in AWS for one resource.
public enum LiveState<Live: Sendable>: Sendable {
    /// Nothing exists.
    case absent
    /// It exists and carries smsauth's ownership tags for this address (or, for kinds without tags, is identified
    /// unambiguously: a pool's app client by recorded id or name, a sandbox number by its phone number).
    case owned(Live)
    /// Something exists where this resource would be, without our ownership tags: never touched unless the manifest
    /// adopts it (`spec.adopt`).
    case foreign(Live)

    /// The live value, owned or not.
    public var value: Live? {
        switch self {
        case .absent: nil
        case let .owned(live), let .foreign(live): live
        }
    }
}

/// Whether a live resource is usable yet.
public enum LivePhase: Sendable, Equatable {
    /// Exists and works.
    case ready
    /// Exists but is waiting for something outside smsauth (an OTP, number provisioning); the message says what.
    case pending(String)
}

/// Ownership tags on everything that takes tags (MANIFESTS.md, "Dependency order and defaults").
public enum OwnershipTags {
    /// `smsauth:managed-by`.
    public static let managedByKey = "smsauth:managed-by"
    /// Its value.
    public static let managedByValue = "smsauth"
    /// `smsauth:resource` = `Kind/name`.
    public static let resourceKey = "smsauth:resource"
    /// The plan path of the `smsauth:resource` tag, for kinds whose compared `tags` leave the ownership tags out:
    /// a rename shows its new value as a field change under this path.
    public static let resourceTagPath = "tags.\(resourceKey)"

    /// The kinds that take tags, so their `smsauth:resource` tag names the resource (a rename rewrites it).
    public static let taggedKinds: Set<ResourceKind> = [.smsRole, .userPool, .originationIdentity, .phonePool]

    /// The two tags for `address`.
    public static func tags(for address: ResourceAddress) -> [String: String] {
        [managedByKey: managedByValue, resourceKey: address.description]
    }

    /// Whether `tags` mark a resource as smsauth's `address`.
    public static func marks(_ tags: [String: String], as address: ResourceAddress) -> Bool {
        tags[managedByKey] == managedByValue && tags[resourceKey] == address.description
    }
}
