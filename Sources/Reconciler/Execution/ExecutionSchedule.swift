import Manifests

/// The bookkeeping of one plan execution: which changes wait on which, which are ready, and how a failure
/// spreads to the changes that wait on it. Pure; the executor drives it.
///
/// A change other than a delete waits for its dependencies (that are not deletes); a delete waits for the deletes
/// of the resources that depend on it, so deletes run in reverse dependency order, and for the changes among its
/// own dependencies that move a user off it (an update, replace or rename: `UseOrder`). Changes the applier does not
/// get (`noop`, `refuse`, `blocked`) are resolved at once. A failed or blocked change blocks everything waiting on
/// it, transitively; other outcomes release the waiters.
struct ExecutionSchedule {
    /// The plan's changes, by index.
    let changes: [ResourceChange]
    private var waitingOn: [Set<Int>]
    private var waiters: [[Int]]
    private let rank: [Int]
    private var ready: [Int] = []
    private(set) var outcomes: [ChangeOutcome?]

    /// Builds the schedule for `plan`, whose dependency graph (restricted to the plan) is `graph`.
    init(plan: Plan, graph: ResourceGraph) {
        changes = plan.changes
        let indexOf = Dictionary(uniqueKeysWithValues: changes.enumerated().map { ($0.element.address, $0.offset) })
        let applyPosition = Dictionary(
            uniqueKeysWithValues: graph.applyOrder.enumerated().map { ($0.element, $0.offset) })
        waitingOn = Array(repeating: [], count: changes.count)
        waiters = Array(repeating: [], count: changes.count)
        outcomes = Array(repeating: nil, count: changes.count)
        let count = plan.changes.count
        rank = plan.changes.map { change in
            let position = applyPosition[change.address] ?? 0
            return change.action == .delete ? 2 * count - position : position
        }
        for (index, change) in changes.enumerated() where change.action.isApplied {
            let isDelete = change.action == .delete
            let related = isDelete ? graph.directDependents(of: change.address) : graph.dependencies(of: change.address)
            for other in related.compactMap({ indexOf[$0] }) where (changes[other].action == .delete) == isDelete {
                waitingOn[index].insert(other)
                waiters[other].append(index)
            }
            guard isDelete else { continue }
            for other in graph.dependencies(of: change.address).compactMap({ indexOf[$0] })
            where changes[other].action.movesUsers {
                waitingOn[index].insert(other)
                waiters[other].append(index)
            }
        }
        for (index, change) in changes.enumerated() where !change.action.isApplied {
            resolve(index, with: Self.immediateOutcome(of: change))
        }
        ready = changes.indices.filter { outcomes[$0] == nil && waitingOn[$0].isEmpty }
        ready.sort { rank[$0] > rank[$1] }
    }

    /// Whether every change has an outcome.
    var isFinished: Bool { outcomes.allSatisfy { $0 != nil } }

    /// Takes the ready change that comes first in apply (or delete) order.
    mutating func nextReady() -> Int? {
        ready.popLast()
    }

    /// Records the outcome of a change the executor ran; releases or blocks what waits on it.
    mutating func complete(_ index: Int, with outcome: ChangeOutcome) {
        resolve(index, with: outcome)
        ready.sort { rank[$0] > rank[$1] }
    }

    private mutating func resolve(_ index: Int, with outcome: ChangeOutcome) {
        guard outcomes[index] == nil else { return }
        outcomes[index] = outcome
        for waiter in waiters[index] where outcomes[waiter] == nil {
            if outcome.blocksDependents {
                resolve(waiter, with: blockedOutcome(after: index, outcome: outcome))
            } else {
                waitingOn[waiter].remove(index)
                if waitingOn[waiter].isEmpty { ready.append(waiter) }
            }
        }
    }

    /// Blocked because of `index`, naming the root cause (the change that failed or was blocked by the plan).
    private func blockedOutcome(after index: Int, outcome: ChangeOutcome) -> ChangeOutcome {
        if case .blocked(let reason, let cause?) = outcome { return .blocked(reason: reason, cause: cause) }
        let root = changes[index].address
        let verb = if case .failed = outcome { "failed" } else { "is blocked" }
        return .blocked(reason: "depends on \(root), which \(verb)", cause: root)
    }

    private static func immediateOutcome(of change: ResourceChange) -> ChangeOutcome {
        switch change.action {
        case .refuse: .refused(reason: change.reason ?? "refused")
        case .blocked: .blocked(reason: change.reason ?? "blocked", cause: nil)
        default: .unchanged
        }
    }
}
