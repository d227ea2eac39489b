import Manifests
import Testing
@testable import Reconciler

/// A kind's read starts as soon as the kinds its read needs are read, so app clients see their pool's id; other
/// kinds (an SMS role and its pool) are read at once.
@Suite struct LiveReaderStartTests {
    @Test func everyKindWhoseReadNeedsNothingStartsAtOnce() {
        let all = Set(ResourceKind.allCases)
        #expect(LiveReader.startable(waiting: all, unfinished: all)
            == [.smsLogRole, .smsAccountSettings, .smsRole, .registration, .phonePool,
                .configurationSet, .smsProtection, .userPool, .sandboxNumber])
    }

    @Test func appClientsAndMfaPoliciesStartWhenThePoolsAreReadNotWhenEverythingIs() {
        let stillReading: Set<ResourceKind> = [.smsRole, .userPool]
        #expect(LiveReader.startable(waiting: [.appClient, .mfaPolicy], unfinished: stillReading.union([.appClient, .mfaPolicy])).isEmpty)
        #expect(LiveReader.startable(waiting: [.appClient, .mfaPolicy], unfinished: [.smsRole, .appClient, .mfaPolicy])
            == [.appClient, .mfaPolicy])
    }

    @Test func aMissingDependencyKindDoesNotHoldAKindBack() {
        #expect(LiveReader.startable(waiting: [.appClient, .smsRole], unfinished: [.appClient, .smsRole])
            == [.smsRole, .appClient])
    }
}
