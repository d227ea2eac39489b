import Manifests
import Testing
@testable import Reconciler

/// Kinds are read after the kinds they depend on, so app clients see their pool's id.
@Suite struct LiveReaderWaveTests {
    @Test func everyKindComesAfterItsDependencies() {
        let waves = LiveReader.waves(of: Set(ResourceKind.allCases))
        #expect(waves == [
            [.smsAccountSettings, .smsRole, .originationIdentity, .sandboxNumber],
            [.phonePool, .userPool],
            [.appClient, .mfaPolicy],
        ])
    }

    @Test func aMissingDependencyKindDoesNotHoldAKindBack() {
        #expect(LiveReader.waves(of: [.appClient, .smsRole]) == [[.smsRole, .appClient]])
    }
}
