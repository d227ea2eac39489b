import Foundation
import Reconciler
import Testing

@testable import Controller

/// Pure pieces of the loop: resync jitter, engine errors as key outcomes, metric labels, readiness reasons.
@Suite("Controller logic")
struct ControllerLogicTests {
    @Test(arguments: [(0.0, 600.0), (0.5, 630.0), (1.0, 660.0), (7.0, 660.0)])
    func resyncDelayAddsUpToTenPercent(random: Double, seconds: Double) {
        let settings = ControllerSettings(resyncPeriod: .seconds(600), resyncJitter: 0.1)
        #expect(settings.resyncDelay(random: random) == .milliseconds(Int64(seconds * 1000)))
    }

    static let key = ResourceAddress(kind: .userPool, name: "app")

    @Test(arguments: [
        (ReconcileEngineError.noRegion(key), KeyOutcome.terminal(code: "engine.noRegion")),
        (.invalidManifests(errors: 2), .terminal(code: "engine.invalidManifests")),
        (.accountLookupFailed(ReconcileFailure(code: "x", message: "m", isRetryable: false)),
         .retry(code: "engine.accountLookupFailed")),
    ])
    func engineErrorsBecomeOutcomes(error: ReconcileEngineError, expected: KeyOutcome) {
        #expect(OutcomeClassifier.classify(keys: [Self.key], engineError: error) == [Self.key: expected])
    }

    @Test(arguments: [
        (KeyOutcome.succeeded(pending: false), "success"), (.succeeded(pending: true), "pending"),
        (.retry(code: "x"), "retry"), (.waiting(reason: "r"), "waiting"), (.terminal(code: "x"), "terminal"),
    ])
    func metricLabels(outcome: KeyOutcome, label: String) {
        #expect(outcome.metricLabel == label)
    }

    /// Ready only with the first full pass done and working credentials; every reason not to be is named.
    @Test func readinessNamesEveryReason() {
        let readiness = Readiness()
        #expect(readiness.current.reasons == ["AWS credentials not verified yet", "initial sync not started"])
        readiness.setInitialSyncProgress(done: 2, total: 5)
        readiness.setCredentials(.throttled(code: "ThrottlingException"))
        #expect(readiness.current.reasons == ["AWS throttling (ThrottlingException) while verifying credentials",
                                              "initial sync in progress: 2 of 5"])
        readiness.markInitialSyncDone()
        readiness.setCredentials(.valid)
        #expect(readiness.isReady)
        readiness.setStatusProblem("status.unreadable: AppClient/web.json")
        readiness.setManifestProblem("a.yaml:1:1: error: bad")
        #expect(readiness.current.reasons == ["manifest folder invalid: a.yaml:1:1: error: bad",
                                              "status folder unreadable: status.unreadable: AppClient/web.json"])
        readiness.setStatusProblem(nil)
        readiness.setManifestProblem(nil)
        readiness.setCredentials(.failed("sts.denied: no"))
        #expect(readiness.current.reasons == ["AWS credentials not verified: sts.denied: no"])
    }

    @Test func aStandbySaysOnlyThatAndANewTermStartsNotReady() {
        let readiness = Readiness()
        readiness.markInitialSyncDone()
        readiness.setCredentials(.valid)
        #expect(readiness.isReady)
        readiness.setStandby("the lease is held by b on node-b (pid 7), generation 2")
        #expect(readiness.current.reasons == ["standby: the lease is held by b on node-b (pid 7), generation 2"])
        readiness.setLeading()
        #expect(readiness.current.reasons == ["AWS credentials not verified yet", "initial sync not started"])
    }

    /// A failure that says when it becomes possible is terminal with that time; without one, plainly terminal.
    @Test func waitingFailureIsTerminalWithItsTime() {
        let retryAt = Date(timeIntervalSince1970: 1_800_000_000)
        let waiting = ReconcileFailure(code: "sandboxNumber.deleteWaiting", message: "m", isRetryable: false,
                                       retryAt: retryAt)
        #expect(ReconcileFailure(classifying: waiting).retryAt == retryAt)
        #expect(KeyOutcome.terminal(code: "x", retryAt: retryAt).metricLabel == "terminal")
        #expect(KeyOutcome.terminal(code: "x", retryAt: retryAt).isFailure)
        #expect(!KeyOutcome.waiting(reason: "r").isFailure)
    }

    /// Reconcile counts, retries and drift appear in the exposition with their labels.
    @Test func metricsExposition() {
        let metrics = ControllerMetrics()
        metrics.reconciled(kind: "UserPool", outcome: .retry(code: "x"))
        metrics.drift(DriftCount(found: 2, corrected: 1))
        metrics.resources(byPhase: [.ready: 3])
        let text = metrics.exposition()
        for line in [#"smsauth_reconciles_total{kind="UserPool",result="retry"} 1"#,
                     #"smsauth_retries_total{kind="UserPool"} 1"#, "smsauth_drift_found_total 2",
                     "smsauth_drift_corrected_total 1", #"smsauth_resources{phase="Ready"} 3"#,
                     #"smsauth_resources{phase="Error"} 0"#, "smsauth_manifest_errors 0"] {
            #expect(text.contains(line), "\(line)\n\(text)")
        }
    }
}
