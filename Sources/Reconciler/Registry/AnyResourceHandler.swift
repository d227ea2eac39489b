import Manifests

/// Hands over one target's observation as soon as its handler knows it.
public typealias ObservationDelivery = @Sendable (ResourceAddress, Observation) -> Void

/// A `ResourceHandler` of any kind behind one type, so the engine can keep handlers of different `Spec` and `Live`
/// types in one registry. The typed live state travels inside `Observation` and is handed back to the same handler;
/// every manifest is checked to be the handler's `Spec` before the handler sees it (`HandlerFailure.wrongKind`).
public struct AnyResourceHandler: Sendable {
    /// The kind handled.
    public let kind: ResourceKind
    /// `ResourceHandler.retiresAfterDependents`.
    public let retiresAfterDependents: Bool
    private let readBody: @Sendable ([ReadTarget], ReconcileContext, @escaping ObservationDelivery) async throws
        -> [ResourceAddress: Observation]
    private let plannedOutputsBody: @Sendable (DesiredResource, String, String) -> [String: String]
    private let planBody: @Sendable (ErasedPlanInput) throws(HandlerFailure) -> ResourceChange
    private let applyBody: @Sendable (ResourceChange, ErasedPlanInput, ApplyContext) async throws -> [String: String]
    private let claimsBody: @Sendable (DesiredResource, Observation, [ResourceAddress: [String: String]]) -> Bool
    private let carriesOwnershipTagsBody: @Sendable (Observation) -> Bool

    /// Wraps `handler`.
    public init<Handler: ResourceHandler>(_ handler: Handler) {
        kind = handler.kind
        retiresAfterDependents = handler.retiresAfterDependents
        readBody = { targets, context, deliver in
            if let wrong = targets.first(where: { !Self.fits($0.desired, Handler.self) }) {
                throw HandlerFailure.wrongKind(wrong.address)
            }
            let observe = { @Sendable (state: LiveState<Handler.Live>) in
                Observation(state, outputs: handler.outputs(of:), phase: handler.phase(of:))
            }
            do {
                let states = try await handler.read(targets, context: context) { address, state in
                    deliver(address, observe(state))
                }
                return states.mapValues(observe)
            } catch let partial as PartialRead<Handler.Live> {
                throw PartialObservations(found: partial.found.mapValues(observe), failures: partial.failures)
            }
        }
        plannedOutputsBody = { desired, account, partition in
            guard Self.fits(desired, Handler.self) else { return [:] }
            return handler.plannedOutputs(of: desired, account: account, partition: partition)
        }
        planBody = { (input: ErasedPlanInput) throws(HandlerFailure) -> ResourceChange in
            guard Self.fits(input.desired, Handler.self) else { throw HandlerFailure.wrongKind(input.address) }
            guard let typed = input.typed(Handler.Live.self) else {
                throw HandlerFailure.liveStateMismatch(input.address)
            }
            do throws(PlanError) {
                return try handler.plan(typed)
            } catch {
                throw HandlerFailure.plan(error)
            }
        }
        applyBody = { change, input, context in
            guard Self.fits(input.desired, Handler.self) else { throw HandlerFailure.wrongKind(input.address) }
            guard let typed = input.typed(Handler.Live.self) else {
                throw HandlerFailure.liveStateMismatch(input.address)
            }
            return try await handler.apply(change, input: typed, context: context)
        }
        carriesOwnershipTagsBody = { observation in
            (observation.live as? LiveState<Handler.Live>)?.value.map(handler.carriesOwnershipTags) ?? false
        }
        claimsBody = { desired, observation, references in
            guard let live = (observation.live as? LiveState<Handler.Live>)?.value else { return false }
            return handler.claims(desired, live: live, references: references)
        }
    }

    /// Whether `desired` is absent or its spec is `Handler`'s.
    private static func fits<Handler: ResourceHandler>(_ desired: DesiredResource?, _: Handler.Type) -> Bool {
        desired.map { Handler.spec(in: $0.manifest.spec) != nil } ?? true
    }

    /// Whether `desired` (of any kind: an SmsRole and an SmsLogRole can name the same IAM role) describes the live
    /// resource in `observation` (false when nothing was found).
    public func claims(_ desired: DesiredResource, observation: Observation,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        claimsBody(desired, observation, references)
    }

    /// Whether the live resource in `observation` carries the ownership tags (`ResourceHandler.carriesOwnershipTags`);
    /// false when nothing was found.
    public func carriesOwnershipTags(_ observation: Observation) -> Bool {
        carriesOwnershipTagsBody(observation)
    }

    /// Reads every target; a target the handler left out is missing from the result.
    public func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: Observation] {
        try await readBody(targets, context) { _, _ in }
    }

    /// Reads every target, handing each observation to `deliver` as soon as the handler knows it (some handlers
    /// only at the end, in the result).
    public func read(_ targets: [ReadTarget], context: ReconcileContext,
                     delivering deliver: @escaping ObservationDelivery) async throws -> [ResourceAddress: Observation] {
        try await readBody(targets, context, deliver)
    }

    /// Outputs of a resource that does not exist yet, when they can be computed.
    public func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        plannedOutputsBody(desired, account, partition)
    }

    /// The handler's pure plan for one resource.
    public func plan(_ input: ErasedPlanInput) throws(HandlerFailure) -> ResourceChange {
        try planBody(input)
    }

    /// Carries out `change`; returns the resource's outputs after it.
    public func apply(_ change: ResourceChange, input: ErasedPlanInput, context: ApplyContext) async throws -> [String: String] {
        try await applyBody(change, input, context)
    }
}

/// Why the engine could not use a handler's answer for one resource.
public enum HandlerFailure: ReconcileError, Equatable {
    /// The handler's plan was malformed (e.g. a replace without a reason).
    case plan(PlanError)
    /// The live state handed back is not the handler's type (a registry wired with mixed-up kinds).
    case liveStateMismatch(ResourceAddress)
    /// The manifest's spec is not the handler's `Spec` (a registry wired with mixed-up kinds).
    case wrongKind(ResourceAddress)
    /// A write that needs the manifest was asked for a resource without one.
    case noManifest(ResourceAddress)
    /// The handler's read returned no entry for a target.
    case missingLiveState(ResourceAddress)
    /// No handler is registered for the kind.
    case noHandler(ResourceKind)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .plan(let error): error.code
        case .liveStateMismatch: "engine.liveStateMismatch"
        case .wrongKind: "engine.wrongKind"
        case .noManifest: "engine.noManifest"
        case .missingLiveState: "engine.missingLiveState"
        case .noHandler: "engine.noHandler"
        }
    }

    /// Human explanation.
    public var message: String {
        switch self {
        case .plan(let error): "the handler produced an invalid change: \(error.message)"
        case .liveStateMismatch(let address): "the live state of \(address) is not of its handler's type"
        case .wrongKind(let address): "the manifest of \(address) is not of its handler's kind"
        case .noManifest(let address): "\(address) has no manifest to create or update it from; plan again"
        case .missingLiveState(let address): "reading \(address) returned nothing for it"
        case .noHandler(let kind): "this build of smsauth cannot manage \(kind.rawValue) resources yet"
        }
    }

    /// None of these go away by retrying.
    public var isRetryable: Bool { false }
}
