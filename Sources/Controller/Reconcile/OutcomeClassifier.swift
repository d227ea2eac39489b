import Manifests
import Reconciler

/// Turns what the engine did with a batch of keys into one `KeyOutcome` per key (pure, no I/O).
public enum OutcomeClassifier {
    /// The outcome of each key of `keys` after `applied` (planned as `planned`); `phase` reads a key's status
    /// phase after the run (nil when it has no status file). When status records could not be written, every key
    /// that did not fail otherwise is retried, so that its record is written once the state can be.
    public static func classify(keys: Set<ResourceAddress>, planned: PlannedRun, applied: AppliedRun,
                                phase: (ResourceAddress) -> StatusPhase?) -> [ResourceAddress: KeyOutcome] {
        let unreadable = Set(planned.readFailures)
        var outcomes: [ResourceAddress: KeyOutcome] = [:]
        for key in keys {
            guard let outcome = applied.report.outcome(for: key) else {
                outcomes[key] = .succeeded(pending: false)
                continue
            }
            switch outcome {
            case .applied, .unchanged:
                outcomes[key] = .succeeded(pending: [.pending, .needsAttention].contains(phase(key)))
            case .failed(let failure):
                outcomes[key] = failure.isRetryable
                    ? .retry(code: failure.code) : .terminal(code: failure.code, retryAt: failure.retryAt)
            case .refused:
                outcomes[key] = .terminal(code: "reconcile.refused")
            case .blocked(let reason, let cause):
                if cause != nil || unreadable.contains(key) {
                    outcomes[key] = .retry(code: "reconcile.blocked")
                } else {
                    outcomes[key] = .waiting(reason: reason)
                }
            }
        }
        guard let unwritten = applied.statusErrors.first else { return outcomes }
        return outcomes.mapValues { outcome in
            switch outcome {
            case .succeeded, .waiting: .retry(code: unwritten.code)
            case .retry, .terminal: outcome
            }
        }
    }

    /// The outcome of every key when the engine refused the whole run: configuration problems the manifests
    /// must fix are terminal; everything else (AWS account lookup, status folder) is retried with backoff.
    public static func classify(keys: Set<ResourceAddress>,
                                engineError: ReconcileEngineError) -> [ResourceAddress: KeyOutcome] {
        let outcome: KeyOutcome
        switch engineError {
        case .invalidManifests, .noRegion, .graph, .plan:
            outcome = .terminal(code: engineError.code)
        case .statusUnreadable, .accountLookupFailed, .rediscoveryFailed:
            outcome = .retry(code: engineError.code)
        }
        return Dictionary(uniqueKeysWithValues: keys.map { ($0, outcome) })
    }

    /// Drift among `keys` (`Drift.fields`); corrected when the update was applied.
    public static func drift(keys: Set<ResourceAddress>, planned: PlannedRun, applied: AppliedRun) -> DriftCount {
        var count = DriftCount()
        for (change, outcome) in applied.report.results where keys.contains(change.address) {
            guard let target = planned.targets[change.address],
                  !Drift.fields(of: change, target: target).isEmpty else { continue }
            count.found += 1
            if change.action == .update, case .applied = outcome { count.corrected += 1 }
        }
        return count
    }
}
