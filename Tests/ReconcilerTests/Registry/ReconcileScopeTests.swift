import Manifests
import Testing
@testable import Reconciler

/// A focused run (the controller's batch) reconciles an SMS role or SMS log role with the resources naming it, so
/// that a replacement moves them before the old role is deleted; other kinds are reconciled alone.
@Suite struct ReconcileScopeTests {
    static let role = ResourceAddress(kind: .smsRole, name: "sms")
    static let logRole = ResourceAddress(kind: .smsLogRole, name: "logs")
    static let pools = [ResourceAddress(kind: .userPool, name: "a"), ResourceAddress(kind: .userPool, name: "b")]
    static let settings = ResourceAddress(kind: .smsAccountSettings, name: "account")
    static let client = ResourceAddress(kind: .appClient, name: "web")
    static let graph = ResourceGraph(dependencies: [
        role: [], logRole: [], pools[0]: [role], pools[1]: [role], settings: [logRole], client: [pools[0]],
    ])

    @Test func aRoleIsReconciledWithWhatNamesIt() {
        let registry = HandlerRegistry.standard
        #expect(registry.reconcileScope(of: [Self.role], graph: Self.graph) == Set([Self.role] + Self.pools))
        #expect(registry.reconcileScope(of: [Self.logRole], graph: Self.graph) == [Self.logRole, Self.settings])
    }

    @Test func aRemovedRoleIsReconciledWithEveryResourceThatCanNameIt() {
        let removed = ResourceAddress(kind: .smsRole, name: "gone")
        #expect(HandlerRegistry.standard.reconcileScope(of: [removed], graph: Self.graph) == Set([removed] + Self.pools))
    }

    @Test func anyRemovedResourceIsReconciledWithWhatCanNameIt() {
        let removedPool = ResourceAddress(kind: .userPool, name: "gone")
        #expect(HandlerRegistry.standard.reconcileScope(of: [removedPool], graph: Self.graph) == [removedPool, Self.client],
                "the app clients (and MFA policies) that may still be in it")
        let removedClient = ResourceAddress(kind: .appClient, name: "gone")
        #expect(HandlerRegistry.standard.reconcileScope(of: [removedClient], graph: Self.graph) == [removedClient],
                "nothing names an app client")
    }

    @Test func otherKindsAreReconciledAlone() {
        let registry = HandlerRegistry.standard
        #expect(registry.reconcileScope(of: [Self.pools[0]], graph: Self.graph) == [Self.pools[0]],
                "a pool's replacement deletes the old pool itself: its clients are not pulled in")
        #expect(registry.reconcileScope(of: [Self.client, Self.settings], graph: Self.graph) == [Self.client, Self.settings])
    }

    /// What a run may change adds, for a removed key, the resources of its own kind, one of which may be its new
    /// name: the new name's run pairs the same rename and must not run beside it.
    @Test func aRemovedResourceMayChangeTheResourcesOfItsKind() {
        let registry = HandlerRegistry.standard
        let removedClient = ResourceAddress(kind: .appClient, name: "gone")
        #expect(registry.changeScope(of: [removedClient], graph: Self.graph) == [removedClient, Self.client])
        let removedPool = ResourceAddress(kind: .userPool, name: "gone")
        #expect(registry.changeScope(of: [removedPool], graph: Self.graph) == Set([removedPool, Self.client] + Self.pools))
        #expect(registry.changeScope(of: [Self.role], graph: Self.graph) == registry.reconcileScope(of: [Self.role], graph: Self.graph),
                "a key with a manifest changes only what it reconciles")
        #expect(registry.changeScope(of: [removedPool], graph: Self.graph) { $0 == Self.pools[1] }
                == [removedPool, Self.client, Self.pools[1]],
                "only the manifests that may be its new name (their status records no resource created)")
    }
}
