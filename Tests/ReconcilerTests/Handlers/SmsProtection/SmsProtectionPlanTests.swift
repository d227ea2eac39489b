import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Pure plan decisions of the SmsProtection handler against AWS's answer of a rule for every country.
@Suite struct SmsProtectionPlanTests {
    let handler = SmsProtectionHandler()
    static let address = ResourceAddress(kind: .smsProtection, name: "shield")

    /// The protection `shield`: SMS to US and CA only, the account default.
    static func desired(_ extra: String = "") throws -> DesiredResource {
        try ConfigurationSetPlanTests.desired("""
            apiVersion: smsauth/v1
            kind: SmsProtection
            metadata: {name: shield}
            spec:
              region: us-east-1
              sms: {allow: [US, CA]}
              accountDefault: true
            \(extra)
            """)
    }

    /// The configuration as AWS describes it once `desired()` was applied: every country, US and CA allowed.
    static func live(unblocked: [String] = []) throws -> SmsProtectionLive {
        var live = try #require(SmsProtectionLive(["ProtectConfigurationId": "protect-1",
                                                   "ProtectConfigurationArn": "arn:aws:sms-voice:us-east-1:1:protect-configuration/protect-1",
                                                   "AccountDefault": true, "DeletionProtectionEnabled": false],
                                                  region: "us-east-1",
                                                  tags: OwnershipTags.tags(for: address, owner: nil)))
        let allowed = Set(["US", "CA"] + unblocked)
        live.rules[.sms] = Dictionary(uniqueKeysWithValues: CountryCodes.iso3166Alpha2.map {
            ($0, allowed.contains($0) ? "ALLOW" : "BLOCK")
        })
        return live
    }

    func plan(_ desired: DesiredResource?, _ live: LiveState<SmsProtectionLive>,
              deletePolicy: DeletePolicy = .retain) throws -> ResourceChange {
        try handler.plan(PlanInput(address: Self.address, desired: desired, live: live, status: nil, references: [:],
                                   dependencyActions: [:], deletePolicy: deletePolicy,
                                   options: PlanOptions(account: "123456789012")))
    }

    @Test func createShowsTheCompactRules() throws {
        let change = try plan(try Self.desired(), .absent)
        #expect(change.action == .create)
        #expect(change.fieldChanges.first { $0.path == "sms" }?.after == .string("allow CA, US; block every other country"))
    }

    @Test func everyCountryAsAppliedIsNoDrift() throws {
        let change = try plan(try Self.desired(), .owned(try Self.live()))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func oneCountryUnblockedOutOfBandIsAnUpdateNamingIt() throws {
        let change = try plan(try Self.desired(), .owned(try Self.live(unblocked: ["NG"])))
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["sms.NG"])
        #expect(change.fieldChanges.first?.before == .string("ALLOW"))
        #expect(change.fieldChanges.first?.after == .string("BLOCK"))
    }

    @Test func deleteIsRefusedWhileDeletionProtectionIsOn() throws {
        var live = try Self.live()
        live.deletionProtection = true
        let change = try plan(nil, .owned(live), deletePolicy: .delete)
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("deletion protection is on for protect configuration protect-1") == true)
        #expect(try plan(nil, .owned(try Self.live())).action == .retain)
        let deleted = try plan(nil, .owned(try Self.live()), deletePolicy: .delete)
        #expect(deleted.action == .delete)
        #expect(deleted.warnings.contains { $0.contains("as the account default first") })
    }
}
