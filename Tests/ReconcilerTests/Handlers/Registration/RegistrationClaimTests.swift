import Manifests
import Testing
@testable import Reconciler

/// A registration has no name: a manifest claims the registration of its region and type holding exactly the field
/// values it writes, so a `metadata.name` rename keeps it (status moves) instead of creating and submitting another.
@Suite struct RegistrationClaimTests {
    let handler = RegistrationHandler()

    @Test func theSameTypeRegionAndFieldValuesAreClaimed() throws {
        let live = try RegistrationPlanTests.live(versionStatus: "APPROVED", status: "COMPLETE")
        #expect(handler.claims(try RegistrationPlanTests.desired(), live: live, references: [:]))
    }

    @Test func anotherValueAnExtraLiveValueAnotherTypeOrRegionIsNotClaimed() throws {
        let live = try RegistrationPlanTests.live(versionStatus: "APPROVED", status: "COMPLETE")
        #expect(!handler.claims(try RegistrationPlanTests.desired(company: "Other Inc."), live: live, references: [:]))
        var extra = live
        extra.values["companyInfo.website"] = .text("https://example.com")
        #expect(!handler.claims(try RegistrationPlanTests.desired(), live: extra, references: [:]))
        var brand = live
        brand.type = "US_TEN_DLC_BRAND_REGISTRATION"
        #expect(!handler.claims(try RegistrationPlanTests.desired(), live: brand, references: [:]))
        var elsewhere = live
        elsewhere.region = "us-west-2"
        #expect(!handler.claims(try RegistrationPlanTests.desired(), live: elsewhere, references: [:]))
    }

    @Test func anAttachmentOfTheLiveRegistrationDoesNotPreventTheClaim() throws {
        var live = try RegistrationPlanTests.live(versionStatus: "APPROVED", status: "COMPLETE")
        live.values["messagingUseCase.optInImage"] = .attachment("attachment-1")
        #expect(handler.claims(try RegistrationPlanTests.desired(), live: live, references: [:]))
    }
}
