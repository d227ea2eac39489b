import Manifests
import Reconciler
import Testing
@testable import Controller

/// Registrations under AWS's review are looked at again every `registrationPoll` (default one hour), every other
/// pending resource every `pendingPoll`.
@Suite struct RegistrationPollTests {
    @Test func registrationsArePolledSlowlyByDefault() {
        let settings = ControllerSettings()
        #expect(settings.pendingPoll(for: .registration) == .seconds(3600))
        #expect(settings.pendingPoll(for: .sandboxNumber) == .seconds(30))
        #expect(settings.pendingPoll(for: .originationIdentity) == .seconds(30))
    }

    @Test func theRegistrationIntervalIsItsOwn() {
        let settings = ControllerSettings(pendingPoll: .seconds(5), registrationPoll: .seconds(120))
        #expect(settings.pendingPoll(for: .registration) == .seconds(120))
        #expect(ResourceKind.allCases.filter { settings.pendingPoll(for: $0) == .seconds(5) }.count
            == ResourceKind.allCases.count - 1)
    }

    /// A Registration waiting for a number to be associated before it is submitted is looked at every pending poll:
    /// the number's apply, not AWS's review, ends that wait.
    @Test func aRegistrationWaitingForAnAssociationIsPolledAtThePendingInterval() {
        let settings = ControllerSettings(pendingPoll: .seconds(5), registrationPoll: .seconds(120))
        let waiting = "registration CREATED, version 1 DRAFT: \(RegistrationWait.association) (an OriginationIdentity "
            + "naming it in spec.phoneNumber.registration) before it is submitted (ASSOCIATE_BEFORE_SUBMIT)"
        #expect(settings.pendingPoll(for: .registration, message: waiting) == .seconds(5))
        let associated = "registration CREATED, version 1 DRAFT: not submitted yet: a number is associated now "
            + "(ASSOCIATE_BEFORE_SUBMIT), \(RegistrationWait.submission)"
        #expect(settings.pendingPoll(for: .registration, message: associated) == .seconds(5))
        #expect(settings.pendingPoll(for: .registration,
                                     message: "registration SUBMITTED, version 1 SUBMITTED: waiting for AWS's review")
            == .seconds(120))
        #expect(settings.pendingPoll(for: .registration, message: nil) == .seconds(120))
        #expect(settings.pendingPoll(for: .originationIdentity, message: waiting) == .seconds(5))
    }
}
