import Manifests

/// One manifest as the reconciler sees it: its address, the region it lives in and the resources it depends on.
public struct DesiredResource: Sendable, Equatable {
    /// The manifest (spec, policy, source location).
    public let manifest: Manifest
    /// The region its AWS resource lives in: `spec.region`, else the default region; AppClient and MfaPolicy take
    /// their pool's region; nil for the global SmsRole (IAM).
    public let region: String?
    /// Resources that must exist first (the references of MANIFESTS.md), in apply order.
    public let dependencies: [ResourceAddress]
    /// A SandboxNumber's sandbox: `spec.service`, else the service of the pools sending SMS from its region
    /// (`PoolSmsServices.sandbox`; SNS when that is not known). nil for every other kind.
    public let sandboxService: SmsService?

    /// Creates a desired resource.
    public init(manifest: Manifest, region: String?, dependencies: [ResourceAddress], sandboxService: SmsService? = nil) {
        self.manifest = manifest
        self.region = region
        self.dependencies = dependencies.sorted()
        self.sandboxService = manifest.kind == .sandboxNumber ? sandboxService ?? .sns : nil
    }

    /// `Kind/name`.
    public var address: ResourceAddress { manifest.id }
    /// The manifest's policy (defaults filled in).
    public var policy: Policy { manifest.policy }
}
