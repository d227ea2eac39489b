import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// Half of all AWS calls throttled: everything still converges, the retries show in /metrics, and the log has no
    /// error storm (throttling is retried inside the AWS client, not reported per attempt as a failure).
    @Suite struct ControllerThrottlingTests {
        @Test func convergesWhenHalfOfTheCallsAreThrottled() async throws {
            // A region where few other tests make pools: a pool read without status lists the whole region, one
            // call per pool with one item per page (the suite's second pass), and each page, throttled half the
            // time, fails after three attempts one time in eight. In ap-southeast-2, beside the rename tests' pools,
            // the fresh-clone CI run on 82a8248 saw one pool never read in 90 s.
            let workspace = try await ControllerWorkspace.make(region: "ap-southeast-5")
            defer { workspace.remove() }
            try workspace.writePoolsWithClients(2)
            try await workspace.emulator.injectFaults([
                Emulator.FaultRule(service: "*", kind: "throttle", rate: 0.5, accessKeyId: workspace.principal.accessKeyId),
            ], seed: 7)
            let controller = try workspace.startController()
            defer { controller.stop() }
            let port = try #require(try await controller.httpPort())

            let converged = try await Poll.until(timeout: .seconds(90)) {
                (0..<2).allSatisfy { workspace.status("AppClient", "web\($0)")?["phase"] as? String == "Ready" }
                    && (0..<2).allSatisfy { workspace.status("UserPool", "app\($0)")?["phase"] as? String == "Ready" }
                    ? true : nil
            }
            #expect(converged == true, "\(controller.log)")

            let calls = try await workspace.emulator.calls(accessKeyId: workspace.principal.accessKeyId)
            #expect(calls.contains { $0.fault == "throttle" }, "the fault rule took effect")
            #expect(calls.filter { $0.operation == "CreateUserPool" && $0.status == 200 }.count == 2, "no pool bought twice")

            let metrics = try await ControllerProcess.get(port: port, "/metrics")
            let throttled = metrics.body.split(separator: "\n").filter {
                $0.hasPrefix("smsauth_aws_calls_total") && ($0.contains("Throttl") || $0.contains("TooManyRequests"))
            }
            #expect(!throttled.isEmpty, "throttled calls are counted by error code\n\(metrics.body)")

            let errors = controller.records.filter { $0["level"] as? String == "error" }
            // With half the calls throttled and three attempts per call, about one call in eight still fails; each such
            // failure is one error line and a backed-off retry (3-4 lines in calibration runs; 6 for 34 throttled
            // attempts with one item per page). A storm would be one per throttled attempt, or a retry loop without
            // backoff. So the bound is half the throttled attempts, at least 10: with one item per page (the suite's
            // second pass) the lists take many more calls, and 11 error lines were seen once against a fixed 10.
            let throttledAttempts = calls.filter { $0.fault == "throttle" }.count
            #expect(errors.count <= max(10, throttledAttempts / 2),
                    "no error storm: \(errors.count) error lines for \(throttledAttempts) throttled attempts\n\(controller.log)")
        }
    }
}
