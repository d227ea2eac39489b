import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// An AWS refusal that says when the change becomes possible waits for that time instead of being retried.
    @Suite struct ControllerWaitingErrorTests {
        /// A sandbox number removed within 24 hours of its last verification attempt: AWS refuses the delete
        /// (`UserError`); the controller records when it becomes possible and does not call again before then (or
        /// the next resync), where it used to retry 11 times in 5 seconds.
        @Test func sandboxDeleteWithin24HoursIsNotRetriedHot() async throws {
            try await EmulatorClockLock.shared.run {
                let workspace = try await ControllerWorkspace.make(region: "ap-southeast-6")
                defer { workspace.remove() }
                try workspace.write("phone.yaml", """
                    apiVersion: smsauth/v1
                    kind: SandboxNumber
                    metadata: {name: waiting-phone}
                    spec:
                      region: ap-southeast-6
                      phoneNumber: "+12065550177"

                    """)
                let controller = try workspace.startController(["--debounce", "100ms", "--prune-delay", "0.5",
                                                                "--allow-empty"])
                defer { controller.stop() }
                #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
                #expect(try await workspace.operations().contains("CreateSMSSandboxPhoneNumber"), "\(controller.log)")

                try workspace.delete("phone.yaml")
                let refused = try await controller.waitFor(
                    message: "reconcile refused until a known time; looking again then or at the next resync")
                let record = try #require(refused, "\(controller.log)")
                #expect(record["code"] as? String == "sandboxNumber.deleteWaiting")
                let retryAt = try #require((record["retry_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
                #expect(retryAt.timeIntervalSinceNow > 23 * 3600, "\(retryAt)")
                try await Task.sleep(for: .seconds(5))
                let deletes = try await workspace.operations().filter { $0 == "DeleteSMSSandboxPhoneNumber" }
                #expect(deletes.count == 1, "\(controller.log)")
                #expect(!controller.records.contains { $0["message"] as? String == "reconcile failed; retrying with backoff" })
            }
        }
    }
}
