import Manifests
import Testing
@testable import Reconciler

/// The ClientToken of a purchase: deterministic, within AWS's 64 characters, changed by immutable fields only.
@Suite("OriginationIdentity ClientToken")
struct ClientTokenTests {
    typealias F = OriginationFixtures

    /// The token of `yaml`'s spec for `name` in `region`.
    static func token(_ yaml: String, name: String = "us-tollfree", region: String = "us-east-1") throws -> String {
        guard case .originationIdentity(let spec) = try F.manifest(yaml).spec else { throw ClientTokenTestError.wrongKind }
        return OriginationIdentityFields.clientToken(region: region, name: name, spec: spec)
    }

    @Test("the same manifest always gives the same token of at most 64 characters")
    func deterministic() throws {
        let first = try Self.token(F.numberYAML())
        #expect(first == (try Self.token(F.numberYAML())))
        #expect(first.count <= ClientToken.maxLength && first.hasPrefix("smsauth-"))
        #expect(first == (try Self.token(F.numberYAML(capabilities: "[SMS, SMS]"))))
    }

    @Test("each immutable field, the name and the region change the token", arguments: [
        (F.numberYAML(numberType: "LONG_CODE"), "us-tollfree", "us-east-1"),
        (F.numberYAML(messageType: "PROMOTIONAL"), "us-tollfree", "us-east-1"),
        (F.numberYAML(country: "CA"), "us-tollfree", "us-east-1"),
        (F.numberYAML(capabilities: "[SMS, VOICE]"), "us-tollfree", "us-east-1"),
        (F.numberYAML(), "other", "us-east-1"),
        (F.numberYAML(), "us-tollfree", "eu-west-1"),
    ])
    func differs(yaml: String, name: String, region: String) throws {
        #expect(try Self.token(yaml, name: name, region: region) != (try Self.token(F.numberYAML())))
    }

    @Test("mutable settings and tags do not change the token (an edit after a crash cannot buy twice)")
    func mutableIgnored() throws {
        let edited = F.numberYAML(extra: "    twoWay: false\n  deletionProtection: true\n  purchaseApproved: true\n  tags: {Team: Dev}")
        #expect(try Self.token(edited) == (try Self.token(F.numberYAML())))
    }
}

/// A fixture that is not an OriginationIdentity.
enum ClientTokenTestError: Error { case wrongKind }
