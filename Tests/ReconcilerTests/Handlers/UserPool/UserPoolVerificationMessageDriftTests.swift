import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Cognito holds each verification message twice (`VerificationMessageTemplate` and the older top-level member);
/// smsauth sets both alike, so when they differ the one changed by hand is the live value the plan shows.
@Suite struct UserPoolVerificationMessageDriftTests {
    typealias F = UserPoolFixtures

    @Test func aHandChangedSmsVerificationMessageIsTheValueShown() throws {
        let pool = try F.pool(for: F.yaml(), extra: ["SmsVerificationMessage": "Changed by hand {####}"])
        let change = try F.plan(F.yaml(), live: .owned(pool))
        #expect(change.fieldChanges == [FieldChange(path: "verificationMessages.sms", before: "Changed by hand {####}",
                                                    after: "Your code is {####}.")])
    }

    @Test func aHandChangedTemplateMessageIsTheValueShown() throws {
        var template = try F.pool(for: F.yaml()).raw["VerificationMessageTemplate"]?.objectValue ?? [:]
        template["SmsMessage"] = "Template by hand {####}"
        let pool = try F.pool(for: F.yaml(), extra: ["VerificationMessageTemplate": .object(template)])
        let change = try F.plan(F.yaml(), live: .owned(pool))
        #expect(change.fieldChanges == [FieldChange(path: "verificationMessages.sms", before: "Template by hand {####}",
                                                    after: "Your code is {####}.")])
    }
}
