import Manifests
import Testing
@testable import Reconciler

/// Every kind a manifest can declare is wired where forgetting it compiles but goes wrong at run time: a handler in
/// the standard registry (else every resource is "blocked: this build cannot manage"), a place in the apply order
/// derived from its relations (a kind on a reference cycle would have none).
@Suite struct KindCoverageTests {
    @Test(arguments: ResourceKind.allCases)
    func everyKindHasAHandlerAndAPlace(_ kind: ResourceKind) {
        #expect(HandlerRegistry.standard.handler(for: kind)?.kind == kind, "\(kind) has no handler")
        #expect(ResourceKind.applyOrder.filter { $0 == kind }.count == 1, "\(kind) is not once in applyOrder")
    }

    /// A kind is applied after every kind it can depend on.
    @Test(arguments: ResourceKind.allCases)
    func dependenciesComeFirstInTheApplyOrder(_ kind: ResourceKind) {
        for dependency in kind.relations.dependencyKinds {
            #expect(dependency.applyRank < kind.applyRank, "\(dependency) must come before \(kind)")
        }
    }

    /// The derived order is the one plans list resources in (docs/plan-json.md): ties only move when a reference does.
    @Test func applyOrderIsTheDocumentedOne() {
        #expect(ResourceKind.applyOrder == [
            .smsLogRole, .smsAccountSettings, .smsRole, .registration, .originationIdentity, .phonePool,
            .configurationSet, .smsProtection, .userPool, .appClient, .mfaPolicy, .sandboxNumber,
        ])
    }

    /// A region taken from a reference names a declared reference field.
    @Test(arguments: ResourceKind.allCases)
    func regionReferencesAreDeclared(_ kind: ResourceKind) {
        if case .ofReference(let field) = kind.relations.region {
            #expect(kind.relations.references.contains { $0.field == field }, "\(kind) takes its region from \(field)")
        }
    }
}
