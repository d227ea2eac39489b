import Manifests
import Testing
@testable import Reconciler

/// Every kind a manifest can declare is wired where forgetting it compiles but goes wrong at run time: a handler in
/// the standard registry (else every resource is "blocked: this build cannot manage"), a place in the apply order
/// (else it silently sorts last) and a start of its read.
@Suite struct KindCoverageTests {
    @Test(arguments: ResourceKind.allCases)
    func everyKindHasAHandlerAndAPlace(_ kind: ResourceKind) {
        #expect(HandlerRegistry.standard.handler(for: kind)?.kind == kind, "\(kind) has no handler")
        #expect(ResourceKind.applyOrder.filter { $0 == kind }.count == 1, "\(kind) is not once in applyOrder")
        #expect(Self.readStarts().filter { $0 == kind }.count == 1, "\(kind) is not read exactly once")
    }

    /// A kind is applied after every kind it can depend on.
    @Test(arguments: ResourceKind.allCases)
    func dependenciesComeFirstInTheApplyOrder(_ kind: ResourceKind) {
        for dependency in DesiredState.dependencyKinds(of: kind) {
            #expect(dependency.applyRank < kind.applyRank, "\(dependency) must come before \(kind)")
        }
    }

    /// The order in which LiveReader starts every kind's read when each read finishes as soon as it starts.
    static func readStarts() -> [ResourceKind] {
        var waiting = Set(ResourceKind.allCases), unfinished = waiting, started: [ResourceKind] = []
        while !unfinished.isEmpty {
            let now = LiveReader.startable(waiting: waiting, unfinished: unfinished)
            guard !now.isEmpty else { break }
            waiting.subtract(now)
            unfinished.subtract(now)
            started += now
        }
        return started
    }

    /// A read can only need the outputs of resources the kind references.
    @Test(arguments: ResourceKind.allCases)
    func readDependenciesAreDependencies(_ kind: ResourceKind) {
        #expect(Set(DesiredState.readDependencyKinds(of: kind)).isSubset(of: DesiredState.dependencyKinds(of: kind)))
    }
}
