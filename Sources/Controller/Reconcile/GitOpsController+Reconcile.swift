import Foundation
import Logging
import Manifests
import Reconciler

/// One reconcile of a batch of keys, and what the queue does with each key afterwards.
extension GitOpsController {
    /// Plans the keys (and what they depend on) from `admitted`, the desired state and prune-delay holds their
    /// closures were computed from when the batch was admitted, applies their changes, and requeues each key by its
    /// outcome (the worker pool marks them done). A newer desired state has queued its own changes, which wait for
    /// this batch when they touch its closures, so the batch never does more than `DependencyGate` holds for it.
    /// Several batches may be in flight at once (the actor is free while the engine works); the gate keeps them
    /// apart. What a key brings into its run is reconciled with it (`HandlerRegistry.reconcileScope`: a role's
    /// pools, a removed resource's possible users), so that they move off an old or removed resource before it is
    /// deleted.
    func reconcile(_ batch: [ResourceAddress], in admitted: AdmittedState) async {
        let started = ContinuousClock.now
        let current = admitted.snapshot
        // What a key brings into its run, without the keys held for the prune delay (they are not reconciled).
        let keys = engine.registry.reconcileScope(of: Set(batch), graph: current.graph)
            .subtracting(admitted.heldKeys).union(batch)
        let outcomes: [ResourceAddress: KeyOutcome]
        do {
            let planned = try await engine.plan(current.load, defaultRegion: defaultRegion, focus: keys,
                                                pendingRemovals: admitted.missingKeys)
            readiness.setCredentials(.valid)
            let applied = try await engine.apply(planned, only: keys)
            let store = engine.statusStore
            outcomes = OutcomeClassifier.classify(keys: keys, planned: planned, applied: applied) { key in
                (try? store.read(key))?.phase
            }
            // The keys whose records were not written are retried (`OutcomeClassifier`); a terminal one is not.
            await recordStatusWrites(applied.statusErrors, batch: keys,
                                     retried: keys.filter { if case .terminal = outcomes[$0] { false } else { true } })
            metrics.drift(OutcomeClassifier.drift(keys: keys, planned: planned, applied: applied))
            logActions(applied, planned: planned, keys: keys)
            updatePhases(keys.union(applied.report.results.map(\.change.address)))
        } catch {
            recordCredentials(error)
            logger.error("reconcile failed before planning", metadata: [
                "code": "\(error.code)", "error": "\(error.message)", "keys": "\(keys.count)",
            ])
            outcomes = OutcomeClassifier.classify(keys: keys, engineError: error)
        }
        let elapsed = ContinuousClock.now - started
        metrics.reconcileDuration(elapsed)
        // What the batch's keys brought in settles as they do: one that failed is retried.
        for key in batch + keys.subtracting(batch).sorted() {
            let outcome = outcomes[key] ?? .succeeded(pending: false)
            await settle(key, outcome: outcome, hash: current.hashes[key], elapsed: elapsed)
            for dependent in waiting.record(key, outcome: outcome, closure: { current.dependencyClosure(of: $0) }) {
                logger.debug("dependency reconciled; queueing its dependent",
                             metadata: ["resource": "\(dependent)", "dependency": "\(key)"])
                await queue.add(dependent)
            }
        }
        metrics.queueDepth(await queue.length)
        recordPhases()
    }

    /// The message of `key`'s `Ready` condition in its status file (what it waits for), nil without one.
    private func statusMessage(_ key: ResourceAddress) -> String? {
        (try? engine.statusStore.read(key))?.conditions.first { $0.type == "Ready" }?.message
    }

    /// Logs, counts and requeues one key.
    private func settle(_ key: ResourceAddress, outcome: KeyOutcome, hash: String?, elapsed: Duration) async {
        var metadata: Logger.Metadata = [
            "resource": "\(key)", "kind": "\(key.kind.rawValue)", "result": "\(outcome.metricLabel)",
            "duration_ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ]
        metrics.reconciled(kind: key.kind.rawValue, outcome: outcome)
        switch outcome {
        case .succeeded(let pending):
            await queue.forget(key)
            terminal.removeValue(forKey: key)
            if pending { await queue.add(key, after: settings.pendingPoll(for: key.kind, message: statusMessage(key))) }
            logger.debug("reconciled", metadata: metadata)
        case .waiting(let reason):
            await queue.add(key, after: settings.pendingPoll(for: key.kind))
            metadata["reason"] = "\(reason)"
            logger.info("waiting", metadata: metadata)
        case .retry(let code):
            await queue.addRateLimited(key)
            metadata["code"] = "\(code)"
            metadata["failures"] = "\(await queue.failures(key))"
            logger.warning("reconcile failed; retrying with backoff", metadata: metadata)
        case .terminal(let code, let retryAt?):
            await queue.forget(key)
            let wait = max(0, retryAt.timeIntervalSinceNow)
            await queue.add(key, after: .milliseconds(Int64((wait * 1000).rounded(.up))))
            metadata["code"] = "\(code)"
            metadata["retry_at"] = "\(ISO8601DateFormatter().string(from: retryAt))"
            logger.warning("reconcile refused until a known time; looking again then or at the next resync",
                           metadata: metadata)
        case .terminal(let code, nil):
            await queue.forget(key)
            terminal[key] = hash
            metadata["code"] = "\(code)"
            logger.error("reconcile failed; waiting for a manifest change", metadata: metadata)
        }
        await fullSyncReconciled(key, failed: outcome.isFailure)
    }

    /// One info line per change carried out for the keys (`drift corrected`, with the fields, when it put back
    /// fields changed out of band), and one warning per refusal with its reason.
    private func logActions(_ applied: AppliedRun, planned: PlannedRun, keys: Set<ResourceAddress>) {
        for (change, outcome) in applied.report.results {
            var metadata: Logger.Metadata = [
                "resource": "\(change.address)", "kind": "\(change.address.kind.rawValue)",
                "action": "\(change.action.rawValue)", "requested": "\(keys.contains(change.address))",
            ]
            switch outcome {
            case .refused(let reason):
                metadata["reason"] = "\(reason)"
                logger.warning("refused", metadata: metadata)
            case .applied where change.action.isApplied:
                let drift = planned.targets[change.address].map { Drift.fields(of: change, target: $0) } ?? []
                guard !drift.isEmpty else {
                    logger.info("applied", metadata: metadata)
                    continue
                }
                metadata["fields"] = "\(drift.map(\.path).joined(separator: ","))"
                logger.info("drift corrected", metadata: metadata)
            default:
                continue
            }
        }
    }

    /// Reads the phase of `addresses` again from their status files (none: the resource is gone).
    private func updatePhases(_ addresses: Set<ResourceAddress>) {
        let store = engine.statusStore
        for address in addresses {
            guard let status = try? store.read(address) else {
                phases.removeValue(forKey: address)
                continue
            }
            phases[address] = status.phase
        }
    }

    /// Sets the resources-by-phase gauge from the phases known (all read at each full sync, then the ones each
    /// reconcile wrote: reading every status file after every reconcile would cost more than the reconcile).
    func recordPhases() {
        var counts: [StatusPhase: Int] = [:]
        for phase in phases.values { counts[phase, default: 0] += 1 }
        metrics.resources(byPhase: counts)
    }
}
