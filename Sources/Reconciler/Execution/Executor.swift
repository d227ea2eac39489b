import Logging
import Manifests

/// What an executor asks before each change: nil to start it, or the failure the change gets instead.
public typealias ChangeGate = @Sendable () async -> ReconcileFailure?

/// Applies a plan: walks it in dependency order (deletes in reverse), runs independent changes concurrently up to
/// `maxConcurrency`, and when a change fails, blocks the changes that depend on it while unrelated ones proceed.
/// It decides nothing about what to do: that is the plan's job, and the applier's to carry out.
public struct Executor: Sendable {
    /// Carries out each change.
    public let applier: any ChangeApplier
    /// How many changes may run at once (at least 1).
    public let maxConcurrency: Int
    /// Asked just before each change starts: nil lets it start; a failure is the change's outcome instead, with no
    /// AWS call (an apply whose lock was removed or replaced must not go on writing).
    public let gate: ChangeGate
    /// Every resource that depends on a given one directly, in this plan or not (the manifests' graph): a replaced
    /// resource is retired only when each of them moved in this plan (`retire`).
    public let dependents: @Sendable (ResourceAddress) -> [ResourceAddress]
    private let logger: Logger

    /// Creates an executor; `maxConcurrency` below 1 is treated as 1. Without `dependents`, those of the plan's
    /// changes are all there are.
    public init(
        applier: any ChangeApplier, maxConcurrency: Int = 4, gate: @escaping ChangeGate = { nil },
        dependents: @escaping @Sendable (ResourceAddress) -> [ResourceAddress] = { _ in [] },
        logger: Logger = Logger(label: "smsauth.executor")
    ) {
        self.applier = applier
        self.maxConcurrency = max(1, maxConcurrency)
        self.gate = gate
        self.dependents = dependents
        self.logger = logger
    }

    /// Executes `plan` and reports every change's outcome in plan order.
    ///
    /// Dependencies on resources outside the plan are treated as satisfied. Throws `GraphError.cycle` when the
    /// plan's dependencies form a cycle (nothing is applied then).
    public func execute(_ plan: Plan) async throws(GraphError) -> ExecutionReport {
        let addresses = Set(plan.changes.map(\.address))
        let edges = Dictionary(uniqueKeysWithValues: plan.changes.map { change in
            (change.address, change.dependencies.filter(addresses.contains))
        })
        var schedule = ExecutionSchedule(plan: plan, graph: try ResourceGraph(dependencies: edges).checked())
        var gateRefusals: Set<ResourceAddress> = []
        await withTaskGroup(of: (Int, Run).self) { group in
            var running = 0
            while !schedule.isFinished {
                while running < maxConcurrency, let index = schedule.nextReady() {
                    let change = schedule.changes[index]
                    running += 1
                    group.addTask { (index, await run(change)) }
                }
                guard let (index, run) = await group.next() else { break }
                running -= 1
                if run.refusedByGate { gateRefusals.insert(schedule.changes[index].address) }
                schedule.complete(index, with: run.outcome)
            }
        }
        var results = schedule.changes.enumerated().map { index, change in
            (change: change, outcome: schedule.outcomes[index] ?? .unchanged)
        }
        for index in results.indices {
            guard case .applied(var result) = results[index].outcome, let retirement = result.retirement else { continue }
            let left = await retire(retirement, of: results[index].change.address, results: results)
            result.warnings += left
            // A kept resource is another manifest's: the replaced one's status moves on to the new resource.
            result.retirementLeft = retirement.keptFor.isEmpty ? left.first : nil
            results[index].outcome = .applied(result)
        }
        return ExecutionReport(results: results, gateRefusals: gateRefusals)
    }

    /// Deletes what the replacement of `address` left (`Retirement`) when every change depending on it was applied or
    /// had nothing to do, and nothing depending on it is outside the plan (a pool the run did not plan still names
    /// the old one); otherwise, or when the gate refuses or the delete fails, leaves it, and returns the warning
    /// saying so (nothing when it was deleted). A kept one (`Retirement.keptFor`) is never deleted; the warning
    /// then says which dependents still use it.
    private func retire(_ retirement: Retirement, of address: ResourceAddress,
                        results: [(change: ResourceChange, outcome: ChangeOutcome)]) async -> [String] {
        let planned = Set(results.flatMap { [$0.change.address] + [$0.change.previousAddress].compactMap { $0 } })
        let unplanned = Set(dependents(address)).subtracting(planned).sorted().map { "\($0) (not in this run)" }
        let behind = unplanned + results.filter { $0.change.dependencies.contains(address) }.compactMap { result -> String? in
            // A suspended resource is left as it is (its outcome reads "unchanged"): it still names the old one.
            if result.change.action == .suspended { return "\(result.change.address) (suspended)" }
            switch result.outcome {
            case .applied, .unchanged: return nil
            case .refused: return "\(result.change.address) (refused)"
            case .blocked: return "\(result.change.address) (blocked)"
            case .failed: return "\(result.change.address) (failed)"
            }
        }
        let metadata: Logger.Metadata = ["resource": "\(address)", "retired": "\(retirement.what)"]
        if !retirement.keptFor.isEmpty {
            let names = retirement.keptFor.map(\.description).joined(separator: ", ")
            logger.info("old resource kept: other manifests name it", metadata: metadata)
            guard !behind.isEmpty else { return [] }
            return ["\(retirement.what) is kept (\(names) names it), and \(behind.joined(separator: ", ")) still uses it: "
                    + "they now use a resource of another manifest until they move to the new one"]
        }
        guard behind.isEmpty else {
            logger.warning("old resource left: dependents did not move", metadata: metadata)
            return ["\(retirement.what) is left in AWS, not deleted: \(behind.joined(separator: ", ")) still names it; "
                    + "a later reconcile deletes it once nothing does"]
        }
        if let refusal = await gate() {
            return ["\(retirement.what) is left in AWS: \(refusal.code): \(refusal.message); a later reconcile deletes it"]
        }
        do {
            try await retirement.delete()
            logger.info("old resource deleted", metadata: metadata)
            return []
        } catch {
            let failure = ReconcileFailure(classifying: error)
            logger.error("old resource not deleted", metadata: metadata.merging(["code": "\(failure.code)"]) { $1 })
            return ["\(retirement.what) is left in AWS: deleting it failed (\(failure.code): \(failure.message)); "
                    + "a later reconcile deletes it"]
        }
    }

    /// How one change ended, and whether the gate kept it from starting.
    private struct Run: Sendable {
        let outcome: ChangeOutcome
        var refusedByGate = false
    }

    /// One change: not started when the task is cancelled or the gate refuses it, else carried out.
    private func run(_ change: ResourceChange) async -> Run {
        if Task.isCancelled {
            return Run(outcome: .failed(ReconcileFailure(classifying: CancellationError())))
        }
        if let refusal = await gate() {
            logger.error("change not started", metadata: ["resource": "\(change.address)",
                                                          "action": "\(change.action.rawValue)",
                                                          "code": "\(refusal.code)"])
            return Run(outcome: .failed(refusal), refusedByGate: true)
        }
        return Run(outcome: await carryOut(change))
    }

    /// Carries out one change, turning `ChangeBlocked` into a blocked outcome and any other error into a classified
    /// failure.
    private func carryOut(_ change: ResourceChange) async -> ChangeOutcome {
        let metadata: Logger.Metadata = ["resource": "\(change.address)", "action": "\(change.action.rawValue)"]
        logger.info("applying change", metadata: metadata)
        do {
            let result = try await applier.apply(change)
            logger.info("applied change", metadata: metadata)
            return .applied(result)
        } catch let blocked as ChangeBlocked {
            logger.info("change blocked", metadata: metadata.merging(["reason": "\(blocked.reason)"]) { $1 })
            return .blocked(reason: blocked.reason, cause: blocked.cause)
        } catch {
            let failure = ReconcileFailure(classifying: error)
            var failureMetadata = metadata
            failureMetadata["code"] = "\(failure.code)"
            failureMetadata["retryable"] = "\(failure.isRetryable)"
            if let awsCode = failure.awsErrorCode { failureMetadata["awsErrorCode"] = "\(awsCode)" }
            logger.error("change failed", metadata: failureMetadata)
            return .failed(failure)
        }
    }
}
