import Foundation
import Manifests
@testable import Reconciler
import Testing

@testable import Controller

/// A role name taken by a role smsauth does not own is a terminal outcome: the controller waits for a manifest
/// change instead of retrying it, and keeps the role error's code.
@Suite struct NameTakenOutcomeTests {
    @Test func aTakenRoleNameIsTerminalWithTheRoleErrorsCode() throws {
        let role = ResourceAddress(kind: .smsRole, name: "sms")
        let change = try ResourceChange(address: role, action: .create)
        let plan = try Plan(changes: [change])
        let planned = PlannedRun(plan: plan, targets: [:], graph: ResourceGraph(dependencies: [role: []]),
                                 inputs: [:], observations: [:], references: [:], options: PlanOptions(account: "1"),
                                 foreignStatuses: [:])
        let failure = ReconcileFailure(classifying: OwnedRoleError.nameTaken(roleName: "taken", address: role))
        let applied = AppliedRun(plan: plan, report: ExecutionReport(results: [(change, .failed(failure))]),
                                 released: [], statusErrors: [], readFailures: [])
        let outcomes = OutcomeClassifier.classify(keys: [role], planned: planned, applied: applied) { _ in .error }
        #expect(outcomes[role] == .terminal(code: "smsRole.nameTaken"))
    }
}
