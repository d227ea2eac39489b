import Foundation
import Testing
@testable import Reconciler

/// Condition transition times, history length and error records.
@Suite("ResourceStatus")
struct ResourceStatusTests {
    static let first = Date(timeIntervalSince1970: 1_000)
    static let later = Date(timeIntervalSince1970: 2_000)

    @Test("a condition keeps its transition time while its status stays the same")
    func keepsTransitionTime() {
        var status = ResourceStatus(kind: .userPool, name: "p", specHash: "h")
        status.setCondition(type: "Ready", status: .isTrue, reason: "Reconciled", message: "ok", now: Self.first)
        status.setCondition(type: "Ready", status: .isTrue, reason: "Resynced", message: "still ok", now: Self.later)
        let ready = status.condition("Ready")
        #expect(ready?.lastTransitionTime == Self.first)
        #expect(ready?.reason == "Resynced")
        #expect(ready?.message == "still ok")
        #expect(status.conditions.count == 1)
    }

    @Test("a condition whose status changes gets a new transition time")
    func newTransitionTime() {
        var status = ResourceStatus(kind: .userPool, name: "p", specHash: "h")
        status.setCondition(type: "Ready", status: .isTrue, reason: "Reconciled", message: "ok", now: Self.first)
        status.setCondition(type: "Synced", status: .isTrue, reason: "Reconciled", message: "ok", now: Self.first)
        status.setCondition(type: "Ready", status: .isFalse, reason: "ApplyFailed", message: "x", now: Self.later)
        #expect(status.condition("Ready")?.lastTransitionTime == Self.later)
        #expect(status.condition("Ready")?.status == .isFalse)
        #expect(status.condition("Synced")?.lastTransitionTime == Self.first)
    }

    @Test("history keeps the last ten runs, oldest first")
    func historyLimit() {
        var status = ResourceStatus(kind: .smsRole, name: "r", specHash: "h")
        for second in 0..<13 {
            status.recordRun(HistoryEntry(time: Date(timeIntervalSince1970: Double(second)), action: .update,
                                          result: .applied))
        }
        #expect(status.history.count == ResourceStatus.historyLimit)
        #expect(status.history.first?.time == Date(timeIntervalSince1970: 3))
        #expect(status.history.last?.time == Date(timeIntervalSince1970: 12))
    }

    @Test("an executor failure becomes the last-error record with its AWS code")
    func errorRecord() {
        let failure = ReconcileFailure(code: "userPool.smsRoleNotTrusted", message: "role not trusted yet",
                                       isRetryable: true, awsErrorCode: "InvalidSmsRoleTrustRelationshipException")
        #expect(ErrorRecord(failure) == ErrorRecord(code: "userPool.smsRoleNotTrusted", message: "role not trusted yet",
                                                    awsErrorCode: "InvalidSmsRoleTrustRelationshipException"))
    }
}
