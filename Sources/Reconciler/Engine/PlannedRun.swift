import Manifests

/// The result of planning a run: the plan to show, and what applying it needs (each resource's plan input, the
/// observed live state, the outputs to start the reference store from).
public struct PlannedRun: Sendable {
    /// Assembles a run.
    init(plan: Plan, targets: [ResourceAddress: ReadTarget], graph: ResourceGraph,
         inputs: [ResourceAddress: ErasedPlanInput], observations: [ResourceAddress: Result<Observation, ReconcileFailure>],
         references: [ResourceAddress: [String: String]], options: PlanOptions,
         foreignStatuses: [ResourceAddress: StatusClaim], keptReplacements: [ResourceAddress: [ResourceAddress]] = [:],
         plannedReferences: [ResourceAddress: [String: String]]? = nil, unrecorded: Set<ResourceAddress> = []) {
        self.plan = plan
        self.targets = targets
        self.graph = graph
        self.inputs = inputs
        self.observations = observations
        self.references = references
        self.options = options
        self.foreignStatuses = foreignStatuses
        self.keptReplacements = keptReplacements
        self.plannedReferences = plannedReferences ?? references
        self.unrecorded = unrecorded
    }

    /// One change per resource, in apply order.
    public let plan: Plan
    /// Every resource considered (manifests and removed ones known from status), by address.
    public let targets: [ResourceAddress: ReadTarget]
    /// The graph of every resource considered.
    public let graph: ResourceGraph
    /// The plan input of each resource the handler planned (not of blocked ones).
    let inputs: [ResourceAddress: ErasedPlanInput]
    /// What was read, or why nothing was.
    public let observations: [ResourceAddress: Result<Observation, ReconcileFailure>]
    /// Outputs of every resource at plan time (live, else planned).
    public let references: [ResourceAddress: [String: String]]
    /// The outputs each resource was planned against (`RunPlanner`: a dependency the plan brings to its manifest
    /// with its manifest's outputs, else its live ones): what the apply starts its reference store from, so that a
    /// dependent is written with the values its plan shows, not with those of a dependency whose drift is only
    /// reported (a role's external id changed by hand under `policy.onDrift: Report`).
    public let plannedReferences: [ResourceAddress: [String: String]]
    /// Run-wide options.
    public let options: PlanOptions
    /// Status files of another manifest set (or of unknown provenance) found in the status location, with whose
    /// they are: refused in the plan, never read from, acted on or rewritten.
    public let foreignStatuses: [ResourceAddress: StatusClaim]
    /// Replacements whose old resource other manifests name, with those manifests: the old resource is kept
    /// (`KeptReplacements`), not retired.
    public let keptReplacements: [ResourceAddress: [ResourceAddress]]
    /// Manifests planned but given no status file: those at a held rename's old address (`RunPlanner.heldFormerNames`),
    /// which have nothing of their own to record, and whose file there would keep the rename from taking that
    /// address back once the manifest goes.
    public let unrecorded: Set<ResourceAddress>

    /// Resources whose live state could not be read (their kind's read failed or has no handler).
    public var readFailures: [ResourceAddress] {
        observations.filter { if case .failure = $0.value { true } else { false } }.map(\.key).sorted()
    }

    /// Resources whose manifest is gone (known from status files only).
    public var removed: [ResourceAddress] {
        targets.values.filter { $0.desired == nil }.map(\.address).sorted()
    }
}

/// How an applied run ended.
public struct AppliedRun: Sendable {
    /// The plan that was applied.
    public let plan: Plan
    /// Every change with its outcome, in plan order.
    public let report: ExecutionReport
    /// Resources released from management (manifest gone, `onDelete: Retain`): left in AWS, status removed.
    public let released: [ResourceAddress]
    /// Status files that could not be written or removed.
    public let statusErrors: [StatusStoreError]
    /// Resources whose live state could not be read.
    public let readFailures: [ResourceAddress]

    /// Whether anything failed or was refused, live state could not be read, or a status could not be written.
    /// Resources blocked only because a dependency is pending (or was refused while it exists) are not problems.
    public var hasProblems: Bool {
        !statusErrors.isEmpty || !readFailures.isEmpty || report.results.contains { result in
            switch result.outcome {
            case .failed, .refused: true
            case .applied, .unchanged, .blocked: false
            }
        }
    }
}
