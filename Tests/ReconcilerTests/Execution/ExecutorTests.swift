import Manifests
import Testing
@testable import Reconciler

/// Executor order, bounded concurrency, failure blocking and error classification, against a fake applier.
@Suite("Executor", .timeLimit(.minutes(1)))
struct ExecutorTests {
    /// The address parsed from `Kind/name`.
    static func at(_ text: String) -> ResourceAddress {
        (try? ResourceAddress(parsing: text)) ?? ResourceAddress(kind: .userPool, name: "invalid")
    }

    /// A change of `address` depending on `dependencies` (with a reason when the action needs one).
    static func change(_ address: String, _ action: ChangeAction = .create, after dependencies: [String] = [],
                       reason: String? = nil) throws -> ResourceChange {
        try ResourceChange(address: at(address), action: action, reason: reason ?? (action.requiresReason ? "why" : nil),
                           dependencies: dependencies.map(at))
    }

    /// A role, a pool on it, a client and an MFA policy on the pool, and an independent sandbox number; listed
    /// in an order unrelated to the dependencies.
    static func cognitoPlan(_ action: ChangeAction = .create) throws -> Plan {
        try Plan(changes: [
            try change("SandboxNumber/ops", action),
            try change("MfaPolicy/qnatime", action, after: ["UserPool/qnatime"]),
            try change("AppClient/web", action, after: ["UserPool/qnatime"]),
            try change("UserPool/qnatime", action, after: ["SmsRole/cognito-sms"]),
            try change("SmsRole/cognito-sms", action),
        ])
    }

    @Test("with concurrency 1, changes run in graph apply order")
    func applyOrder() async throws {
        let harness = FakeApplierHarness()
        let plan = try Self.cognitoPlan()
        let report = try await Executor(applier: harness.applier, maxConcurrency: 1).execute(plan)
        #expect(await harness.log.startedAddresses == [
            "SmsRole/cognito-sms", "UserPool/qnatime", "AppClient/web", "MfaPolicy/qnatime", "SandboxNumber/ops",
        ])
        #expect(report.results.map(\.change) == plan.changes)
        #expect(report.outcome(for: Self.at("AppClient/web")) == .applied(AppliedResult(resource: ["id": "web"])))
        #expect(!report.hasFailures)
    }

    /// An apply whose lock is removed after its first change: the changes not yet started fail with the gate's
    /// failure and never reach the applier (before, the lock was checked once, before the first change).
    @Test("a gate that closes stops every change not yet started")
    func aClosedGateStopsTheRest() async throws {
        let harness = FakeApplierHarness()
        let plan = try Self.cognitoPlan()
        let lost = ReconcileFailure(code: "lock.lost", message: "the lock was removed", isRetryable: false)
        let gate: ChangeGate = { await harness.log.startedAddresses.isEmpty ? nil : lost }
        let report = try await Executor(applier: harness.applier, maxConcurrency: 1, gate: gate).execute(plan)
        #expect(await harness.log.startedAddresses == ["SmsRole/cognito-sms"])
        #expect(report.outcome(for: Self.at("SmsRole/cognito-sms")) == .applied(AppliedResult(resource: ["id": "cognito-sms"])))
        #expect(report.outcome(for: Self.at("SandboxNumber/ops")) == .failed(lost))
        #expect(report.outcome(for: Self.at("UserPool/qnatime")) == .failed(lost))
        #expect(report.hasFailures)
        // What the gate refused is told apart from what ran, for the status records.
        #expect(report.gateRefusals == [Self.at("UserPool/qnatime"), Self.at("SandboxNumber/ops")])
        #expect(report.ran(Self.at("SmsRole/cognito-sms")))
        #expect(!report.ran(Self.at("UserPool/qnatime")) && !report.ran(Self.at("AppClient/web")))
    }

    @Test("deletes run in reverse dependency order")
    func deleteOrder() async throws {
        let harness = FakeApplierHarness()
        _ = try await Executor(applier: harness.applier, maxConcurrency: 1).execute(try Self.cognitoPlan(.delete))
        #expect(await harness.log.startedAddresses == [
            "SandboxNumber/ops", "MfaPolicy/qnatime", "AppClient/web", "UserPool/qnatime", "SmsRole/cognito-sms",
        ])
    }

    @Test("with high concurrency, every change still starts only after its dependencies ended")
    func dependenciesRespected() async throws {
        let harness = FakeApplierHarness()
        let plan = try Self.cognitoPlan()
        _ = try await Executor(applier: harness.applier, maxConcurrency: 8).execute(plan)
        let events = await harness.log.events
        for change in plan.changes {
            let start = try #require(events.firstIndex(of: "start \(change.address)"))
            for dependency in change.dependencies {
                let end = try #require(events.firstIndex(of: "end \(dependency)"))
                #expect(end < start, "\(change.address) started before \(dependency) ended")
            }
        }
    }

    @Test("independent changes run at once, but never more than maxConcurrency")
    func boundedConcurrency() async throws {
        let harness = FakeApplierHarness(gated: true)
        let names = (1...5).map { "SandboxNumber/n\($0)" }
        let plan = try Plan(changes: try names.map { try Self.change($0) })
        let task = Task { try await Executor(applier: harness.applier, maxConcurrency: 2).execute(plan) }
        var events = harness.events.makeAsyncIterator()
        let firstTwo = Set([await events.next(), await events.next()])
        #expect(firstTwo == ["start SandboxNumber/n1", "start SandboxNumber/n2"])
        #expect(await harness.log.running == 2)
        #expect(await harness.log.startedAddresses.count == 2)
        for index in 1...5 {
            await harness.gates.open(Self.at("SandboxNumber/n\(index)"))
        }
        let report = try await task.value
        #expect(await harness.log.maxRunning == 2)
        #expect(Set(await harness.log.startedAddresses) == Set(names))
        #expect(report.results.allSatisfy { $0.outcome.result == .applied })
    }

    @Test("a change waits for its gated dependency while an unrelated change completes")
    func waitsForDependency() async throws {
        let harness = FakeApplierHarness(gated: true)
        let plan = try Plan(changes: [
            try Self.change("UserPool/p"), try Self.change("AppClient/c", after: ["UserPool/p"]),
            try Self.change("SandboxNumber/s"),
        ])
        let task = Task { try await Executor(applier: harness.applier, maxConcurrency: 4).execute(plan) }
        var events = harness.events.makeAsyncIterator()
        let firstTwo = Set([await events.next(), await events.next()])
        #expect(firstTwo == ["start UserPool/p", "start SandboxNumber/s"])
        await harness.gates.open(Self.at("SandboxNumber/s"))
        #expect(await events.next() == "end SandboxNumber/s")
        #expect(await harness.log.startedAddresses.contains("AppClient/c") == false)
        await harness.gates.open(Self.at("UserPool/p"))
        #expect(await events.next() == "end UserPool/p")
        #expect(await events.next() == "start AppClient/c")
        await harness.gates.open(Self.at("AppClient/c"))
        #expect(try await task.value.hasFailures == false)
    }

    @Test("a failure blocks its transitive dependents only; unrelated changes proceed")
    func failureBlocksDependents() async throws {
        let failure = TestReconcileError(code: "userPool.invalid", message: "bad config", isRetryable: false,
                                         awsErrorCode: "InvalidParameterException")
        let harness = FakeApplierHarness(failures: [Self.at("UserPool/qnatime"): failure])
        let report = try await Executor(applier: harness.applier, maxConcurrency: 1).execute(try Self.cognitoPlan())
        #expect(await harness.log.startedAddresses == ["SmsRole/cognito-sms", "UserPool/qnatime", "SandboxNumber/ops"])
        #expect(report.outcome(for: Self.at("UserPool/qnatime")) == .failed(ReconcileFailure(
            code: "userPool.invalid", message: "bad config", isRetryable: false,
            awsErrorCode: "InvalidParameterException")))
        let blocked = ChangeOutcome.blocked(reason: "depends on UserPool/qnatime, which failed",
                                            cause: Self.at("UserPool/qnatime"))
        #expect(report.outcome(for: Self.at("AppClient/web")) == blocked)
        #expect(report.outcome(for: Self.at("MfaPolicy/qnatime")) == blocked)
        #expect(report.outcome(for: Self.at("SandboxNumber/ops"))?.result == .applied)
        #expect(report.hasFailures)
    }

    /// `UseOrder`: a delete whose dependencies include the update moving a user off it runs after that update, and
    /// is blocked when it fails (the old SMS role outlives a pool that could not move).
    @Test(arguments: [false, true])
    func aDeleteWaitsForTheUpdateMovingItsUser(_ updateFails: Bool) async throws {
        let failure = TestReconcileError(code: "aws.internal", message: "5xx", isRetryable: true, awsErrorCode: nil)
        let harness = FakeApplierHarness(failures: updateFails ? [Self.at("UserPool/qnatime"): failure] : [:])
        let plan = try Plan(changes: [
            try Self.change("SmsRole/old", .delete, after: ["UserPool/qnatime"]),
            try Self.change("SmsRole/new", .create),
            try Self.change("UserPool/qnatime", .update, after: ["SmsRole/new"]),
        ])
        let report = try await Executor(applier: harness.applier, maxConcurrency: 4).execute(plan)
        if updateFails {
            #expect(await harness.log.startedAddresses == ["SmsRole/new", "UserPool/qnatime"])
            #expect(report.outcome(for: Self.at("SmsRole/old")) == .blocked(
                reason: "depends on UserPool/qnatime, which failed", cause: Self.at("UserPool/qnatime")))
        } else {
            #expect(await harness.log.startedAddresses == ["SmsRole/new", "UserPool/qnatime", "SmsRole/old"])
        }
    }

    @Test("a transitive block names the root failure")
    func transitiveBlock() async throws {
        let harness = FakeApplierHarness(failures: [Self.at("SmsRole/cognito-sms"): OpaqueError()])
        let report = try await Executor(applier: harness.applier).execute(try Self.cognitoPlan())
        for address in ["UserPool/qnatime", "AppClient/web", "MfaPolicy/qnatime"] {
            #expect(report.outcome(for: Self.at(address)) == .blocked(
                reason: "depends on SmsRole/cognito-sms, which failed", cause: Self.at("SmsRole/cognito-sms")))
        }
    }

    @Test("a failed delete blocks the delete of what it depends on")
    func failedDeleteBlocks() async throws {
        let harness = FakeApplierHarness(failures: [Self.at("AppClient/web"): OpaqueError()])
        let report = try await Executor(applier: harness.applier).execute(try Self.cognitoPlan(.delete))
        #expect(report.outcome(for: Self.at("UserPool/qnatime"))?.result == .blocked)
        #expect(report.outcome(for: Self.at("SmsRole/cognito-sms"))?.result == .blocked)
        #expect(await harness.log.startedAddresses.contains("UserPool/qnatime") == false)
    }

    @Test("noop, refuse and blocked changes are not applied; a plan-blocked change blocks its dependents")
    func notApplied() async throws {
        let harness = FakeApplierHarness()
        let plan = try Plan(changes: [
            try Self.change("SmsRole/r", .noop),
            try Self.change("UserPool/refused", .refuse, reason: "immutable"),
            try Self.change("AppClient/on-refused", .update, after: ["UserPool/refused"]),
            try Self.change("UserPool/b", .blocked, reason: "role refused"),
            try Self.change("AppClient/on-blocked", .update, after: ["UserPool/b"]),
            try Self.change("UserPool/kept", .retain, after: ["SmsRole/r"]),
        ])
        let report = try await Executor(applier: harness.applier).execute(plan)
        #expect(Set(await harness.log.startedAddresses) == ["AppClient/on-refused", "UserPool/kept"])
        #expect(report.outcome(for: Self.at("SmsRole/r")) == .unchanged)
        #expect(report.outcome(for: Self.at("UserPool/refused")) == .refused(reason: "immutable"))
        #expect(report.outcome(for: Self.at("UserPool/b")) == .blocked(reason: "role refused", cause: nil))
        #expect(report.outcome(for: Self.at("AppClient/on-blocked")) == .blocked(
            reason: "depends on UserPool/b, which is blocked", cause: Self.at("UserPool/b")))
    }

    @Test("a change whose dependencies need no apply (noop) is applied exactly once", arguments: [1, 4])
    func changeAfterNoopRunsOnce(concurrency: Int) async throws {
        let harness = FakeApplierHarness()
        let plan = try Plan(changes: [
            try Self.change("SmsRole/r", .noop),
            try Self.change("UserPool/p", .replace, after: ["SmsRole/r"]),
            try Self.change("AppClient/c", .update, after: ["UserPool/p"]),
            try Self.change("UserPool/kept", .retain, after: ["SmsRole/r"]),
        ])
        _ = try await Executor(applier: harness.applier, maxConcurrency: concurrency).execute(plan)
        let started = await harness.log.startedAddresses
        #expect(started.sorted() == ["AppClient/c", "UserPool/kept", "UserPool/p"])
    }

    @Test("ChangeBlocked from the applier is a blocked outcome, not a failure, and blocks the dependents")
    func appliersCanBlock() async throws {
        let blocked = ChangeBlocked(reason: "waiting for OriginationIdentity/n: pending: provisioning",
                                    cause: Self.at("OriginationIdentity/n"))
        let harness = FakeApplierHarness(failures: [Self.at("PhonePool/p"): blocked])
        let plan = try Plan(changes: [
            try Self.change("PhonePool/p", .create),
            try Self.change("UserPool/on-p", .create, after: ["PhonePool/p"]),
        ])
        let report = try await Executor(applier: harness.applier).execute(plan)
        #expect(!report.hasFailures)
        #expect(report.outcome(for: Self.at("PhonePool/p")) == .blocked(reason: blocked.reason, cause: blocked.cause))
        #expect(report.outcome(for: Self.at("UserPool/on-p")) == .blocked(reason: blocked.reason, cause: blocked.cause))
        #expect(await harness.log.startedAddresses == ["PhonePool/p"])
    }

    @Test("errors are classified: typed errors keep code and retryability, others are retryable and opaque")
    func classification() {
        let typed = ReconcileFailure(classifying: TestReconcileError(
            code: "aws.throttled", message: "slow down", isRetryable: true, awsErrorCode: "ThrottlingException"))
        #expect(typed == ReconcileFailure(code: "aws.throttled", message: "slow down", isRetryable: true,
                                          awsErrorCode: "ThrottlingException"))
        let opaque = ReconcileFailure(classifying: OpaqueError())
        #expect(opaque.code == ReconcileFailure.unclassifiedCode)
        #expect(opaque.isRetryable)
        #expect(!opaque.message.contains("hunter2"))
        #expect(ReconcileFailure(classifying: CancellationError()).code == ReconcileFailure.cancelledCode)
    }

    @Test("a dependency cycle is an error before anything is applied; outside dependencies count as met")
    func cyclesAndOutsideDependencies() async throws {
        let harness = FakeApplierHarness()
        let cyclic = try Plan(changes: [
            try Self.change("UserPool/p", after: ["AppClient/c"]), try Self.change("AppClient/c", after: ["UserPool/p"]),
        ])
        await #expect(throws: GraphError.cycle([Self.at("UserPool/p"), Self.at("AppClient/c"), Self.at("UserPool/p")])) {
            try await Executor(applier: harness.applier).execute(cyclic)
        }
        #expect(await harness.log.events.isEmpty)
        let outside = try Plan(changes: [try Self.change("AppClient/c", after: ["UserPool/not-in-plan"])])
        let report = try await Executor(applier: harness.applier).execute(outside)
        #expect(report.outcome(for: Self.at("AppClient/c"))?.result == .applied)
    }
}
