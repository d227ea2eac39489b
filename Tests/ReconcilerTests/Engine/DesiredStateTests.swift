import Manifests
import Testing
@testable import Reconciler

/// Regions and dependencies of desired resources.
@Suite("DesiredState")
struct DesiredStateTests {
    static let text = """
        apiVersion: smsauth/v1
        kind: SmsRole
        metadata: {name: role}
        spec: {roleName: r, externalId: 7f1c8a52-3c59-4a8e-9d2e-5b1f0c2d9a11}
        ---
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: pool}
        spec: {poolName: P, smsRole: role, region: ap-southeast-1}
        ---
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: web}
        spec: {userPool: pool, clientName: web}
        ---
        apiVersion: smsauth/v1
        kind: MfaPolicy
        metadata: {name: mfa}
        spec: {userPool: pool, mode: "OFF"}
        ---
        apiVersion: smsauth/v1
        kind: SmsAccountSettings
        metadata: {name: settings}
        spec: {monthlySpendLimitUSD: 10}
        """

    @Test("regions: own, pool's, default, none for IAM; dependencies from references", arguments: [
        ("SmsRole/role", String?.none, [String]()),
        ("UserPool/pool", "ap-southeast-1", ["SmsRole/role"]),
        ("AppClient/web", "ap-southeast-1", ["UserPool/pool"]),
        ("MfaPolicy/mfa", "ap-southeast-1", ["UserPool/pool"]),
        ("SmsAccountSettings/settings", "eu-central-1", []),
    ])
    func regionsAndDependencies(address: String, region: String?, dependencies: [String]) throws {
        let load = ManifestLoader().load(text: Self.text, file: "d.yaml")
        #expect(!load.hasErrors, "\(load.diagnostics)")
        let state = try DesiredState(load: load, defaultRegion: "eu-central-1")
        let resource = try #require(state.resources[try ResourceAddress(parsing: address)])
        #expect(resource.region == region)
        #expect(resource.dependencies.map(\.description) == dependencies)
    }

    @Test("the graph orders every resource after what it references")
    func order() throws {
        let state = try DesiredState(load: ManifestLoader().load(text: Self.text, file: "d.yaml"),
                                     defaultRegion: "eu-central-1")
        #expect(try ReconcileEngine.graph(desired: state, targets: [:], foreign: []).applyOrder.map(\.description) == [
            "SmsAccountSettings/settings", "SmsRole/role", "UserPool/pool", "AppClient/web", "MfaPolicy/mfa",
        ])
    }
}
