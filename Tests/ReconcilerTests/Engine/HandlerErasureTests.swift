import Manifests
@testable import Reconciler
import Testing

/// What the engine does for every handler: it hands a handler only manifests of the handler's `Spec`, and reads a
/// regional kind once per region by one rule.
@Suite struct HandlerErasureTests {
    static let options = PlanOptions(account: "123456789012")

    /// An input for `desired` with nothing found, as the engine builds it.
    static func input(_ desired: DesiredResource) -> ErasedPlanInput {
        ErasedPlanInput(address: desired.address, desired: desired,
                        observation: Observation(LiveState<SmsRoleLive>.absent, outputs: { _ in [:] }, phase: { _ in .ready }),
                        status: nil, references: [:], dependencyActions: [:], deletePolicy: .retain, options: options)
    }

    @Test("a manifest of another kind is refused by the erasure before the handler sees it")
    func aManifestOfAnotherKindIsTheEnginesFailure() async throws {
        let pool = try UserPoolFixtures.desired(UserPoolFixtures.yaml())
        let roles = AnyResourceHandler(SmsRoleHandler())
        #expect(throws: HandlerFailure.wrongKind(pool.address)) { try roles.plan(Self.input(pool)) }
        #expect(roles.plannedOutputs(of: pool, account: "123456789012", partition: "aws").isEmpty)
        let target = ReadTarget(address: pool.address, desired: pool, status: nil, region: "eu-west-1")
        await #expect(throws: HandlerFailure.wrongKind(pool.address)) {
            try await roles.read([target], context: EngineFixtures.context())
        }
        #expect(UserPoolHandler.spec(pool) != nil && SmsRoleHandler.spec(pool) == nil)
    }

    @Test("targets are read by region: their own, else the manifest's, else the one their status recorded")
    func targetsAreGroupedByRegion() throws {
        func status(_ name: String, region: String?) -> ResourceStatus {
            ResourceStatus(kind: .phonePool, name: name, specHash: "h", resource: region.map { ["region": $0] } ?? [:])
        }
        let address = { (name: String) in ResourceAddress(kind: .phonePool, name: name) }
        let targets = [
            ReadTarget(address: address("b"), desired: nil, status: status("b", region: "us-east-1"), region: "eu-west-1"),
            ReadTarget(address: address("a"), desired: nil, status: status("a", region: "eu-west-1"), region: nil),
            ReadTarget(address: address("c"), desired: nil, status: status("c", region: "us-east-1"), region: nil),
        ]
        let grouped = try targets.byRegion()
        #expect(grouped.map(\.region) == ["eu-west-1", "us-east-1"])
        #expect(grouped.map { $0.targets.map(\.address.name) } == [["b", "a"], ["c"]])
        let lost = ReadTarget(address: address("d"), desired: nil, status: status("d", region: nil), region: nil)
        #expect(throws: ReadTargetError.noRegion(address("d"))) { try (targets + [lost]).byRegion() }
        #expect(ReconcileFailure(classifying: ReadTargetError.noRegion(address("d"))).code == "read.noRegion")
    }
}

/// A removed app client whose status names no pool is an error, never "gone" (it would be forgotten while it stays).
@Suite struct AppClientWithoutPoolTests {
    @Test func aRemovedClientWithoutItsPoolIdIsAnError() async throws {
        let address = ResourceAddress(kind: .appClient, name: "web")
        let status = ResourceStatus(kind: .appClient, name: "web", specHash: "h", phase: .ready,
                                    resource: ["clientId": "abc123"])
        let target = ReadTarget(address: address, desired: nil, status: status, region: nil)
        let context = EngineFixtures.context()
        await #expect(throws: ReadTargetError.noPool(address)) {
            _ = try await AppClientHandler().read([target], context: context)
        }
        #expect(ReadTargetError.noPool(address).code == "read.noPool")
    }

    /// The engine reads the kind's other targets without the one it cannot read: one broken status file does not
    /// block every resource of its kind.
    @Test func theOtherTargetsOfTheKindAreStillRead() async throws {
        let lost = ResourceAddress(kind: .appClient, name: "lost")
        let status = ResourceStatus(kind: .appClient, name: "lost", specHash: "h", phase: .ready,
                                    resource: ["clientId": "abc123"])
        let fresh = ResourceAddress(kind: .appClient, name: "fresh")
        let freshStatus = ResourceStatus(kind: .appClient, name: "fresh", specHash: "h", phase: .ready, resource: [:])
        let results = await LiveReader(registry: .standard, context: EngineFixtures.context()).read([
            ReadTarget(address: lost, desired: nil, status: status, region: nil),
            ReadTarget(address: fresh, desired: nil, status: freshStatus, region: nil),
        ])
        #expect(throws: (any Error).self) { try results[lost]?.get() }
        if case .failure(let failure)? = results[lost] { #expect(failure.code == "read.noPool") }
        #expect((try? results[fresh]?.get()) != nil, "read without the broken one")
    }
}
