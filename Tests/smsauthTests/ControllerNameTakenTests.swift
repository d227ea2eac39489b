import AWSServices
import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// A role name taken between the plan and CreateRole is a terminal failure with the role error's code: the
    /// controller records it in the status file, does not call CreateRole again (not on retries, not on a resync)
    /// and tries again only once the manifest changes.
    @Suite struct ControllerNameTakenTests {
        static func role(_ roleName: String) -> String {
            """
            apiVersion: smsauth/v1
            kind: SmsRole
            metadata: {name: sms}
            spec:
              roleName: \(roleName)
              externalId: 0f7d4c2e-1f57-4b43-a4a4-5b0ad3f0b7c1

            """
        }

        @Test func aRoleNameTakenAtApplyIsTerminalUntilTheManifestChanges() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-south-1")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(8).lowercased()
            let taken = "ctl-taken-\(suffix)"
            try workspace.write("role.yaml", Self.role(taken))
            // The controller's CreateRole waits 15 s in the emulator; another principal makes the role in that window,
            // after the controller's plan read it as absent and logged the change it applies.
            try await workspace.emulator.injectFaults([
                .init(service: "iam", operation: "CreateRole", kind: "latency",
                      accessKeyId: workspace.principal.accessKeyId, count: 1, latencyMs: 15000),
            ])
            let controller = try workspace.startController(["--debounce", "100ms", "--resync-period", "3s"])
            defer { controller.stop() }
            // "applying change" is logged before the call, which then waits in the emulator.
            #expect(try await controller.waitFor(message: "applying change") != nil, "\(controller.log)")
            let other = try await workspace.emulator.newPrincipal()
            let iam = IAM(client: workspace.emulator.client(for: other))
            let trust = try PolicyDocument(text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
            _ = try await iam.createRole(IAM.CreateRoleInput(roleName: taken, assumeRolePolicy: trust))

            let failed = try #require(try await controller.waitFor(message: "reconcile failed; waiting for a manifest change",
                                                                   timeout: .seconds(40)),
                                      "\(controller.log)")
            #expect(failed["code"] as? String == "smsRole.nameTaken", "\(failed)")
            let lastError = try #require(workspace.status("SmsRole", "sms")?["lastError"] as? [String: Any])
            #expect(lastError["code"] as? String == "smsRole.nameTaken")
            #expect((lastError["message"] as? String)?.contains("choose another spec.roleName") == true, "\(lastError)")

            // Two resync periods later: still one CreateRole, no retry with backoff.
            try await Task.sleep(for: .seconds(7))
            #expect(controller.records.filter { $0["message"] as? String == "full sync done" }.count >= 2,
                    "resyncs ran: \(controller.log)")
            #expect(try await workspace.operations().filter { $0 == "CreateRole" }.count == 1, "\(controller.log)")
            #expect(!controller.records.contains { $0["message"] as? String == "reconcile failed; retrying with backoff" })

            // A manifest change is tried again: a free name is created and the error cleared.
            let free = "ctl-free-\(suffix)"
            try workspace.write("role.yaml", Self.role(free))
            let ready = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("SmsRole", "sms")?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(ready == true, "\(controller.log)")
            #expect(workspace.status("SmsRole", "sms")?["lastError"] is NSNull)
            #expect(try await workspace.operations().filter { $0 == "CreateRole" }.count == 2, "\(controller.log)")
            try await iam.deleteRole(roleName: taken)
        }
    }
}
