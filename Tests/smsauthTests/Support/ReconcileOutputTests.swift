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

    /// A change applied with warnings (a replacement whose old resource was left) shows each under its line.
    @Test func warningsOfAnAppliedChangeFollowItsLine() throws {
        let change = try ResourceChange(address: ResourceAddress(kind: .smsRole, name: "sms"), action: .replace, reason: "why")
        #expect(ReconcileOutput.line(change: change, outcome: .applied(AppliedResult())) == "replaced SmsRole/sms")
        let left = AppliedResult(warnings: ["the old role a is left in AWS", "second"])
        #expect(ReconcileOutput.line(change: change, outcome: .applied(left))
                == "replaced SmsRole/sms\n  warning: the old role a is left in AWS\n  warning: second")
    }
}
