@testable import Reconciler

/// Opens gates that applies wait on, so a test decides when each change finishes (no sleeps).
actor GateBoard {
    private var opened: Set<ResourceAddress> = []
    private var waiting: [ResourceAddress: CheckedContinuation<Void, Never>] = [:]

    /// Returns once `address` is opened (at once if it already is).
    func wait(for address: ResourceAddress) async {
        if opened.contains(address) { return }
        await withCheckedContinuation { waiting[address] = $0 }
    }

    /// Lets the apply of `address` finish.
    func open(_ address: ResourceAddress) {
        opened.insert(address)
        waiting.removeValue(forKey: address)?.resume()
    }
}

/// Records what the applier saw, in order, and how many applies ran at once.
actor ApplyLog {
    private(set) var events: [String] = []
    private(set) var running = 0
    private(set) var maxRunning = 0
    private let stream: AsyncStream<String>.Continuation

    /// A log that also yields every event to `stream`.
    init(stream: AsyncStream<String>.Continuation) {
        self.stream = stream
    }

    /// Records the start of an apply.
    func started(_ address: ResourceAddress) {
        running += 1
        maxRunning = max(maxRunning, running)
        record("start \(address)")
    }

    /// Records the end of an apply.
    func ended(_ address: ResourceAddress) {
        running -= 1
        record("end \(address)")
    }

    /// Addresses whose apply started, in order.
    var startedAddresses: [String] {
        events.filter { $0.hasPrefix("start ") }.map { String($0.dropFirst("start ".count)) }
    }

    /// Appends and yields one event.
    private func record(_ event: String) {
        events.append(event)
        stream.yield(event)
    }
}

/// A change applier that records calls, optionally waits on gates, and fails where told to.
struct FakeApplier: ChangeApplier {
    /// Where calls are recorded.
    let log: ApplyLog
    /// Gates to wait on, or nil to finish at once.
    let gates: GateBoard?
    /// Errors to throw per address.
    let failures: [ResourceAddress: any Error & Sendable]

    /// Logs the start, waits for the gate (if gated), logs the end, then fails or returns the change's name as id.
    func apply(_ change: ResourceChange) async throws -> AppliedResult {
        await log.started(change.address)
        if let gates { await gates.wait(for: change.address) }
        await log.ended(change.address)
        if let failure = failures[change.address] { throw failure }
        return AppliedResult(resource: ["id": change.address.name])
    }
}

/// A fake applier with its log and the stream of its events.
struct FakeApplierHarness {
    let applier: FakeApplier
    let log: ApplyLog
    let gates: GateBoard
    let events: AsyncStream<String>

    /// A harness whose applies wait for their gate when `gated`, and throw `failures[address]` when set.
    init(gated: Bool = false, failures: [ResourceAddress: any Error & Sendable] = [:]) {
        let (events, continuation) = AsyncStream<String>.makeStream()
        let log = ApplyLog(stream: continuation)
        let gates = GateBoard()
        self.applier = FakeApplier(log: log, gates: gated ? gates : nil, failures: failures)
        self.log = log
        self.gates = gates
        self.events = events
    }
}

/// A classified error for tests.
struct TestReconcileError: ReconcileError {
    let code: String
    let message: String
    let isRetryable: Bool
    let awsErrorCode: String?
}

/// An error that is not a `ReconcileError` and whose description holds something that must not leak.
struct OpaqueError: Error {
    let detail = "secret=hunter2"
}
