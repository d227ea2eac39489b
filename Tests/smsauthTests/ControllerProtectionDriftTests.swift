import AWSServices
import Foundation
import Testing

extension ControllerEndToEnd {
    /// A protect configuration's country rule changed out of band is put back by the controller's resync and recorded
    /// as drift (status file and `drift corrected` log record), as for every other kind.
    @Suite struct ControllerProtectionDriftTests {
        @Test func resyncBlocksACountryUnblockedOutOfBand() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-south-2")
            defer { workspace.remove() }
            // Attached to a configuration set of its own: an account default would govern other tests' messages.
            try workspace.write("configuration-set.yaml", """
                apiVersion: smsauth/v1
                kind: ConfigurationSet
                metadata: {name: events}
                spec:
                  region: \(workspace.region)
                  name: protect-drift-\(UUID().uuidString.prefix(8).lowercased())

                """)
            try workspace.write("protection.yaml", """
                apiVersion: smsauth/v1
                kind: SmsProtection
                metadata: {name: shield}
                spec:
                  region: \(workspace.region)
                  sms: {allow: [IE, GB]}
                  configurationSets: [events]

                """)
            // A drift record lasts until the next resync finds nothing: 4 s leaves the poll time to see it under load.
            let controller = try workspace.startController(["--resync-period", "4s"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            let ready = try await Poll.until(timeout: .seconds(15)) { () -> [String: Any]? in
                let status = workspace.status("SmsProtection", "shield")
                return status?["phase"] as? String == "Ready" ? status : nil
            }
            let id = try #require((ready?["resource"] as? [String: Any])?["id"] as? String, "\(controller.log)")
            let sms = workspace.smsVoice()
            #expect(try await sms.protectCountryRules(id: id, capability: "SMS")["FR"] == "BLOCK")

            _ = try await sms.updateProtectCountryRules(id: id, capability: "SMS", updates: ["FR": "ALLOW"])

            let corrected = try await Poll.until(timeout: .seconds(15)) { () -> [String: Any]? in
                let drift = workspace.status("SmsProtection", "shield")?["drift"] as? [[String: Any]] ?? []
                return drift.first { $0["field"] as? String == "sms.FR" }
            }
            #expect(corrected?["corrected"] as? Bool == true, "\(controller.log)")
            #expect(corrected?["before"] as? String == "ALLOW" && corrected?["after"] as? String == "BLOCK",
                    "before: found; after: the manifest's")
            let logged = try await controller.waitFor(message: "drift corrected")
            #expect(logged?["resource"] as? String == "SmsProtection/shield", "\(controller.log)")
            #expect(logged?["fields"] as? String == "sms.FR", "the fields put back")
            let rules = try await sms.protectCountryRules(id: id, capability: "SMS")
            #expect(rules["FR"] == "BLOCK")
            #expect(rules.filter { $0.value == "ALLOW" }.keys.sorted() == ["GB", "IE"])
        }
    }
}
