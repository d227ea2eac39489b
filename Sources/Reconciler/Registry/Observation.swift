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
        switch phase {
        case .pending(let message)?, .needsAttention(let message)?: message
        case .ready?, nil: nil
        }
    }

    /// Whether the live resource waits on the user (`LivePhase.needsAttention`).
    public var needsAttention: Bool {
        if case .needsAttention? = phase { return true }
        return false
    }

    /// This observation where a live state goes: absent and duplicate as they are, any other presence carrying
    /// the observation itself.
    var state: LiveState<Observation> {
        switch presence {
        case .absent: .absent
        case .owned: .owned(self)
        case .foreign: .foreign(self)
        case .legacy: .legacy(self)
        case .otherOwner: .otherOwner(self, owner: otherOwner ?? "")
        case .duplicate: .duplicate(ids: duplicateIds)
        }
    }
}

/// The engine's plan input, before its handler is known: a `PlanInput` whose live value is the `Observation`
/// (which holds the handler's typed live state).
public typealias ErasedPlanInput = PlanInput<Observation>

extension PlanInput where Live == Observation {
    /// The input of `observation`.
    public init(address: ResourceAddress, desired: DesiredResource?, observation: Observation, status: ResourceStatus?,
                references: [ResourceAddress: [String: String]], dependencyActions: [ResourceAddress: ChangeAction],
                deletePolicy: DeletePolicy, options: PlanOptions) {
        self.init(address: address, desired: desired, live: observation.state, status: status, references: references,
                  dependencyActions: dependencyActions, deletePolicy: deletePolicy, options: options)
    }

    /// Outputs of the live resource (empty when none was found).
    var outputs: [String: String] { live.value?.outputs ?? [:] }

    /// The same input with `references` in place of its own.
    func with(references: [ResourceAddress: [String: String]]) -> PlanInput {
        PlanInput(address: address, desired: desired, live: live, status: status, references: references,
                  dependencyActions: dependencyActions, deletePolicy: deletePolicy, options: options)
    }

    /// The typed input, when the observation holds a `LiveState<Typed>`. A legacy resource (tagged without an owner)
    /// that a manifest names is handed over as owned: the plan claims it (`OwnershipGuard.claiming`).
    func typed<Typed: Sendable>(_ type: Typed.Type) -> PlanInput<Typed>? {
        var state: LiveState<Typed>
        switch live {
        case .absent: state = .absent
        case .duplicate(let ids): state = .duplicate(ids: ids)
        case .owned(let found), .foreign(let found), .legacy(let found), .otherOwner(let found, _):
            guard let typed = found.live as? LiveState<Typed> else { return nil }
            state = typed
        }
        if case .legacy(let value) = state, desired != nil { state = .owned(value) }
        return PlanInput<Typed>(address: address, desired: desired, live: state, status: status, references: references,
                                dependencyActions: dependencyActions, deletePolicy: deletePolicy, options: options)
    }
}

extension Observation {
    /// Whether this and `other` found the same live resource: their outputs agree on every key both have (at least
    /// one). Outputs that depend on who reads them differ without the resource differing: an app client read for a
    /// new name lists no delivery locations (they are tagged for the old one), read for the old name it does.
    func isSameResource(as other: Observation) -> Bool {
        let shared = Set(outputs.keys).intersection(other.outputs.keys)
        return !shared.isEmpty && shared.allSatisfy { outputs[$0] == other.outputs[$0] }
    }
}
