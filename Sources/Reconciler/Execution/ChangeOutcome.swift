/// How one change of a plan ended.
public enum ChangeOutcome: Equatable, Sendable {
    /// The applier carried it out.
    case applied(AppliedResult)
    /// A noop: nothing to do.
    case unchanged
    /// Refused by the plan; not attempted.
    case refused(reason: String)
    /// Not attempted: blocked by the plan (`cause` nil) or because `cause` failed or was blocked.
    case blocked(reason: String, cause: ResourceAddress?)
    /// The applier failed.
    case failed(ReconcileFailure)

    /// The history result this outcome is recorded as.
    public var result: RunResult {
        switch self {
        case .applied: .applied
        case .unchanged: .unchanged
        case .refused: .refused
        case .blocked: .blocked
        case .failed: .failed
        }
    }

    /// Whether resources waiting on this one must be blocked.
    var blocksDependents: Bool {
        switch self {
        case .failed, .blocked: true
        case .applied, .unchanged, .refused: false
        }
    }
}

/// Every change of a plan with its outcome, in plan order.
public struct ExecutionReport: Equatable, Sendable {
    /// `(change, outcome)` in the order of the plan.
    public let results: [(change: ResourceChange, outcome: ChangeOutcome)]
    /// The changes the executor's gate refused (`Executor.gate`): they failed without starting, and once one was
    /// refused, what else the run did not carry out is not its to record either.
    public let gateRefusals: Set<ResourceAddress>

    /// Creates a report.
    public init(results: [(change: ResourceChange, outcome: ChangeOutcome)], gateRefusals: Set<ResourceAddress> = []) {
        self.results = results
        self.gateRefusals = gateRefusals
    }

    /// Whether the change of `address` was carried out, successfully or not (not refused by the gate, not blocked,
    /// not left unchanged or refused by the plan).
    public func ran(_ address: ResourceAddress) -> Bool {
        switch outcome(for: address) {
        case .applied: true
        case .failed: !gateRefusals.contains(address)
        case .unchanged, .refused, .blocked, nil: false
        }
    }

    /// The outcome for `address`, if the plan had it.
    public func outcome(for address: ResourceAddress) -> ChangeOutcome? {
        results.first { $0.change.address == address }?.outcome
    }

    /// Whether any change failed.
    public var hasFailures: Bool {
        results.contains { if case .failed = $0.outcome { true } else { false } }
    }

    /// Compares changes and outcomes pairwise.
    public static func == (lhs: ExecutionReport, rhs: ExecutionReport) -> Bool {
        lhs.results.map(\.change) == rhs.results.map(\.change)
            && lhs.results.map(\.outcome) == rhs.results.map(\.outcome) && lhs.gateRefusals == rhs.gateRefusals
    }
}
