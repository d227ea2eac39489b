import Manifests

/// Why the engine refused to run at all (nothing was planned, changed or written).
public enum ReconcileEngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The manifest directory has errors: a manifest that fails to parse or validate never causes a change or a
    /// delete, so the whole run is refused.
    case invalidManifests(errors: Int)
    /// A regional resource has no `spec.region` and there is no default region.
    case noRegion(ResourceAddress)
    /// The resources cannot be ordered (a cycle, or a reference to nothing).
    case graph(GraphError)
    /// The status folder cannot be read, so removed manifests cannot be told apart from unknown resources.
    case statusUnreadable(StatusStoreError)
    /// STS GetCallerIdentity failed: no account id, so nothing can be planned.
    case accountLookupFailed(ReconcileFailure)
    /// A plan could not be assembled (a handler produced a malformed change).
    case plan(PlanError)
    /// Lost-state rediscovery could not list a kind: resources of this owner that no manifest names would go
    /// unseen, so nothing is planned.
    case rediscoveryFailed(ResourceKind, ReconcileFailure)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidManifests: "engine.invalidManifests"
        case .noRegion: "engine.noRegion"
        case .graph(let error): error.code
        case .statusUnreadable(let error): error.code
        case .accountLookupFailed: "engine.accountLookupFailed"
        case .plan(let error): error.code
        case .rediscoveryFailed: "engine.rediscoveryFailed"
        }
    }

    /// What went wrong and what to do.
    public var message: String {
        switch self {
        case .invalidManifests(let errors):
            "the manifests have \(errors) \(errors == 1 ? "error" : "errors"); nothing was read, changed or "
                + "deleted (run `smsauth validate` and fix them first)"
        case .noRegion(let address):
            "\(address) has no spec.region and no default region is set (use --region, AWS_REGION or the profile's region)"
        case .graph(let error):
            error.message
        case .statusUnreadable(let error):
            "\(error.message) (fix or remove the file; without it removed manifests cannot be recognised)"
        case .accountLookupFailed(let failure):
            "could not find the AWS account (STS GetCallerIdentity): \(failure.message)"
        case .plan(let error):
            error.message
        case .rediscoveryFailed(let kind, let failure):
            "could not list \(kind.rawValue) resources to rediscover this owner's resources without status: "
                + "\(failure.message); nothing was planned"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
