import Manifests
import Testing
@testable import Reconciler

/// A replacement that creates the new resource first leaves the old one to delete (`Retirement`): the executor deletes
/// it only after every change depending on it was applied (a pool moved to the new SMS role), and otherwise leaves it
/// with a warning. Before, the role handler deleted the old role inside its own change, while pools still named it.
@Suite("Executor retirements", .timeLimit(.minutes(1)))
struct ExecutorRetirementTests {
    /// Records which retirements ran.
    actor Deleted {
        private(set) var names: [String] = []
        func add(_ name: String) { names.append(name) }
    }

    /// Replaces the role (leaving the old one to retire) and applies the rest as `FakeApplier` does.
    struct ReplacingApplier: ChangeApplier {
        let base: FakeApplier
        let deleted: Deleted
        var deleteFails = false

        func apply(_ change: ResourceChange) async throws -> AppliedResult {
            var result = try await base.apply(change)
            if change.action == .replace {
                let (deleted, fails) = (deleted, deleteFails)
                result.retirement = Retirement("the old role old-sms") {
                    if fails { throw TestReconcileError(code: "iam.denied", message: "not allowed", isRetryable: false,
                                                        awsErrorCode: nil) }
                    await deleted.add("old-sms")
                }
            }
            return result
        }
    }

    static let role = ExecutorTests.at("SmsRole/cognito-sms")
    static let pool = ExecutorTests.at("UserPool/qnatime")

    /// The role replaced, a pool on it (`poolAction`), and a sandbox number on nothing.
    static func plan(poolAction: ChangeAction) throws -> Plan {
        try Plan(changes: [
            try ExecutorTests.change("SmsRole/cognito-sms", .replace),
            try ExecutorTests.change("UserPool/qnatime", poolAction, after: ["SmsRole/cognito-sms"]),
            try ExecutorTests.change("SandboxNumber/ops", .create),
        ])
    }

    /// The warnings of the role's applied result.
    static func roleWarnings(_ report: ExecutionReport) -> [String]? {
        guard case .applied(let result)? = report.outcome(for: role) else { return nil }
        return result.warnings
    }

    @Test func theOldResourceIsDeletedOnceItsDependentsMoved() async throws {
        let harness = FakeApplierHarness()
        let deleted = Deleted()
        let report = try await Executor(applier: ReplacingApplier(base: harness.applier, deleted: deleted))
            .execute(try Self.plan(poolAction: .update))
        #expect(await deleted.names == ["old-sms"])
        #expect(Self.roleWarnings(report) == [])
        #expect(await harness.log.startedAddresses.contains("UserPool/qnatime"))
    }

    /// A dependent the run did not plan at all (a pool queued apart by the controller, or outside `--selector`) still
    /// names the old resource; one that the plan moved under its new name (a rename) is in the plan.
    @Test func aDependentOutsideThePlanKeepsTheOldResource() async throws {
        let other = ExecutorTests.at("UserPool/other")
        let graph = [Self.role: [Self.pool, other]]
        let deleted = Deleted()
        let report = try await Executor(applier: ReplacingApplier(base: FakeApplierHarness().applier, deleted: deleted),
                                        dependents: { graph[$0] ?? [] })
            .execute(try Self.plan(poolAction: .update))
        #expect(await deleted.names.isEmpty)
        #expect(Self.roleWarnings(report) == ["the old role old-sms is left in AWS, not deleted: UserPool/other (not in "
                                              + "this run) still names it; a later reconcile deletes it once nothing does"])

        let renamed = try Plan(changes: [
            try ExecutorTests.change("SmsRole/cognito-sms", .replace),
            try ResourceChange(address: other, action: .rename, dependencies: [Self.role],
                               previousAddress: ExecutorTests.at("UserPool/before")),
        ])
        let moved = Deleted()
        _ = try await Executor(applier: ReplacingApplier(base: FakeApplierHarness().applier, deleted: moved),
                               dependents: { $0 == Self.role ? [ExecutorTests.at("UserPool/before"), other] : [] })
            .execute(renamed)
        #expect(await moved.names == ["old-sms"], "the old address of a renamed dependent is the same dependent")
    }

    @Test func aDependentWithNothingToDoCountsAsMoved() async throws {
        let deleted = Deleted()
        let harness = FakeApplierHarness()
        _ = try await Executor(applier: ReplacingApplier(base: harness.applier, deleted: deleted))
            .execute(try Self.plan(poolAction: .noop))
        #expect(await deleted.names == ["old-sms"])
    }

    @Test(arguments: [(ChangeAction.update, "failed"), (.refuse, "refused"), (.blocked, "blocked")])
    func aDependentThatDidNotMoveKeepsTheOldResource(_ poolAction: ChangeAction, _ word: String) async throws {
        let failure = TestReconcileError(code: "smsRole.notUsable", message: "not usable yet", isRetryable: true,
                                         awsErrorCode: nil)
        let harness = FakeApplierHarness(failures: poolAction == .update ? [Self.pool: failure] : [:])
        let deleted = Deleted()
        let report = try await Executor(applier: ReplacingApplier(base: harness.applier, deleted: deleted))
            .execute(try Self.plan(poolAction: poolAction))
        #expect(await deleted.names.isEmpty)
        let warning = try #require(Self.roleWarnings(report)?.first)
        #expect(warning == "the old role old-sms is left in AWS, not deleted: UserPool/qnatime (\(word)) still names it; "
                + "a later reconcile deletes it once nothing does", "\(warning)")
    }

    @Test func aClosedGateOrAFailedDeleteLeavesItWithAWarning() async throws {
        let lost = ReconcileFailure(code: "lock.lost", message: "the lock was removed", isRetryable: false)
        let harness = FakeApplierHarness()
        let deleted = Deleted()
        let gate: ChangeGate = { await harness.log.startedAddresses.count < 3 ? nil : lost }
        let closed = try await Executor(applier: ReplacingApplier(base: harness.applier, deleted: deleted), gate: gate)
            .execute(try Self.plan(poolAction: .update))
        #expect(await deleted.names.isEmpty)
        #expect(Self.roleWarnings(closed)?.first?.contains("lock.lost: the lock was removed") == true)

        let failing = ReplacingApplier(base: FakeApplierHarness().applier, deleted: deleted, deleteFails: true)
        let report = try await Executor(applier: failing).execute(try Self.plan(poolAction: .update))
        #expect(Self.roleWarnings(report)?.first?.contains("deleting it failed (iam.denied: not allowed)") == true)
        #expect(!report.hasFailures, "the new role is in place and recorded; only the old one is left")
    }

    /// A suspended dependent is left as it is (its outcome reads "unchanged"): it still names the old resource.
    @Test func aSuspendedDependentKeepsTheOldResource() async throws {
        let deleted = Deleted()
        let harness = FakeApplierHarness()
        let report = try await Executor(applier: ReplacingApplier(base: harness.applier, deleted: deleted))
            .execute(try Self.plan(poolAction: .suspended))
        #expect(await deleted.names.isEmpty)
        #expect(Self.roleWarnings(report)?.first?.contains("UserPool/qnatime (suspended) still names it") == true)
    }
}
