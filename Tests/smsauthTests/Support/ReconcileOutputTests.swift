import Foundation
import Reconciler
import Testing
@testable import smsauth

/// The apply lines of `smsauth reconcile`.
@Suite struct ReconcileOutputTests {
    /// A refusal that says when the change becomes possible prints that time.
    @Test func failureWithAKnownTimeSaysWhenItBecomesPossible() throws {
        let change = try ResourceChange(address: ResourceAddress(kind: .sandboxNumber, name: "qa"), action: .delete,
                                        reason: "manifest removed")
        let failure = ReconcileFailure(code: "sandboxNumber.deleteWaiting", message: "waiting: 24 hours",
                                       isRetryable: false, awsErrorCode: "UserError",
                                       retryAt: Date(timeIntervalSince1970: 1_767_323_045))
        #expect(ReconcileOutput.line(change: change, outcome: .failed(failure))
                == "failed SandboxNumber/qa: sandboxNumber.deleteWaiting: waiting: 24 hours (AWS UserError); possible after 2026-01-02T03:04:05Z")
        let plain = ReconcileFailure(code: "x", message: "m", isRetryable: false)
        #expect(ReconcileOutput.line(change: change, outcome: .failed(plain)) == "failed SandboxNumber/qa: x: m")
    }
}
