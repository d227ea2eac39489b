import AWSServices
import Foundation
import Testing

extension ControllerEndToEnd {
    /// Out-of-band changes found by the resync: corrected under `onDrift: Correct`, only recorded under `Report`.
    @Suite struct ControllerDriftTests {
        @Test func resyncCorrectsOrReportsAnOutOfBandPasswordPolicyChange() async throws {
            let workspace = try await ControllerWorkspace.make(region: "il-central-1")
            defer { workspace.remove() }
            try workspace.write("fixed.yaml", workspace.pool("fixed"))
            try workspace.write("watched.yaml", workspace.pool("watched", policy: "onDrift: Report"))
            // A drift record lasts until the next resync finds nothing: 5 s leaves the poll time to see it under load.
            let controller = try workspace.startController(["--resync-period", "5s"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let cognito = workspace.cognito()
            for name in ["fixed", "watched"] {
                let id = try #require((workspace.status("UserPool", name)?["resource"] as? [String: Any])?["id"] as? String)
                // As the console does: the update carries the pool's tags (AWS resets omitted ones).
                let tags = try #require(try await cognito.describeUserPool(id: id)).tags
                try await cognito.updateUserPool([
                    "UserPoolId": .string(id), "DeletionProtection": "INACTIVE",
                    "Policies": ["PasswordPolicy": ["MinimumLength": 6]], "UserPoolTags": .strings(tags),
                ])
            }

            let corrected = try await Poll.until(timeout: .seconds(15)) { () -> [String: Any]? in
                let drift = workspace.status("UserPool", "fixed")?["drift"] as? [[String: Any]] ?? []
                return drift.first { $0["field"] as? String == "passwordPolicy.minimumLength" }
            }
            #expect(corrected?["corrected"] as? Bool == true)
            #expect(corrected?["before"] as? Int == 6 && corrected?["after"] as? Int == 10, "before: found; after: the manifest's")
            let logged = try await controller.waitFor(message: "drift corrected")
            #expect(logged?["resource"] as? String == "UserPool/fixed", "\(controller.log)")
            let fields = (logged?["fields"] as? String)?.split(separator: ",").map(String.init) ?? []
            #expect(fields.contains("passwordPolicy.minimumLength"), "the fields put back: \(fields)")
            let fixedId = try #require((workspace.status("UserPool", "fixed")?["resource"] as? [String: Any])?["id"] as? String)
            let live = try await cognito.describeUserPool(id: fixedId)
            let policy = live?.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.intValue
            #expect(policy == 10)

            let reported = try await Poll.until(timeout: .seconds(15)) { () -> [String: Any]? in
                let status = workspace.status("UserPool", "watched")
                return status?["phase"] as? String == "Drifted" ? status : nil
            }
            let drift = reported?["drift"] as? [[String: Any]] ?? []
            #expect(drift.contains { $0["field"] as? String == "passwordPolicy.minimumLength" && $0["corrected"] as? Bool == false })
            let watchedId = try #require((reported?["resource"] as? [String: Any])?["id"] as? String)
            let watched = try await cognito.describeUserPool(id: watchedId)
            #expect(watched?.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.intValue == 6)
        }
    }
}
