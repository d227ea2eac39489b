import AWSServices
import Foundation
import Testing

/// `examples/end-user-messaging-protected` through the binary: the account-default protect configuration allows
/// only the example's countries, and a dry run after plans nothing (AWS's rule for every country is no drift).
@Suite("SmsProtection example end to end", .timeLimit(.minutes(8)))
struct SmsProtectionBinaryEndToEndTests {
    @Test func theProtectedExampleAppliesAndThenPlansNothing() async throws {
        let region = "ap-northeast-1"
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let space = try Workspace(copying: ["examples/end-user-messaging-protected"], substitutions: [
            ("region: eu-west-1\n", "region: \(region)\n"), ("name: shop-signin-sms\n", "name: shop-\(unique)\n"),
            ("roleName: shop-cognito-eums-sms\n", "roleName: e2e-sp-\(unique)\n"),
            ("poolName: Shop users\n", "poolName: sp-\(unique)\n"),
        ])
        defer { space.remove() }

        let applied = try await space.reconcile(environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let defaults = try await context.smsVoice.describeProtectConfigurations(filters: [
            ["Name": "account-default", "Values": .strings(["true"])],
        ])
        let id = try #require(defaults.first?["ProtectConfigurationId"]?.stringValue)
        let rules = try await context.smsVoice.protectCountryRules(id: id, capability: "SMS")
        #expect(rules.filter { $0.value == "ALLOW" }.keys.sorted() == ["DE", "FR", "GB", "IE"])
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.stdout == "No changes. 4 unchanged.\n", "\(again.stdout)\(again.stderr)")
    }
}
