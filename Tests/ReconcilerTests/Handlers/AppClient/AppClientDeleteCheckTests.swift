import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// A removed app client is deleted only while the client found by its recorded id is still the recorded one.
@Suite struct AppClientDeleteCheckTests {
    static let address = ResourceAddress(kind: .appClient, name: "signup")

    /// A status recording `resource`.
    static func status(_ resource: [String: String]) -> ResourceStatus {
        ResourceStatus(kind: .appClient, name: "signup", specHash: "h", resource: resource)
    }

    static let recorded = ["clientId": "c1", "clientName": "signup-client", "userPoolId": "us-east-1_Pool1"]

    /// (live client name, live pool, recorded resource, expected action, words the reason must hold)
    static let cases: [(String, String, [String: String], ChangeAction, String?)] = [
        ("signup-client", "us-east-1_Pool1", recorded, .delete, nil),
        ("renamed-by-hand", "us-east-1_Pool1", recorded, .retain,
         "client c1 is now named \"renamed-by-hand\", not the recorded \"signup-client\""),
        ("signup-client", "us-east-1_Other", recorded, .retain,
         "client c1 is in user pool us-east-1_Other, not in the recorded us-east-1_Pool1"),
        ("signup-client", "us-east-1_Pool1", ["clientId": "c1", "userPoolId": "us-east-1_Pool1"], .retain,
         "records no client name"),
    ]

    @Test(arguments: cases.indices)
    func deleteOnlyTheRecordedClient(index: Int) throws {
        let (name, pool, resource, expected, reason) = Self.cases[index]
        let live = try AppClientPlanTests.live(["ClientName": .string(name), "UserPoolId": .string(pool)])
        let input = ClientMfaFixtures.input(Self.address, desired: nil, live: live, deletePolicy: .delete,
                                            status: Self.status(resource))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == expected)
        if let reason {
            #expect(change.reason?.contains(reason) == true, "\(change.reason ?? "no reason")")
            #expect(change.warnings.contains { $0.contains(reason) })
        } else {
            #expect(change.reason == nil && change.warnings.isEmpty)
        }
    }

    @Test func aRetainPolicyReleasesWithoutAWarning() throws {
        let live = try AppClientPlanTests.live(["ClientName": "renamed-by-hand"])
        let input = ClientMfaFixtures.input(Self.address, desired: nil, live: live, deletePolicy: .retain,
                                            status: Self.status(Self.recorded))
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .retain)
        #expect(change.warnings.isEmpty)
    }
}
