import Manifests
import Testing
@testable import Reconciler

/// An AppClient with `spec.outputs` is applied after its pool's MfaPolicy (its document carries the MFA settings);
/// one without outputs, or in another pool, is not.
@Suite struct DesiredStateOutputsTests {
    @Test func outputsWaitForThePoolsMfaPolicy() throws {
        let text = DesiredStateTests.text.replacingOccurrences(
            of: "spec: {userPool: pool, clientName: web}",
            with: "spec: {userPool: pool, clientName: web, outputs: {ssmParameter: /app/web}}") + """

            ---
            apiVersion: smsauth/v1
            kind: AppClient
            metadata: {name: plain}
            spec: {userPool: pool, clientName: plain}
            """
        let load = ManifestLoader().load(text: text, file: "d.yaml")
        #expect(!load.hasErrors, "\(load.diagnostics)")
        let state = try DesiredState(load: load, defaultRegion: "eu-central-1")
        let web = try #require(state.resources[ResourceAddress(kind: .appClient, name: "web")])
        let plain = try #require(state.resources[ResourceAddress(kind: .appClient, name: "plain")])
        #expect(web.dependencies.map(\.description) == ["UserPool/pool", "MfaPolicy/mfa"])
        #expect(plain.dependencies.map(\.description) == ["UserPool/pool"])
        let order = try ReconcileEngine.graph(desired: state, targets: [:], foreign: []).applyOrder.map(\.description)
        #expect(try #require(order.firstIndex(of: "MfaPolicy/mfa")) < (try #require(order.firstIndex(of: "AppClient/web"))))
    }
}
