import Manifests

/// What a handler found in AWS for one resource, without the handler's `Live` type: presence, outputs and phase for
/// the engine, and the typed live state itself for the handler that read it.
public struct Observation: Sendable {
    /// Whether something exists, and whose it is.
    public enum Presence: String, Sendable, Equatable {
        /// Nothing exists.
        case absent
        /// It exists and is smsauth's.
        case owned
        /// Something exists without smsauth's ownership tags.
        case foreign
        /// It carries the ownership tags of this address without an owner tag (an earlier version's), while the run
        /// has an owner.
        case legacy
        /// It carries the ownership tags of this address for another owner (`otherOwner`).
        case otherOwner
        /// Several resources carry the ownership tags of this address (`duplicateIds`).
        case duplicate
    }

    /// Whether something exists, and whose it is.
    public let presence: Presence
    /// Ids and ARNs of the live resource (empty when absent).
    public let outputs: [String: String]
    /// Ready or pending (nil when absent).
    public let phase: LivePhase?
    /// The owner found in the `smsauth:owner` tag, when `presence` is `otherOwner`.
    public let otherOwner: String?
    /// The ids of the resources that carry the same ownership tags, when `presence` is `duplicate`.
    public let duplicateIds: [String]
    /// The handler's `LiveState<Live>`.
    let live: any Sendable

    /// Wraps a typed live state, with the outputs and phase its handler computed.
    init<Live: Sendable>(_ state: LiveState<Live>, outputs: (Live) -> [String: String], phase: (Live) -> LivePhase) {
        var otherOwner: String?
        var duplicateIds: [String] = []
        switch state {
        case .absent: presence = .absent
        case .owned: presence = .owned
        case .foreign: presence = .foreign
        case .legacy: presence = .legacy
        case .otherOwner(_, let owner):
            presence = .otherOwner
            otherOwner = owner
        case .duplicate(let ids):
            presence = .duplicate
            duplicateIds = ids
        }
        self.otherOwner = otherOwner
        self.duplicateIds = duplicateIds
        self.outputs = state.value.map(outputs) ?? [:]
        self.phase = state.value.map(phase)
        live = state
    }

    /// The pending message, when the live resource waits on something outside smsauth.
    public var pendingMessage: String? {
        if case .pending(let message)? = phase { return message }
        return nil
    }
}

/// Everything of a `PlanInput` except the typed live state, which the type-erased handler takes from an
/// `Observation`.
public struct ErasedPlanInput: Sendable {
    /// The resource.
    public let address: ResourceAddress
    /// Its manifest; nil when the manifest was removed.
    public let desired: DesiredResource?
    /// What exists in AWS.
    public let observation: Observation
    /// Its last status file.
    public let status: ResourceStatus?
    /// Outputs of the other resources, by address.
    public let references: [ResourceAddress: [String: String]]
    /// The planned action of each dependency.
    public let dependencyActions: [ResourceAddress: ChangeAction]
    /// What to do when the manifest is gone.
    public let deletePolicy: DeletePolicy
    /// Run-wide options.
    public let options: PlanOptions

    /// Creates an input.
    public init(address: ResourceAddress, desired: DesiredResource?, observation: Observation, status: ResourceStatus?,
                references: [ResourceAddress: [String: String]], dependencyActions: [ResourceAddress: ChangeAction],
                deletePolicy: DeletePolicy, options: PlanOptions) {
        self.address = address
        self.desired = desired
        self.observation = observation
        self.status = status
        self.references = references
        self.dependencyActions = dependencyActions
        self.deletePolicy = deletePolicy
        self.options = options
    }

    /// The typed input, when `observation` holds a `LiveState<Live>`. A legacy resource (tagged without an owner)
    /// that a manifest names is handed over as owned: the plan claims it (`OwnershipGuard.claiming`).
    func typed<Live: Sendable>(_ type: Live.Type) -> PlanInput<Live>? {
        guard var live = observation.live as? LiveState<Live> else { return nil }
        if case .legacy(let value) = live, desired != nil { live = .owned(value) }
        return PlanInput(address: address, desired: desired, live: live, status: status, references: references,
                         dependencyActions: dependencyActions, deletePolicy: deletePolicy, options: options)
    }
}
