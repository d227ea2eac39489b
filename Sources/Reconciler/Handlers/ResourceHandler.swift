import Manifests

/// The one place that knows a kind: how to read it from AWS, how to compare it with its manifest (pure), and how to
/// create, update, replace or delete it. Adding a kind means adding one handler (and its manifest type), nothing else.
///
/// The engine calls `read` once per kind with every resource of that kind it cares about (in manifests, or known from
/// status files), then `plan` for each resource (pure, no I/O), then `apply` for each change the executor runs.
public protocol ResourceHandler: Sendable {
    /// The kind's spec: what its manifests ask for. The engine hands a handler only manifests whose spec is this
    /// type (else `HandlerFailure.wrongKind`), so a handler takes it with `Self.spec(_:)` and never meets another
    /// kind's. A handler that manages every kind alike (a test double) keeps the whole `ManifestSpec`.
    associatedtype Spec: Sendable = ManifestSpec
    /// What the handler reads from AWS for one resource.
    associatedtype Live: Sendable

    /// The handler's spec in `spec`; nil when `spec` is another kind's.
    static func spec(in spec: ManifestSpec) -> Spec?

    /// The kind handled.
    var kind: ResourceKind { get }

    /// Whether a replacement creates the new resource first and leaves the old one to delete once the resources
    /// depending on it have moved (`ApplyContext.retireLater`): an IAM role, which pools name by ARN. A run that
    /// changes such a resource plans what depends on it with it (`HandlerRegistry.reconcileScope`). Default: false.
    var retiresAfterDependents: Bool { get }

    /// Reads the live state of every target with the fewest calls (list once per region, then describe only what
    /// is managed). A target that does not exist is `.absent`; every target gets an entry.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<Live>]

    /// `read`, handing each target's state to `deliver` as soon as it is known, while the others are still being
    /// read: reads this resource finds (its pool's app clients) start then. A state delivered is also in the result,
    /// the same. Default: `read`, delivering nothing early.
    func read(_ targets: [ReadTarget], context: ReconcileContext,
              delivering deliver: @escaping LiveDelivery<Live>) async throws -> [ResourceAddress: LiveState<Live>]

    /// Ids and ARNs of a live resource, recorded in its status file and handed to resources that reference it
    /// (keys such as `id`, `arn`, `externalId`). Never secrets.
    func outputs(of live: Live) -> [String: String]

    /// What a resource that does not exist yet will be known by, when it can be computed before it exists
    /// (an IAM role's ARN from partition, account, path and name). Used to plan dependents on a dry run.
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String]

    /// Ready, or pending on something outside smsauth.
    func phase(of live: Live) -> LivePhase

    /// Whether `desired` describes the AWS resource `live` (found for another address): the identity a rename
    /// keeps and a delete must never take from a current manifest (an app client: same pool and client name; an IAM
    /// role: same role name; …). Pure; `references` holds the outputs of the other resources (a pool's id).
    func claims(_ desired: DesiredResource, live: Live, references: [ResourceAddress: [String: String]]) -> Bool

    /// Whether `live` carries smsauth's ownership tags naming its address, so that a rename rewrites them
    /// (`WriteAction.retag`) and shows that as a field change. Default: the kinds that take tags
    /// (`OwnershipTags.taggedKinds`); an app client whose secret or outputs smsauth delivered (the secret and
    /// parameter are tagged), an End User Messaging sandbox number (its entry is tagged).
    func carriesOwnershipTags(_ live: Live) -> Bool

    /// The change for one resource: pure, no I/O. Must give a reason for replace, refuse and blocked.
    func plan(_ input: PlanInput<Live>) throws(PlanError) -> ResourceChange

    /// Performs `change`, whose action is `action`, and returns the resource's outputs after it (none after a delete).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<Live>,
               context: ApplyContext) async throws -> [String: String]
}

extension ResourceHandler where Spec == ManifestSpec {
    /// The whole spec, whatever its kind.
    public static func spec(in spec: ManifestSpec) -> ManifestSpec? { spec }
}

extension ResourceHandler {
    /// A replacement of most kinds deletes the old resource itself.
    public var retiresAfterDependents: Bool { false }

    /// The typed spec of `desired`: nil when there is no manifest (it was removed). Never another kind's: the engine
    /// checks that before handing `desired` over.
    static func spec(_ desired: DesiredResource?) -> Spec? {
        desired.flatMap { spec(in: $0.manifest.spec) }
    }

    /// The typed spec a create, update or replace writes: the engine plans those only for a resource with a manifest,
    /// so its absence (`HandlerFailure.noManifest`) means the plan was handed a stale input.
    static func writtenSpec(_ input: PlanInput<Live>) throws(HandlerFailure) -> Spec {
        guard let spec = spec(input.desired) else { throw .noManifest(input.address) }
        return spec
    }

    /// Delivers nothing early.
    public func read(_ targets: [ReadTarget], context: ReconcileContext,
                     delivering deliver: @escaping LiveDelivery<Live>) async throws -> [ResourceAddress: LiveState<Live>] {
        try await read(targets, context: context)
    }

    /// Most kinds cannot be named before they exist.
    public func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] { [:] }

    /// The kinds that take tags carry the ownership tags.
    public func carriesOwnershipTags(_ live: Live) -> Bool { OwnershipTags.taggedKinds.contains(kind) }

    /// Most kinds are usable as soon as they exist.
    public func phase(of live: Live) -> LivePhase { .ready }

    /// Carries out `change` and returns the resource's outputs after it: a write through `write`; any other action
    /// (retain, noop, refuse, blocked, suspended) leaves AWS alone and returns the live resource's outputs.
    public func apply(_ change: ResourceChange, input: PlanInput<Live>, context: ApplyContext) async throws -> [String: String] {
        guard let action = WriteAction(change) else { return input.live.value.map(outputs(of:)) ?? [:] }
        return try await write(action, change: change, input: input, context: context)
    }
}

/// Hands over one target's live state as soon as it is known (`ResourceHandler.read(_:context:delivering:)`).
public typealias LiveDelivery<Live> = @Sendable (ResourceAddress, LiveState<Live>) -> Void

/// One resource a handler must read.
public struct ReadTarget: Sendable, Equatable {
    /// Its address.
    public let address: ResourceAddress
    /// Its manifest, or nil when the manifest is gone and the resource is known only from its status file.
    public let desired: DesiredResource?
    /// Its last status file, if any (recorded ids such as a pool id).
    public let status: ResourceStatus?
    /// Region to look in (nil for IAM); for a removed manifest, the region recorded in status.
    public let region: String?
    /// Outputs of the resources read earlier in this pass, among them those its read needs (`ReadOrder`: the pool id
    /// an app client or MFA policy lives in, a number's Registration id). Empty when not known.
    public let references: [ResourceAddress: [String: String]]

    /// The address whose ownership tags the resource may still carry after a rename that was not carried out
    /// (`ResourceStatus.renamedFrom`), when nothing else of the run has that address (`ReconcileEngine.targets`):
    /// the reads take this owner's tags of it as this target's (`OwnershipTags.claim(_:as:owner:)`).
    public let formerAddress: ResourceAddress?

    /// Creates a read target.
    public init(address: ResourceAddress, desired: DesiredResource?, status: ResourceStatus?, region: String?,
                references: [ResourceAddress: [String: String]] = [:], formerAddress: ResourceAddress? = nil) {
        self.address = address
        self.formerAddress = formerAddress == address ? nil : formerAddress
        self.desired = desired
        self.status = status
        self.region = region
        self.references = references
    }
}

/// Everything `plan` may look at for one resource. Pure data.
public struct PlanInput<Live: Sendable>: Sendable {
    /// The resource.
    public let address: ResourceAddress
    /// Its manifest; nil when the manifest was removed.
    public let desired: DesiredResource?
    /// What exists in AWS.
    public let live: LiveState<Live>
    /// Its last status file.
    public let status: ResourceStatus?
    /// Outputs of the other resources by address, as they will be after this run: for a dependency planned before
    /// this resource and brought to its manifest, its `plannedOutputs` over its live ones; otherwise the live ones,
    /// or the planned ones of a resource not created yet.
    public let references: [ResourceAddress: [String: String]]
    /// The planned action of each resource this one depends on (a replaced pool means its clients are recreated).
    public let dependencyActions: [ResourceAddress: ChangeAction]
    /// What to do when the manifest is gone: the policy recorded in status, else the kind's default.
    public let deletePolicy: DeletePolicy
    /// Run-wide options.
    public let options: PlanOptions

    /// Creates a plan input.
    public init(address: ResourceAddress, desired: DesiredResource?, live: LiveState<Live>, status: ResourceStatus?,
                references: [ResourceAddress: [String: String]], dependencyActions: [ResourceAddress: ChangeAction],
                deletePolicy: DeletePolicy, options: PlanOptions) {
        self.address = address
        self.desired = desired
        self.live = live
        self.status = status
        self.references = references
        self.dependencyActions = dependencyActions
        self.deletePolicy = deletePolicy
        self.options = options
    }
}

extension PlanInput {
    /// The region of a regional resource: its manifest's, else the live resource's (`live`), else the one its status
    /// recorded; empty when none is known (the write then fails with AWS's own error).
    func region(live: String?) -> String {
        desired?.region ?? live ?? status?.resource["region"] ?? ""
    }
}

/// Options that apply to a whole run.
public struct PlanOptions: Sendable, Equatable {
    /// The AWS account id (STS GetCallerIdentity).
    public var account: String
    /// `--allow-purchase`: requesting origination numbers or sender IDs is allowed without `purchaseApproved`.
    public var allowPurchase: Bool
    /// The manifest set's owner (`RunIdentity.owner`): written to the `smsauth:owner` tag.
    public var owner: String?
    /// The AWS partition (`aws`, `aws-us-gov`, `aws-cn`, ...): the second field of the ARNs smsauth computes.
    public var partition: String

    /// Creates options.
    public init(account: String, allowPurchase: Bool = false, owner: String? = nil, partition: String = "aws") {
        self.account = account
        self.partition = partition
        self.allowPurchase = allowPurchase
        self.owner = owner
    }
}
