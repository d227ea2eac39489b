import AWSCore
import Foundation
import Logging
import Manifests
import Reconciler

/// Reading the desired state (the manifest folder, through the prune guard) and full syncs.
extension GitOpsController {
    /// Reads the directory (file events, a prune-delay deadline) and queues the keys that changed (with a selector,
    /// those of selected manifests: nothing else is reconciled); the first valid read starts a full sync instead.
    func readAndQueueChanges() async {
        guard let changed = await readDesiredState(orphans: []) else { return }
        guard hasGoodState else {
            await requestFullSync(reason: "first valid directory")
            return
        }
        let selected = engine.selectedAddresses(in: snapshot.load).map(changed.intersection) ?? changed
        guard !selected.isEmpty else { return }
        logger.info("manifests changed", metadata: ["keys": "\(selected.sorted().map(\.description))"])
        for key in selected.sorted() { await queue.add(key) }
    }

    /// Reads and validates the directory. A valid read goes through the prune guard and becomes the desired state;
    /// returns the keys to reconcile because of it (changed, added, confirmed removals and their dependents, with
    /// `--selector` the manifests it took in and what an unselected manifest names or named when that changed
    /// (`ManifestSnapshot.selectionChanges`), keys released from a hold that an earlier read affected; never a held
    /// key: `PruneGuard.queueable`), and clears their terminal marks. An invalid read changes nothing and returns
    /// nil. `orphans`: status files without manifest.
    func readDesiredState(orphans: Set<ResourceAddress>) async -> Set<ResourceAddress>? {
        switch source.read(previous: snapshot) {
        case .invalid(let errors):
            await reportInvalid(errors)
            return nil
        case .valid(let read):
            metrics.manifestErrors(0)
            readiness.setManifestProblem(nil)
            if !markedInvalid.isEmpty {
                await ManifestErrorStatus(store: engine.statusStore, identity: engine.options.identity)
                    .clear(markedInvalid, now: Date())
                markedInvalid = []
            }
            let admission = pruneGuard.admit(read: read, current: snapshot, orphans: orphans, now: clock.now(),
                                             allowRemovals: statusProblem == nil)
            let old = snapshot
            snapshot = admission.desired
            logHolds(admission)
            scheduleConfirmation(at: admission.nextCheck)
            var affected = snapshot.affectedKeys(since: old).union(admission.confirmedRemovals)
            if let selector = engine.options.selector {
                affected.formUnion(snapshot.selectionChanges(since: old, selector: selector))
            }
            let queueable = pruneGuard.queueable(affected)
            // What a read affected is tried again, whether a file event or a resync read it first (a change the
            // resync saw first, its event still in the debounce or missed, must not wait for another).
            for key in queueable { terminal.removeValue(forKey: key) }
            return queueable
        }
    }

    /// Logs, counts and marks in the status the errors of an invalid directory.
    private func reportInvalid(_ errors: [Diagnostic]) async {
        metrics.manifestErrors(errors.count)
        readiness.setManifestProblem(errors.first.map { "\($0.description)" + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "") })
        for error in errors.prefix(20) {
            logger.error("invalid manifest; keeping the last valid desired state",
                         metadata: ["diagnostic": "\(error.description)", "code": "\(error.code)"])
        }
        let files = Set(errors.compactMap { $0.location?.file })
        markedInvalid.formUnion(await ManifestErrorStatus(store: engine.statusStore, identity: engine.options.identity)
            .mark(snapshot.addresses(inFiles: files), files: snapshot.files, diagnostics: errors, now: Date()))
    }

    /// One line per key newly held and per confirmed removal; the pending-removals gauge.
    private func logHolds(_ admission: PruneGuard.Admission) {
        metrics.pendingRemovals(pruneGuard.held.count)
        for key in admission.newlyHeld.sorted() {
            let missing = pruneGuard.held[key]?.observed == nil
            logger.info("pending removal; waiting for the prune delay before acting on it", metadata: [
                "resource": "\(key)", "kind": "\(key.kind.rawValue)",
                "reason": "\(missing ? "manifest missing" : "its file has fewer documents than before")",
                "prune_delay_ms": "\(Self.milliseconds(settings.pruneDelay))",
            ])
        }
        for key in admission.confirmedRemovals.sorted() {
            logger.info("removal confirmed by a second read; reconciling it",
                        metadata: ["resource": "\(key)", "kind": "\(key.kind.rawValue)"])
        }
        if statusProblem != nil, !pruneGuard.missingKeys.isEmpty {
            logger.warning("status folder unreadable: removals are not acted on until it can be read again")
        }
    }

    /// Makes sure the directory is read again at `deadline` (the earliest held key's confirmation time).
    private func scheduleConfirmation(at deadline: Duration?) {
        guard let deadline else {
            confirmation?.task.cancel()
            confirmation = nil
            return
        }
        if let confirmation, confirmation.deadline <= deadline { return }
        confirmation?.task.cancel()
        let clock = clock
        let task = Task { [weak self] in
            do {
                try await clock.sleep(until: deadline)
            } catch {
                return
            }
            await self?.confirmationDue()
        }
        confirmation = (task, deadline)
    }

    /// The prune delay of a held key passed: read the directory again.
    private func confirmationDue() async {
        confirmation = nil
        logger.debug("prune delay passed; reading the manifest directory again")
        await readAndQueueChanges()
    }

    /// Starts a full sync now, or (one is running: full syncs never overlap) when the running one completes.
    func requestFullSync(reason: String) async {
        guard fullSyncRemaining == nil else {
            if reason == "resync" && !warnedStretchedResync {
                warnedStretchedResync = true
                logger.warning("the resync period is shorter than one full sync; each resync starts when the previous one has completed",
                               metadata: ["resync_period_ms": "\(Self.milliseconds(settings.resyncPeriod))"])
            }
            followUpSync = followUpSync ?? reason
            return
        }
        await fullSync(reason: reason)
    }

    /// Reads the status folder and the manifest folder anew (re-pointing the watcher if DIR's symlinks moved) and
    /// queues every key (with a selector, those of the selected manifests), except held ones and terminal ones that
    /// this read did not affect (`readDesiredState`: see `ManifestSnapshot.affectedKeys` and `selectionChanges`, and
    /// keys whose hold ended after a read affected them); the account id is looked up again by the first reconcile,
    /// so the credentials are checked once per full sync.
    private func fullSync(reason: String) async {
        await accountCache?.forget()
        watcher?.refresh()
        let orphans = readStatusFolder()
        let changed = await readDesiredState(orphans: orphans)
        guard hasGoodState || changed != nil else { return }
        hasGoodState = true
        let confirmed = changed?.subtracting(snapshot.addresses) ?? []
        var keys = snapshot.addresses.union(confirmed).subtracting(pruneGuard.heldKeys)
        if let selected = engine.selectedAddresses(in: snapshot.load) { keys.formIntersection(selected) }
        keys = keys.filter { key in
            guard let hash = terminal[key] else { return true }
            return hash != snapshot.hashes[key]
        }
        logger.info("full sync", metadata: ["reason": "\(reason)", "keys": "\(keys.count)"])
        fullSyncRemaining = keys
        fullSyncTotal = keys.count
        fullSyncFailed = false
        updateSyncProgress()
        if keys.isEmpty {
            await checkCredentials()
            return
        }
        for key in keys.sorted() { await queue.add(key) }
    }

    /// Reads every status file: their addresses (the orphans among them are removals), and the phases gauge. A
    /// status folder that cannot be read (a corrupt file, no permission) is an error, as for `reconcile`: logged,
    /// on `/readyz` and in `smsauth_status_errors`, and no removal is acted on until it can be read.
    private func readStatusFolder() -> Set<ResourceAddress> {
        do {
            let statuses = try engine.statusStore.readAll()
            if statusProblem != nil { logger.info("status folder readable again") }
            statusProblem = nil
            publishStatusProblem(errors: unwritten.problem == nil ? 0 : 1)
            phases = Dictionary(statuses.map { ($0.address, $0.phase) }, uniquingKeysWith: { first, _ in first })
            recordPhases()
            return Set(statuses.map(\.address))
        } catch {
            statusProblem = error.description
            publishStatusProblem(errors: 1)
            logger.error("status folder unreadable; no removal is acted on until it can be read",
                         metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            return []
        }
    }

    /// Marks one key of the running full sync reconciled (`failed`: not successfully).
    func fullSyncReconciled(_ key: ResourceAddress, failed: Bool) async {
        guard fullSyncRemaining?.remove(key) != nil else { return }
        if failed { fullSyncFailed = true }
        updateSyncProgress()
        await finishFullSyncIfDone()
    }

    /// The first full sync's progress, for `/readyz`.
    private func updateSyncProgress() {
        guard !readiness.current.initialSyncDone, let remaining = fullSyncRemaining else { return }
        readiness.setInitialSyncProgress(done: fullSyncTotal - remaining.count, total: fullSyncTotal)
    }

    /// Ends the full sync once every key of it was reconciled once; then starts the one asked for meanwhile.
    private func finishFullSyncIfDone() async {
        guard let remaining = fullSyncRemaining, remaining.isEmpty else { return }
        fullSyncRemaining = nil
        if !fullSyncFailed { metrics.fullSyncSucceeded(at: Date()) }
        readiness.markInitialSyncDone()
        logger.info("full sync done", metadata: ["keys": "\(fullSyncTotal)", "all_succeeded": "\(!fullSyncFailed)"])
        guard let reason = followUpSync else { return }
        followUpSync = nil
        await fullSync(reason: reason)
    }

    /// With nothing to reconcile, a full sync still checks the AWS credentials (STS GetCallerIdentity through a
    /// plan of no resources), so `/readyz` means what it says.
    private func checkCredentials() async {
        do {
            _ = try await engine.plan(snapshot.load, defaultRegion: defaultRegion, focus: [])
            readiness.setCredentials(.valid)
            fullSyncRemaining = []
            await finishFullSyncIfDone()
        } catch {
            recordCredentials(error)
            logger.error("credentials check failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            fullSyncRemaining = nil
        }
    }

    /// Records a failed account lookup on `/readyz` (throttling apart from other failures).
    func recordCredentials(_ error: ReconcileEngineError) {
        guard case .accountLookupFailed(let failure) = error else { return }
        if let code = failure.awsErrorCode, RetryClassifier.throttlingCodes.contains(code) {
            readiness.setCredentials(.throttled(code: code))
        } else {
            readiness.setCredentials(.failed("\(failure.code): \(failure.message)"))
        }
    }

    /// Whole milliseconds of `duration`, for logs.
    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
