import AWSServices
import Foundation
import Testing

/// `examples/end-user-messaging-protected` through the binary: the account-default protect configuration allows
/// only the example's countries, the tester's number goes in End User Messaging's sandbox (the region's pools send
/// through it) and is verified from its code file, and a dry run after plans nothing (AWS's rule for every country is
/// no drift).
@Suite("SmsProtection example end to end", .timeLimit(.minutes(8)))
struct SmsProtectionBinaryEndToEndTests {
    @Test func theProtectedExampleAppliesAndThenPlansNothing() async throws {
        let region = "ap-northeast-1"
        let context = try await EndToEndContext.make(region: region)
        let unique = UUID().uuidString.prefix(8).lowercased()
        let phone = "+4477009\(Int.random(in: 10000...99999))"
        let space = try Workspace(copying: ["examples/end-user-messaging-protected"], substitutions: [
            ("phoneNumber: \"+447700900123\"\n", "phoneNumber: \"\(phone)\"\n"),
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
        let listed = try await context.smsVoice.describeVerifiedDestinationNumbers().filter { $0.phoneNumber == phone }
        #expect(listed.map(\.status) == ["PENDING"])
        #expect(try await context.sns.listSandboxPhoneNumbers()
            .contains { $0.phoneNumber == phone } == false, "not in SNS's sandbox")

        try FileManager.default.createDirectory(at: space.manifests.appendingPathComponent("secrets"),
                                                withIntermediateDirectories: true)
        try space.write("secrets/test-phone.otp", "123456\n")  // the emulator's code
        let verified = try await space.reconcile(environment: context.environment)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(try await context.smsVoice.describeVerifiedDestinationNumbers().filter { $0.phoneNumber == phone }
            .map(\.status) == ["VERIFIED"])
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.stdout == "No changes. 5 unchanged.\n", "\(again.stdout)\(again.stderr)")
    }
}
