import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// `ResourceHandler.claims` per kind: the AWS identity a rename keeps (a manifest under a new `metadata.name` claims
/// the live resource found for the old one) and a delete must never take from a current manifest.
@Suite struct ClaimsTests {
    static let poolReferences: [ResourceAddress: [String: String]] = [ClientMfaFixtures.pool: ["id": "us-east-1_Pool1"]]

    @Test func appClientSamePoolAndClientName() throws {
        let live = try #require(try AppClientPlanTests.live().value)
        let desired = try ClientMfaFixtures.desired(AppClientPlanTests.yaml().replacingOccurrences(
            of: "metadata: {name: signup}", with: "metadata: {name: signup-web}"))
        let handler = AppClientHandler()
        #expect(handler.claims(desired, live: live, references: Self.poolReferences))
        #expect(!handler.claims(desired, live: live, references: [ClientMfaFixtures.pool: ["id": "us-east-1_Other"]]))
        let renamedByHand = try #require(try AppClientPlanTests.live(["ClientName": "other"]).value)
        #expect(!handler.claims(desired, live: renamedByHand, references: Self.poolReferences))
        #expect(!handler.claims(desired, live: live, references: [:]))
    }

    @Test func mfaPolicySamePool() throws {
        let live = try MfaPolicyPlanTests.live()
        let desired = try ClientMfaFixtures.desired(MfaPolicyPlanTests.yaml())
        #expect(MfaPolicyHandler().claims(desired, live: live, references: Self.poolReferences))
        #expect(!MfaPolicyHandler().claims(desired, live: live,
                                           references: [ClientMfaFixtures.pool: ["id": "us-east-1_Other"]]))
    }

    @Test func sandboxNumberSamePhoneNumberAndRegion() throws {
        let desired = try SandboxNumberFixtures.desired(name: "qa-phone-2")
        let handler = SandboxNumberHandler()
        #expect(handler.claims(desired, live: SandboxNumberFixtures.live(.verified), references: [:]))
        #expect(!handler.claims(desired, live: SandboxNumberFixtures.live(.verified, phone: "+14155550199"), references: [:]))
        #expect(!handler.claims(desired, live: SandboxNumberFixtures.live(.verified, region: "eu-west-1"), references: [:]))
    }

    @Test func smsAccountSettingsSameRegion() throws {
        let desired = try SmsAccountSettingsPlanTests.desired("  monthlySpendLimit: 5\n")
        let handler = SmsAccountSettingsHandler()
        let here = SmsAccountSettingsLive(region: "us-east-1", attributes: [:], inSandbox: true)
        let there = SmsAccountSettingsLive(region: "eu-west-1", attributes: [:], inSandbox: true)
        #expect(handler.claims(desired, live: here, references: [:]))
        #expect(!handler.claims(desired, live: there, references: [:]))
    }

    @Test func smsRoleSameRoleName() throws {
        let desired = try SmsRoleFixtures.desired(name: "sms-sender")
        let handler = SmsRoleHandler()
        #expect(handler.claims(desired, live: try SmsRoleFixtures.live(try SmsRoleFixtures.role()), references: [:]))
        #expect(!handler.claims(desired, live: try SmsRoleFixtures.live(try SmsRoleFixtures.role(name: "other")),
                                references: [:]))
    }

    @Test func userPoolSamePoolNameAndRegionOrAdopted() throws {
        let yaml = UserPoolFixtures.yaml()
        let desired = try UserPoolFixtures.desired(yaml)
        let handler = UserPoolHandler()
        #expect(handler.claims(desired, live: try UserPoolFixtures.pool(for: yaml), references: [:]))
        let renamed = try UserPoolFixtures.pool(for: UserPoolFixtures.yaml(spec: ["poolName": "Another pool"]))
        #expect(!handler.claims(desired, live: renamed, references: [:]))
        let adopting = try UserPoolFixtures.desired(UserPoolFixtures.yaml(extra: "  adopt: us-east-1_abc"))
        #expect(handler.claims(adopting, live: renamed, references: [:]))
    }

    @Test func originationIdentitySamePurchaseOrAdopted() throws {
        let desired = try OriginationFixtures.desired(OriginationFixtures.numberYAML("us-tollfree-2"))
        let handler = OriginationIdentityHandler()
        let number = try #require(OriginationFixtures.number())
        #expect(handler.claims(desired, live: OriginationIdentityLive(identity: number, superseded: []), references: [:]))
        let longCode = try #require(OriginationFixtures.number(numberType: "LONG_CODE"))
        #expect(!handler.claims(desired, live: OriginationIdentityLive(identity: longCode, superseded: []), references: [:]))
        let adopting = try OriginationFixtures.desired(OriginationFixtures.numberYAML(extra: "  adopt: phone-9"))
        #expect(!handler.claims(adopting, live: OriginationIdentityLive(identity: number, superseded: []), references: [:]))
    }

    @Test func phonePoolSameMembersOrAdopted() throws {
        let desired = try OriginationFixtures.desired(PhonePoolPlanTests.yaml(["a", "b"]))
        let handler = PhonePoolHandler()
        let references = PhonePoolPlanTests.references(["a", "b", "c"])
        #expect(handler.claims(desired, live: try #require(PhonePoolPlanTests.live(["b", "a"])), references: references))
        #expect(!handler.claims(desired, live: try #require(PhonePoolPlanTests.live(["a", "c"])), references: references))
        #expect(!handler.claims(desired, live: try #require(PhonePoolPlanTests.live(["a"])), references: references))
        let adopting = try OriginationFixtures.desired(PhonePoolPlanTests.yaml(["c"], extra: "  adopt: pool-1"))
        #expect(handler.claims(adopting, live: try #require(PhonePoolPlanTests.live(["a"])), references: references))
    }
}
