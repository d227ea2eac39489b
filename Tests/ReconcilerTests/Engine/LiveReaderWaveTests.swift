import Manifests
import Testing
@testable import Reconciler

/// Kinds are read after the kinds their read needs, so app clients see their pool's id; other kinds (an SMS role
/// and its pool) are read together.
@Suite struct LiveReaderWaveTests {
    @Test func everyKindComesAfterTheKindsItsReadNeeds() {
        let waves = LiveReader.waves(of: Set(ResourceKind.allCases))
        #expect(waves == [
            [.smsAccountSettings, .smsRole, .originationIdentity, .phonePool, .userPool, .sandboxNumber],
            [.appClient, .mfaPolicy],
        ])
    }

    @Test func aMissingDependencyKindDoesNotHoldAKindBack() {
        #expect(LiveReader.waves(of: [.appClient, .smsRole]) == [[.smsRole, .appClient]])
    }
}
