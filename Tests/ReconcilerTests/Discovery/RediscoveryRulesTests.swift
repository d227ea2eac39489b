import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The pure rules of lost-state rediscovery: whose a listed resource is, where messaging kinds are listed, which
/// roles are SMS role candidates.
struct RediscoveryRulesTests {
    static func pool(_ tags: [String: String]) -> DiscoveredResource {
        DiscoveredResource(kind: .userPool, identifiers: ["id": "eu-west-1_abc"], tags: tags)
    }

    @Test func onlyThisOwnersTaggedResourcesAreOwned() {
        let owned = Self.pool(["smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/a", "smsauth:owner": "team"])
        #expect(owned.isOwned(by: "team"))
        #expect(owned.taggedAddress == ResourceAddress(kind: .userPool, name: "a"))
        #expect(!owned.isOwned(by: "other"), "another owner's")
        #expect(!Self.pool(["smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/a"]).isOwned(by: "team"),
                "no owner tag (legacy)")
        #expect(!Self.pool(["smsauth:owner": "team", "smsauth:resource": "UserPool/a"]).isOwned(by: "team"),
                "no managed-by tag")
        #expect(!Self.pool(["smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/a", "smsauth:owner": "team"])
            .isOwned(by: "team"), "a resource tag of another kind")
        #expect(!Self.pool(["smsauth:managed-by": "smsauth", "smsauth:resource": "nonsense", "smsauth:owner": "team"])
            .isOwned(by: "team"), "an unparsable resource tag")
    }

    @Test func messagingKindsAreListedOnlyWhereEndUserMessagingIsOffered() {
        #expect(!ResourceDiscovery.isOffered(.originationIdentity, in: "ap-southeast-7"))
        #expect(!ResourceDiscovery.isOffered(.phonePool, in: "ap-east-1"))
        #expect(ResourceDiscovery.isOffered(.userPool, in: "ap-southeast-7"))
        #expect(ResourceDiscovery.isOffered(.phonePool, in: "eu-west-1"))
    }

    @Test func smsRoleCandidatesTrustCognito() throws {
        let cognito = PolicyDocument(["Version": "2012-10-17", "Statement": [[
            "Effect": "Allow", "Principal": ["Service": ["lambda.amazonaws.com", "cognito-idp.amazonaws.com"]],
            "Action": "sts:AssumeRole",
        ]]])
        let lambda = PolicyDocument(["Version": "2012-10-17", "Statement": [[
            "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole",
        ]]])
        let denied = PolicyDocument(["Version": "2012-10-17", "Statement": [[
            "Effect": "Deny", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
        ]]])
        #expect(ResourceDiscovery.trustsCognito(cognito))
        #expect(!ResourceDiscovery.trustsCognito(lambda))
        #expect(!ResourceDiscovery.trustsCognito(denied))
        #expect(!ResourceDiscovery.trustsCognito(nil))
    }
}
