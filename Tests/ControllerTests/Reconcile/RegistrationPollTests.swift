import Manifests
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
}
