import Testing
@testable import AWSCore

/// A certificate names the endpoint asked for: its DNS names for a host name (`*.` for exactly one leftmost label),
/// its IP addresses for an address; nothing else counts.
@Suite struct ServerIdentityTests {
    static let aws: [ServerIdentity.Name] = [.dns("cognito-idp.eu-west-1.amazonaws.com"), .dns("*.s3.eu-west-1.amazonaws.com"),
                                             .ip([10, 0, 0, 1]), .dns("Sts.AmazonAWS.com.")]

    @Test(arguments: [
        ("cognito-idp.eu-west-1.amazonaws.com", true), ("COGNITO-IDP.eu-west-1.amazonaws.com.", true),
        ("bucket.s3.eu-west-1.amazonaws.com", true), ("sts.amazonaws.com", true),
        ("s3.eu-west-1.amazonaws.com", false), ("a.b.s3.eu-west-1.amazonaws.com", false),
        ("cognito-idp.eu-west-2.amazonaws.com", false), ("10.0.0.1", true), ("10.0.0.2", false),
        ("127.0.0.1", false), ("::1", false), ("evil.com", false), ("", false),
    ])
    func matches(_ host: String, _ expected: Bool) {
        #expect(ServerIdentity.matches(host: host, names: Self.aws) == expected)
    }

    @Test func addressesCompareAsAddressesNotText() {
        #expect(ServerIdentity.matches(host: "::1", names: [.ip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])]))
        #expect(ServerIdentity.matches(host: "0:0::1", names: [.ip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])]))
        #expect(!ServerIdentity.matches(host: "127.0.0.1", names: [.dns("127.0.0.1")]))
        #expect(!ServerIdentity.matches(host: "localhost", names: [.ip([127, 0, 0, 1])]))
        #expect(!ServerIdentity.matches(host: "x.example.com", names: [.dns("*.*.com"), .dns("x*.example.com")]))
        #expect(!ServerIdentity.matches(host: "example.com", names: []))
        #expect(!ServerIdentity.matches(host: "example.com", names: [.dns("*.com")]))
        #expect(ServerIdentity.matches(host: "a.example.com", names: [.dns("*.example.com")]))
    }
}
