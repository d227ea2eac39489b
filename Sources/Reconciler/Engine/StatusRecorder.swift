import Foundation
import Manifests

/// Turns the outcome of an applied run into status files: one per resource that is still managed, written
/// atomically; the files of removed resources that were deleted, released (retained) or are already gone are
/// removed. A renamed resource's status is written under its new name first, then the old file is removed (the new
/// one carries everything the old one recorded, so a crash in between leaves two files naming one resource, which
/// the next plan releases, never deletes); a rename carried out after an earlier run moved its file
/// (`ReadTarget.formerAddress`) removes nothing, since whatever file has the old address now is not its own.
/// Status files of another manifest set (`PlannedRun.foreignStatuses`) are left as they are, and none is written for
/// `PlannedRun.unrecorded`; every file written records the run's owner and folder.
struct StatusRecorder {
    /// The status files.
    let store: StatusStore
    /// The time recorded for this run.
    let now: Date
    /// Who the run acts for.
    let identity: RunIdentity

    /// Writes or removes every status of `run`; `after` holds what was read again after applying. The record of each
    /// applied change is persisted before the next one (for an S3 state, one conditional write of the state object
    /// each), the records of unchanged, refused or blocked resources once at the end. A suspended resource's status
    /// is written with phase `Suspended` and its spec hash unchanged (it was not reconciled), and kept even when its
    /// manifest was removed.
    func record(run: PlannedRun, report: ExecutionReport, after: [ResourceAddress: Observation]) async -> AppliedRun {
        var released: [ResourceAddress] = []
        var errors: [StatusStoreError] = []
        // Once the gate refused a change (the apply's lock was lost), another writer may hold the state: only what
        // this run carried out is recorded, nothing it merely planned, so that no record of the other is overwritten.
        let onlyWhatRan = !report.gateRefusals.isEmpty
        for (change, outcome) in report.results where !onlyWhatRan || report.ran(change.address) {
            guard let target = run.targets[change.address], run.foreignStatuses[change.address] == nil,
                  !run.unrecorded.contains(change.address) else { continue }
            do throws(StatusStoreError) {
                if target.desired == nil, change.action != .suspended, Self.releases(outcome) {
                    try store.delete(change.address)
                    if change.action == .retain { released.append(change.address) }
                } else {
                    let observed = after[change.address] ?? (try? run.observations[change.address]?.get())
                    let claimed = (try? run.observations[change.address]?.get())?.presence == .legacy
                    try store.write(status(for: target, change: change, outcome: outcome, observed: observed,
                                           claimed: claimed))
                    if let previous = change.previousAddress, previous != target.formerAddress {
                        try store.delete(previous)
                    }
                }
                if case .applied = outcome { try await store.persist() }
            } catch {
                errors.append(error)
            }
        }
        do throws(StatusStoreError) {
            try await store.persist()
        } catch {
            errors.append(error)
        }
        return AppliedRun(plan: run.plan, report: report, released: released, statusErrors: errors,
                          readFailures: run.readFailures)
    }

    /// Whether the run succeeded for the resource (applied, or nothing to do); for a removed resource, whether its
    /// status goes away: it was deleted or released, or nothing is left to manage.
    private static func releases(_ outcome: ChangeOutcome) -> Bool {
        switch outcome {
        case .applied, .unchanged: true
        case .refused, .blocked, .failed: false
        }
    }

    /// The new status of `target`; `claimed` when the change claimed a legacy resource (its tag update is not
    /// drift).
    func status(for target: ReadTarget, change: ResourceChange, outcome: ChangeOutcome,
                observed: Observation?, claimed: Bool) -> ResourceStatus {
        let previous = target.status
        let currentHash = target.desired.map { SpecHash.of($0.manifest) } ?? previous?.specHash ?? ""
        var status = previous ?? ResourceStatus(kind: change.address.kind, name: change.address.name,
                                                specHash: currentHash)
        let suspended = change.action == .suspended
        let succeeded = Self.releases(outcome) && !suspended
        status.drift = claimed ? [] : drift(change: change, target: target, outcome: outcome)
        if succeeded {
            status.specHash = currentHash
            if let desired = target.desired { status.managedFields = ManagedPaths.of(desired.manifest) }
        }
        status.phase = suspended ? .suspended
            : status.drift.contains { !$0.corrected } ? .drifted : phase(of: outcome, observed: observed)
        status.resource = resource(outcome: outcome, observed: observed, previous: previous)
        status.lastReconcileTime = now
        if case .applied = outcome { status.lastAppliedTime = now }
        if case .failed(let failure) = outcome { status.lastError = ErrorRecord(failure) }
        if succeeded { status.lastError = nil }
        if let onDelete = target.desired?.policy.onDelete.value { status.onDelete = onDelete }
        status.owner = identity.owner
        status.folder = identity.folder
        status.renamedFrom = Self.renamedFrom(previous: previous, change: change, succeeded: succeeded)
        let (reason, message) = suspended ? ("Suspended", change.reason ?? "suspended")
            : Self.explanation(of: outcome, phase: status.phase, observed: observed)
        status.setCondition(type: "Ready", status: status.phase == .ready ? .isTrue : .isFalse, reason: reason,
                            message: message, now: now)
        status.setCondition(type: "Synced", status: succeeded ? .isTrue : .isFalse, reason: reason, message: message,
                            now: now)
        status.recordRun(HistoryEntry(time: now, action: change.action, result: outcome.result))
        return status
    }

    /// The address whose ownership tags the resource may still carry: none once a run succeeded for it (a rename's
    /// tags are written); else the one a rename not carried out came from, the earliest of a chain (`a` renamed to
    /// `b` and then `c` while held keeps `a`'s tags), never the resource's own.
    private static func renamedFrom(previous: ResourceStatus?, change: ResourceChange,
                                    succeeded: Bool) -> ResourceAddress? {
        guard !succeeded, let former = previous?.renamedFrom ?? change.previousAddress,
              former != change.address else { return nil }
        return former
    }

    /// Ready or Pending (from the live state, or an old resource a replacement left) after success; Refused, Blocked
    /// or Error otherwise.
    private func phase(of outcome: ChangeOutcome, observed: Observation?) -> StatusPhase {
        switch outcome {
        case .applied(let result) where result.retirementLeft != nil: .pending
        case .applied, .unchanged:
            observed?.needsAttention == true ? .needsAttention : observed?.pendingMessage == nil ? .ready : .pending
        case .refused: .refused
        case .blocked: .blocked
        case .failed: .error
        }
    }

    /// The resource's ids and ARNs: as read after the change (with any output only the apply knew, such as the
    /// content hash of a Registration's uploaded attachment, which AWS does not return), else as the apply returned
    /// them, else as last known.
    private func resource(outcome: ChangeOutcome, observed: Observation?,
                          previous: ResourceStatus?) -> [String: String] {
        if let observed, observed.presence != .absent {
            guard case .applied(let result) = outcome else { return observed.outputs }
            return observed.outputs.merging(result.resource) { read, _ in read }
        }
        if case .applied(let result) = outcome, !result.resource.isEmpty { return result.resource }
        return previous?.resource ?? [:]
    }

    /// The drift records of `change` (`Drift.fields`): `before` is the live value found, `after` the manifest's
    /// (as in the plan); corrected when the change was applied.
    private func drift(change: ResourceChange, target: ReadTarget, outcome: ChangeOutcome) -> [DriftRecord] {
        let corrected = if case .applied = outcome { true } else { false }
        return Drift.fields(of: change, target: target).map {
            DriftRecord(field: $0.path, before: $0.before, after: $0.after, corrected: corrected, detectedAt: now)
        }
    }

    /// The condition reason and message for an outcome.
    private static func explanation(of outcome: ChangeOutcome, phase: StatusPhase,
                                    observed: Observation?) -> (String, String) {
        switch outcome {
        case .applied where phase == .needsAttention, .unchanged where phase == .needsAttention:
            ("NeedsAttention", observed?.pendingMessage ?? "")
        case .applied(let result) where result.retirementLeft != nil: ("Pending", result.retirementLeft ?? "")
        case .applied: phase == .pending ? ("Pending", observed?.pendingMessage ?? "") : ("Applied", "changes applied")
        case .unchanged where phase == .drifted: ("Drifted", ReportedDrift.reason)
        case .unchanged: phase == .pending ? ("Pending", observed?.pendingMessage ?? "") : ("UpToDate", "no changes needed")
        case .refused(let reason): ("Refused", reason)
        case .blocked(let reason, _): ("Blocked", reason)
        case .failed(let failure): ("ApplyFailed", failure.message)
        }
    }
}
