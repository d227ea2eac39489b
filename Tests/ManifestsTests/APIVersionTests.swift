import Testing
@testable import Manifests

@Suite struct APIVersionTests {
    @Test func versionString() { #expect(APIVersion.v1 == "smsauth/v1") }
}
