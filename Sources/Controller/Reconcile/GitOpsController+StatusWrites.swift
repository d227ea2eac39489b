import Reconciler

/// Status records an apply could not write are an error, never a silence.
extension GitOpsController {
    /// After an apply: records the state store refused or failed to write are logged, counted in
    /// `smsauth_status_errors` and put on `/readyz` (the batch's keys are retried: `OutcomeClassifier`), until an apply
    /// writes its records again. A write refused because another process changed the state document since this
    /// controller read it (an edit by hand, a writer that ignored the lease) makes it read the document again, so
    /// that the retries write on top of what is stored now; they rewrite their records from what AWS has.
    func recordStatusWrites(_ errors: [StatusStoreError]) async {
        guard let first = errors.first else {
            if statusWriteProblem != nil {
                logger.info("status records written again")
                statusWriteProblem = nil
                publishStatusProblem(errors: 0)
            }
            return
        }
        for error in errors {
            logger.error("status record not written; the resources are reconciled again",
                         metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        }
        statusWriteProblem = "status records not written (\(first.code)): \(first.message)"
        publishStatusProblem(errors: errors.count)
        guard errors.contains(where: Self.isChangedElsewhere) else { return }
        do {
            try await engine.statusStore.reload()
            logger.warning("the state was changed by another process; read it again",
                           metadata: ["location": "\(engine.statusStore.location)"])
        } catch {
            logger.error("the state cannot be read again", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        }
    }

    /// The status problem `/readyz` shows (the folder's, else the writes'), and `smsauth_status_errors`.
    func publishStatusProblem(errors: Int) {
        readiness.setStatusProblem(statusProblem ?? statusWriteProblem)
        metrics.statusErrors(statusProblem == nil ? errors : max(errors, 1))
    }

    /// Whether `error` is a write refused because the stored document changed since it was read.
    private static func isChangedElsewhere(_ error: StatusStoreError) -> Bool {
        if case .state(_, .preconditionFailed) = error { return true }
        return false
    }
}
