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
}
