import AWSServices
import Foundation
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// An AppClient whose manifest names another pool: the client cannot move, so the change is refused by default and,
/// with `onImmutableChange: Recreate`, the client is deleted from the old pool and created in the new one.
@Suite struct AppClientPoolMoveTests {
    static let address = AppClientEndToEndTests.address
    static let otherPool = ResourceAddress(kind: .userPool, name: "other")

    /// The world plus a second pool, tagged as `UserPool/other`.
    struct TwoPools {
        let world: ClientMfaWorld
        let otherId: String
        /// The second pool's region.
        var otherRegion = ClientMfaWorld.region

        /// Both pools' outputs.
        var references: [ResourceAddress: [String: String]] {
            world.references.merging([AppClientPoolMoveTests.otherPool: ["id": otherId, "region": otherRegion]]) { a, _ in a }
        }

        /// Reads, plans and (when applied) applies the client against both pools.
        func reconcile(_ desired: DesiredResource, status: ResourceStatus) async throws -> (ResourceChange, [String: String]) {
            let handler = AppClientHandler()
            // The region the engine gives the target: its manifest's, the named pool's.
            let target = ReadTarget(address: AppClientPoolMoveTests.address, desired: desired, status: status,
                                    region: desired.region, references: references)
            let live = try #require(try await handler.read([target], context: world.context)[AppClientPoolMoveTests.address])
            let input = PlanInput(address: AppClientPoolMoveTests.address, desired: desired, live: live, status: status,
                                  references: references, dependencyActions: [AppClientPoolMoveTests.otherPool: .noop],
                                  deletePolicy: .delete, options: PlanOptions(account: "123456789012"))
            let change = try handler.plan(input)
            guard change.action.isApplied else { return (change, live.value.map(handler.outputs(of:)) ?? [:]) }
            let apply = ApplyContext(reconcile: world.context, references: ReferenceStore(references), options: input.options)
            return (change, try await handler.apply(change, input: input, context: apply))
        }

        /// The names of the clients in a pool.
        func clientNames(in poolId: String) async throws -> [String] {
            try await CognitoIdentityProvider(client: world.context.client, region: UserPoolMember.region(ofPoolId: poolId))
                .listUserPoolClients(poolId: poolId).map(\.clientName)
        }
    }

    /// The world and a second pool, `UserPool/other`, in `region`.
    static func twoPools(region: String = ClientMfaWorld.region) async throws -> TwoPools {
        let world = try await ClientMfaWorld.make()
        let other = try await CognitoIdentityProvider(client: world.context.client, region: region).createUserPool([
            "PoolName": .string("clientmfa-other-\(UUID().uuidString.prefix(8).lowercased())"),
            "UserPoolTags": .strings(OwnershipTags.tags(for: otherPool, owner: nil)),
        ])
        return TwoPools(world: world, otherId: other.id, otherRegion: region)
    }

    /// The manifest naming `UserPool/other` in `region` (the engine gives an AppClient its pool's region).
    static func movedDesired(region: String, policy: String?) throws -> DesiredResource {
        let named = try policy.map { try AppClientEndToEndTests.desired(userPool: "other", policy: $0) }
            ?? AppClientEndToEndTests.desired(userPool: "other")
        return DesiredResource(manifest: named.manifest, region: region, dependencies: named.dependencies)
    }

    /// A pool in another region: the old client is still found in its own pool's region, so the move is refused
    /// (and replaced under Recreate) there as well; before, it was looked for in the new region, read as absent,
    /// and a second client was created while the first stayed behind, forgotten.
    @Test(arguments: [false, true])
    func movingToAPoolInAnotherRegion(recreate: Bool) async throws {
        let pools = try await Self.twoPools(region: "eu-west-3")
        let (_, outputs) = try await pools.world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                           address: Self.address)
        let moved = try Self.movedDesired(region: "eu-west-3", policy: recreate ? "{onImmutableChange: Recreate}" : nil)
        let (change, newOutputs) = try await pools.reconcile(moved,
                                                             status: ClientMfaWorld.status(Self.address, outputs: outputs))
        #expect(change.action == (recreate ? .replace : .refuse))
        #expect(try await pools.clientNames(in: pools.world.poolId) == (recreate ? [] : ["web-client"]))
        #expect(try await pools.clientNames(in: pools.otherId) == (recreate ? ["web-client"] : []))
        if recreate { #expect(newOutputs["userPoolId"] == pools.otherId) }
    }

    @Test func movingIsRefusedByDefaultAndLeavesBothPoolsAlone() async throws {
        let pools = try await Self.twoPools()
        let (_, outputs) = try await pools.world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                           address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let (refused, _) = try await pools.reconcile(try AppClientEndToEndTests.desired(userPool: "other"), status: status)
        #expect(refused.action == .refuse)
        #expect(refused.fieldChanges.filter(\.forcesReplacement) == [
            FieldChange(path: "userPool", before: .string(pools.world.poolId), after: .string(pools.otherId),
                        forcesReplacement: true),
        ])
        #expect(try await pools.clientNames(in: pools.world.poolId) == ["web-client"])
        #expect(try await pools.clientNames(in: pools.otherId).isEmpty)
    }

    @Test func movingWithRecreateDeletesFromTheOldPoolAndCreatesInTheNewOne() async throws {
        let pools = try await Self.twoPools()
        let (_, outputs) = try await pools.world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                           address: Self.address)
        let moved = try AppClientEndToEndTests.desired(userPool: "other", policy: "{onImmutableChange: Recreate}")
        let (replaced, newOutputs) = try await pools.reconcile(moved, status: ClientMfaWorld.status(Self.address, outputs: outputs))
        #expect(replaced.action == .replace)
        #expect(newOutputs["userPoolId"] == pools.otherId)
        #expect(newOutputs["clientId"] != outputs["clientId"])
        #expect(try await pools.clientNames(in: pools.world.poolId).isEmpty)
        #expect(try await pools.clientNames(in: pools.otherId) == ["web-client"])

        let (again, _) = try await pools.reconcile(moved, status: ClientMfaWorld.status(Self.address, outputs: newOutputs))
        #expect(again.action == .noop)
    }

    /// A Recreate that stopped after deleting the old client, before creating the new one, leaves a status naming
    /// a client gone from the old pool. A client of the same name there (made by hand) is not the moved client: it
    /// is never taken for it, so never deleted; the client is created in the new pool.
    @Test func aClientOfTheNameLeftInTheOldPoolIsNeverTakenForTheMovedOne() async throws {
        let pools = try await Self.twoPools()
        let (_, outputs) = try await pools.world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                           address: Self.address)
        let oldId = try #require(outputs["clientId"])
        try await pools.world.cognito.deleteUserPoolClient(poolId: pools.world.poolId, clientId: oldId)
        let byHand = try await pools.world.cognito.createUserPoolClient([
            "UserPoolId": .string(pools.world.poolId), "ClientName": "web-client",
        ])

        let moved = try AppClientEndToEndTests.desired(userPool: "other", policy: "{onImmutableChange: Recreate}")
        let (change, newOutputs) = try await pools.reconcile(moved,
                                                             status: ClientMfaWorld.status(Self.address, outputs: outputs))
        #expect(change.action == .create)
        #expect(newOutputs["userPoolId"] == pools.otherId)
        let left = try await pools.world.cognito.listUserPoolClients(poolId: pools.world.poolId)
        #expect(left.map(\.clientId) == [byHand.clientId])
        #expect(try await pools.clientNames(in: pools.otherId) == ["web-client"])
    }

    /// In the pool a moved client's status records, only the recorded id identifies it: a status that records no
    /// client id there (the pool of a client whose name was ambiguous, or a status file edited by hand) finds
    /// nothing by name in that pool, so the client there is left alone and the moved one is created in the new pool.
    @Test func withoutARecordedIdNothingInTheOldPoolIsTakenForTheMovedClient() async throws {
        let pools = try await Self.twoPools()
        let (_, outputs) = try await pools.world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                           address: Self.address)
        let oldId = try #require(outputs["clientId"])
        let moved = try AppClientEndToEndTests.desired(userPool: "other", policy: "{onImmutableChange: Recreate}")
        var withoutId = outputs
        withoutId["clientId"] = nil
        let (change, _) = try await pools.reconcile(moved,
                                                    status: ClientMfaWorld.status(Self.address, outputs: withoutId))
        #expect(change.action == .create)
        let left = try await pools.world.cognito.listUserPoolClients(poolId: pools.world.poolId)
        #expect(left.map(\.clientId) == [oldId])
        #expect(try await pools.clientNames(in: pools.otherId) == ["web-client"])
    }

    /// Moved to a pool not created yet, the client is looked for in its recorded pool only, by id, then by name
    /// (that pool may still be the one the manifest names, under a renamed UserPool manifest). A client found there
    /// by name alone is not this resource's, the new pool being created in this run: it is left alone, and the
    /// client is created in the new pool; nothing is deleted to be moved.
    @Test func aClientFoundByNameWhileItsNewPoolIsNotCreatedIsNotTakenForIt() async throws {
        let world = try await ClientMfaWorld.make()
        let (_, outputs) = try await world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                     address: Self.address)
        try await world.cognito.deleteUserPoolClient(poolId: world.poolId, clientId: try #require(outputs["clientId"]))
        let byHand = try await world.cognito.createUserPoolClient([
            "UserPoolId": .string(world.poolId), "ClientName": "web-client",
        ])
        let moved = try Self.movedDesired(region: ClientMfaWorld.region, policy: "{onImmutableChange: Recreate}")
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let handler = AppClientHandler()
        let target = ReadTarget(address: Self.address, desired: moved, status: status, region: moved.region,
                                references: world.references)
        let live = try #require(try await handler.read([target], context: world.context)[Self.address])
        let input = PlanInput(address: Self.address, desired: moved, live: live, status: status,
                              references: world.references, dependencyActions: [Self.otherPool: .create],
                              deletePolicy: .delete, options: PlanOptions(account: "123456789012"))
        let change = try handler.plan(input)
        #expect(change.action == .create, "\(String(describing: change.reason))")
        #expect(try await world.cognito.listUserPoolClients(poolId: world.poolId).map(\.clientId) == [byHand.clientId])
    }
}
