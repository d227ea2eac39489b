import Manifests
import Testing
@testable import Reconciler

/// A number's `spec.phoneNumber.registration`: planned as an association once AWS allows it, Pending until the
/// registration is COMPLETE.
@Suite struct RegistrationAssociationTests {
    static let registration = ResourceAddress(kind: .registration, name: "reg")

    /// A `RegistrationAssociation` of a registration with `outputs`.
    static func association(_ outputs: [String: String]) throws -> RegistrationAssociation {
        let desired = try ConfigurationSetPlanTests.desired("""
            apiVersion: smsauth/v1
            kind: OriginationIdentity
            metadata: {name: tf}
            spec:
              region: us-east-1
              phoneNumber: {isoCountryCode: US, numberType: TOLL_FREE, messageType: TRANSACTIONAL, capabilities: [SMS], registration: reg}
              purchaseApproved: true
            """)
        return try #require(RegistrationAssociation.of(OriginationIdentityHandler.spec(desired),
                                                       outputs: [registration: outputs]))
    }

    @Test func beforeTheRegistrationExistsTheIdIsKnownAfterApply() throws {
        let association = try Self.association([:])
        #expect(association.desired == .string(UserPoolSmsSettings.knownAfterApply))
        #expect(association.waiting == "waiting for Registration/reg; US carriers drop its SMS until the registration "
                + "is COMPLETE")
    }

    @Test func aTollFreeNumberJoinsBeforeApproval() throws {
        var association = try Self.association(["id": "registration-1", "type": "US_TOLL_FREE_REGISTRATION",
                                                "status": "SUBMITTED", "versionStatus": "SUBMITTED"])
        #expect(association.desired == "registration-1")
        #expect(association.live == .null)
        #expect(association.waiting == "waiting for Registration/reg (registration-1): registration SUBMITTED, version "
                + "SUBMITTED; US carriers drop its SMS until the registration is COMPLETE")
        association.associated = true
        #expect(association.live == "registration-1")
    }

    @Test func aCampaignTakesNumbersOnlyOnceComplete() throws {
        let reviewing = try Self.association(["id": "registration-2", "type": "US_TEN_DLC_CAMPAIGN_REGISTRATION",
                                              "status": "REVIEWING"])
        #expect(reviewing.desired == nil)
        let complete = try Self.association(["id": "registration-2", "type": "US_TEN_DLC_CAMPAIGN_REGISTRATION",
                                             "status": "COMPLETE"])
        #expect(complete.desired == "registration-2")
        #expect(complete.waiting == nil)
    }

    /// Bug: a number associated with registration A whose manifest names Registration B planned
    /// `+ phoneNumber.registration: "(known after apply)"`, then AWS refused ("already associated with a
    /// registration"). The plan now shows the current association and refuses.
    @Test func aNumberAssociatedWithAnotherRegistrationIsRefusedShowingIt() throws {
        let desired = try OriginationFixtures.desired(OriginationFixtures.numberYAML(
            extra: "    registration: reg\n  purchaseApproved: true"))
        var live = OriginationIdentityLive(identity: try #require(OriginationFixtures.number()))
        live.registration = RegistrationAssociation(name: "reg", id: "registration-b", type: "US_TOLL_FREE_REGISTRATION",
                                                    status: "CREATED", versionStatus: "DRAFT", associated: false,
                                                    elsewhere: "registration-a")
        let input = PlanInput(address: OriginationFixtures.address, desired: desired, live: .owned(live), status: nil,
                              references: [Self.registration: ["id": "registration-b", "type": "US_TOLL_FREE_REGISTRATION",
                                                               "status": "CREATED", "versionStatus": "DRAFT"]],
                              dependencyActions: [:], deletePolicy: .retain, options: PlanOptions(account: "123456789012"))
        let change = try OriginationIdentityHandler().plan(input)
        #expect(change.action == .refuse)
        let shown = try #require(change.fieldChanges.first { $0.path == "phoneNumber.registration" })
        #expect(shown.before == "registration-a" && shown.after == "registration-b")
        #expect(change.reason == "+18335550100 is associated with registration registration-a, and AWS has no operation "
                + "that ends an association (the model has no DeleteRegistrationAssociation; only releasing the number "
                + "does): set phoneNumber.registration back to the Registration of registration-a, or request a new "
                + "number for Registration/reg")
    }
}
