import AWSCore
import CoreMetrics
import Foundation
import Prometheus
import Reconciler

/// The controller's Prometheus metrics, recorded through swift-metrics into a registry of its own (no global
/// bootstrap, so several controllers can live in one test process). `exposition()` is the `/metrics` body.
///
/// | Metric | Type | Labels |
/// |---|---|---|
/// | `smsauth_reconciles_total` | counter | `kind`, `result` (success, pending, retry, waiting, terminal) |
/// | `smsauth_reconcile_duration_seconds` | histogram | |
/// | `smsauth_aws_calls_total` | counter | `service`, `operation`, `code` (`OK` or the AWS error code) |
/// | `smsauth_retries_total` | counter | `kind` |
/// | `smsauth_drift_found_total`, `smsauth_drift_corrected_total` | counter | |
/// | `smsauth_queue_depth` | gauge | |
/// | `smsauth_resources` | gauge | `phase` |
/// | `smsauth_manifest_errors` | gauge | |
/// | `smsauth_status_errors` | gauge | |
/// | `smsauth_pending_removals` | gauge | |
/// | `smsauth_last_full_sync_timestamp_seconds` | gauge | |
/// | `smsauth_leader` | gauge | (with a lease: 1 while leading, else 0) |
/// | `smsauth_lease_generation` | gauge | (the generation last held) |
/// | `smsauth_lease_renewal_failures_total` | counter | |
public final class ControllerMetrics: Sendable {
    /// Where every metric lives.
    public let registry: PrometheusCollectorRegistry
    /// Makes swift-metrics handlers in `registry`.
    private let factory: PrometheusMetricsFactory

    /// Creates an empty registry; reconcile durations get buckets from 10 ms to 5 minutes.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300),
        ]
        self.factory = factory
        for name in ["smsauth_drift_found_total", "smsauth_drift_corrected_total"] {
            CoreMetrics.Counter(label: name, factory: factory).increment(by: 0)
        }
        gauge("smsauth_manifest_errors").record(0)
        gauge("smsauth_status_errors").record(0)
        gauge("smsauth_pending_removals").record(0)
        gauge("smsauth_queue_depth").record(0)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }

    /// Counts one reconciled key.
    public func reconciled(kind: String, outcome: KeyOutcome) {
        CoreMetrics.Counter(label: "smsauth_reconciles_total", dimensions: [("kind", kind), ("result", outcome.metricLabel)],
                factory: factory).increment()
        if case .retry = outcome {
            CoreMetrics.Counter(label: "smsauth_retries_total", dimensions: [("kind", kind)], factory: factory).increment()
        }
    }

    /// Records how long one reconcile (a batch of keys) took.
    public func reconcileDuration(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        CoreMetrics.Timer(label: "smsauth_reconcile_duration_seconds", factory: factory).recordNanoseconds(nanoseconds)
    }

    /// Counts one call of `operation` that ended with `code`.
    public func awsCall(_ operation: AWSOperation, code: String) {
        CoreMetrics.Counter(label: "smsauth_aws_calls_total",
                dimensions: [("service", operation.service), ("operation", operation.name), ("code", code)],
                factory: factory).increment()
    }

    /// Adds drift found and corrected.
    public func drift(_ count: DriftCount) {
        guard count.found > 0 else { return }
        CoreMetrics.Counter(label: "smsauth_drift_found_total", factory: factory).increment(by: Int64(count.found))
        CoreMetrics.Counter(label: "smsauth_drift_corrected_total", factory: factory).increment(by: Int64(count.corrected))
    }

    /// Sets the number of keys waiting in the work queue.
    public func queueDepth(_ depth: Int) {
        gauge("smsauth_queue_depth").record(depth)
    }

    /// Sets the number of resources in each phase (every phase, zero when none).
    public func resources(byPhase counts: [StatusPhase: Int]) {
        for phase in StatusPhase.allCases {
            CoreMetrics.Gauge(label: "smsauth_resources", dimensions: [("phase", phase.rawValue)], factory: factory)
                .record(counts[phase, default: 0])
        }
    }

    /// Sets the number of errors in the manifest directory (0 when it is valid).
    public func manifestErrors(_ count: Int) {
        gauge("smsauth_manifest_errors").record(count)
    }

    /// Sets whether the status folder could not be read at the last full sync (1) or could (0).
    public func statusErrors(_ count: Int) {
        gauge("smsauth_status_errors").record(count)
    }

    /// Sets the number of keys held back by the prune delay (removals and files cut short not yet confirmed).
    public func pendingRemovals(_ count: Int) {
        gauge("smsauth_pending_removals").record(count)
    }

    /// Records the time of the last full sync that succeeded.
    public func fullSyncSucceeded(at date: Date) {
        gauge("smsauth_last_full_sync_timestamp_seconds").record(date.timeIntervalSince1970)
    }

    /// Sets whether this controller leads (1) or waits as a standby (0), and the lease generation it last held.
    public func leader(_ leading: Bool, generation: Int?) {
        gauge("smsauth_leader").record(leading ? 1 : 0)
        if let generation { gauge("smsauth_lease_generation").record(generation) }
    }

    /// Counts a lease renewal that failed (the store was unavailable or conflicted; the lease may still hold).
    public func leaseRenewalFailed() {
        CoreMetrics.Counter(label: "smsauth_lease_renewal_failures_total", factory: factory).increment()
    }

    /// A gauge without labels.
    private func gauge(_ label: String) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: label, factory: factory)
    }
}
