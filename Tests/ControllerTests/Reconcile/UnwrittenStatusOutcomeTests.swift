import Foundation
import Manifests
@testable import Reconciler
import Testing

@testable import Controller

/// An apply whose status records could not be written (another process changed `state.json`, the store failed) is
/// not a success: the keys that would have succeeded or waited are retried with the store error's code, so their
/// records are written once the state can be; failures keep their own outcome. Before, the controller ignored the
/// errors, said "all succeeded" and kept a created client out of the state.
@Suite struct UnwrittenStatusOutcomeTests {
    @Test func keysAreRetriedWhenTheirRecordsWereNotWritten() throws {
        let client = ResourceAddress(kind: .appClient, name: "web")
        let pool = ResourceAddress(kind: .userPool, name: "main")
        let role = ResourceAddress(kind: .smsRole, name: "sms")
        let changes = [try ResourceChange(address: client, action: .create),
                       try ResourceChange(address: pool, action: .noop),
                       try ResourceChange(address: role, action: .refuse, reason: "immutable")]
        let plan = try Plan(changes: changes)
        let planned = PlannedRun(plan: plan, targets: [:],
                                 graph: ResourceGraph(dependencies: [client: [], pool: [], role: []]),
                                 inputs: [:], observations: [:], references: [:], options: PlanOptions(account: "1"),
                                 foreignStatuses: [:])
        let report = ExecutionReport(results: [(changes[0], .applied(AppliedResult())), (changes[1], .unchanged),
                                               (changes[2], .refused(reason: "immutable"))])
        let conflict = StatusStoreError.state(location: "s3://b/p", .preconditionFailed(key: "state.json"))
        for (errors, expected) in [([StatusStoreError](), KeyOutcome.succeeded(pending: false)),
                                   ([conflict], .retry(code: conflict.code))] {
            let applied = AppliedRun(plan: plan, report: report, released: [], statusErrors: errors, readFailures: [])
            let outcomes = OutcomeClassifier.classify(keys: [client, pool, role], planned: planned, applied: applied) { _ in .ready }
            #expect(outcomes[client] == expected)
            #expect(outcomes[pool] == expected)
            #expect(outcomes[role] == .terminal(code: "reconcile.refused"), "a refusal stays what it is")
        }
    }
}
