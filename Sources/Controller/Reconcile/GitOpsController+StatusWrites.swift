import Manifests
import Reconciler

/// Status records an apply could not write are an error, never a silence.
extension GitOpsController {
    /// After an apply of `batch` (of which `retried` are reconciled again): records the state store refused or failed to write are logged, counted in
    /// `smsauth_status_errors` and put on `/readyz` (the batch's keys are retried: `OutcomeClassifier`), until applies
    /// have written the records of all those keys again (`UnwrittenRecords`). A write refused because another
    /// process changed the state document since this controller read it (an edit by hand, a writer that ignored the
    /// lease) makes it read the document again, so that the retries write on top of what is stored now; they rewrite
    /// their records from what AWS has.
    func recordStatusWrites(_ errors: [StatusStoreError], batch: Set<ResourceAddress>,
                            retried: Set<ResourceAddress>) async {
        let cleared = unwritten.record(errors, batch: batch, retried: retried)
        guard !errors.isEmpty else {
            if cleared {
                logger.info("status records written again")
                publishStatusProblem(errors: 0)
            }
            return
        }
        for error in errors {
            logger.error("status record not written; the resources are reconciled again",
                         metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        }
        publishStatusProblem(errors: errors.count)
        if let stored = errors.lazy.compactMap(Self.supersedingGeneration).first, let reclaim {
            // The state names a higher generation than this leader's while the lease is still its own (a hand
            // edit): the lease is the judge, so the leader goes above it and claims the state again. A leader
            // really deposed cannot: its lease write is refused and it stands by.
            do {
                try await reclaim(stored)
                logger.warning("the state was claimed by a higher lease generation than this leader's; claimed it again",
                               metadata: ["stored": "\(stored)"])
            } catch {
                logger.error("the state was claimed by a higher lease generation; not claimed again",
                             metadata: ["stored": "\(stored)", "error": "\(error)"])
            }
            return
        }
        guard errors.contains(where: Self.isChangedElsewhere) else { return }
        do {
            try await engine.statusStore.reload()
            logger.warning("the state was changed by another process; read it again",
                           metadata: ["location": "\(engine.statusStore.location)"])
        } catch {
            logger.error("the state cannot be read again", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        }
    }

    /// The status problems `/readyz` shows (the folder's and the writes'), and `smsauth_status_errors`.
    func publishStatusProblem(errors: Int) {
        readiness.setStatusProblem(statusProblem)
        readiness.setStatusWriteProblem(unwritten.problem)
        metrics.statusErrors(statusProblem == nil ? errors : max(errors, 1))
    }

    /// The generation that claimed the state when `error` is a write refused because of it.
    private static func supersedingGeneration(_ error: StatusStoreError) -> Int? {
        if case .superseded(_, let stored, _) = error { return stored }
        return nil
    }

    /// Whether `error` is a write refused because the stored document changed since it was read.
    private static func isChangedElsewhere(_ error: StatusStoreError) -> Bool {
        if case .state(_, .preconditionFailed) = error { return true }
        return false
    }
}
