import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// The app clients of a pool whose clients cannot be read fail alone: a client moved out of that pool (its status
/// still names it) does not hold up the clients of its new pool, which are read in the same read.
@Suite struct AppClientPoolFailureTests {
    static let moved = ResourceAddress(kind: .appClient, name: "moved")

    /// Answers the app-client reads of one pool (ListUserPoolClients, DescribeUserPoolClient) with a refusal; sends
    /// everything else on.
    struct PoolClientReadsRefused: HTTPTransport {
        let inner: any HTTPTransport
        let poolId: String
        /// The operations refused.
        var operations: Set<String> = ["ListUserPoolClients", "DescribeUserPoolClient"]

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            let operation = request.header("X-Amz-Target")?.split(separator: ".").last.map(String.init) ?? ""
            if operations.contains(operation),
               String(decoding: request.body, as: UTF8.self).contains(poolId) {
                return HTTPResponse(status: 400, headers: [HTTPHeader("Content-Type", "application/x-amz-json-1.1")],
                                    body: Data(#"{"__type": "NotAuthorizedException", "message": "denied by the test"}"#.utf8))
            }
            return try await inner.send(request, timeout: timeout)
        }
    }

    @Test func aClientMovedOutOfAPoolWhoseClientsCannotBeReadFailsAlone() async throws {
        let pools = try await AppClientPoolMoveTests.twoPools()
        let world = pools.world
        let (web, webOutputs) = try await Self.web(in: world, references: pools.references)
        let other = try await CognitoIdentityProvider(client: world.context.client, region: ClientMfaWorld.region)
            .createUserPoolClient(["UserPoolId": .string(pools.otherId), "ClientName": "moved-client"])
        let moved = ReadTarget(address: Self.moved, desired: try Self.movedDesired(userPool: "qnatime"),
                               status: ClientMfaWorld.status(Self.moved, outputs: [
                                   "clientId": other.clientId, "clientName": "moved-client", "userPoolId": pools.otherId,
                               ]),
                               region: ClientMfaWorld.region, references: pools.references)
        let transport = PoolClientReadsRefused(inner: world.emulator.awsTransport(), poolId: pools.otherId)
        let context = ReconcileContext(client: world.emulator.client(for: world.principal, transport: transport),
                                       logger: Logger(label: "test"))

        await #expect {
            _ = try await AppClientHandler().read([web, moved], context: context.forReadPass())
        } throws: { error in
            guard let partial = error as? PartialRead<AppClientLive> else { return false }
            return Set(partial.found.keys) == [AppClientEndToEndTests.address] && Set(partial.failures.keys) == [Self.moved]
        }

        let results = await LiveReader(registry: .standard, context: context).read([web, moved])
        let webState = try #require(try results[AppClientEndToEndTests.address]?.get())
        #expect(webState.outputs["clientId"] == webOutputs["clientId"])
        guard case .failure(let failure)? = results[Self.moved] else {
            Issue.record("the moved client was read: \(String(describing: results[Self.moved]))")
            return
        }
        #expect(failure.awsErrorCode == "NotAuthorizedException")
        #expect(failure.message.contains("user pool \(pools.otherId)"), "\(failure.message)")
    }

    /// A context whose app-client reads of `poolId` (`operations`, both by default) are refused.
    static func refusing(_ poolId: String, world: ClientMfaWorld,
                         operations: Set<String> = ["ListUserPoolClients", "DescribeUserPoolClient"])
        -> ReconcileContext {
        let transport = PoolClientReadsRefused(inner: world.emulator.awsTransport(), poolId: poolId,
                                               operations: operations)
        return ReconcileContext(client: world.emulator.client(for: world.principal, transport: transport),
                                logger: Logger(label: "test"))
    }

    /// A client whose manifest names the other pool is looked for in its recorded pool first (where it is not), then
    /// in the named one, whose listing fails: only it fails, not the client read from the first pool.
    @Test func aFailureInTheSecondPoolSearchedFailsOnlyTheClientLookedForThere() async throws {
        let pools = try await AppClientPoolMoveTests.twoPools()
        let world = pools.world
        let (web, webOutputs) = try await Self.web(in: world, references: pools.references)
        let moving = try Self.movedDesired(userPool: "other")
        let moved = ReadTarget(address: Self.moved,
                               desired: DesiredResource(manifest: moving.manifest, region: ClientMfaWorld.region,
                                                        dependencies: [AppClientPoolMoveTests.otherPool]),
                               status: ClientMfaWorld.status(Self.moved, outputs: [
                                   "clientId": "gone0000000000000000000000", "clientName": "moved-client",
                                   "userPoolId": world.poolId,
                               ]),
                               region: ClientMfaWorld.region, references: pools.references)
        let context = Self.refusing(pools.otherId, world: world)
        let results = await LiveReader(registry: .standard, context: context).read([web, moved])
        #expect(try results[AppClientEndToEndTests.address]?.get().outputs["clientId"] == webOutputs["clientId"])
        guard case .failure(let failure)? = results[Self.moved] else {
            Issue.record("the moved client was read: \(String(describing: results[Self.moved]))")
            return
        }
        #expect(failure.message.contains("user pool \(pools.otherId)"), "\(failure.message)")
    }

    /// A client whose pool does not exist yet is absent without a call, whatever happens to the other pools' reads;
    /// when the only pool searched fails, its clients fail with its error as it is.
    @Test func aClientOfAPoolNotCreatedYetIsAbsentWhenAnotherPoolFails() async throws {
        let world = try await ClientMfaWorld.make()
        let references = world.harness.references
        let (web, _) = try await Self.web(in: world, references: references)
        let new = ReadTarget(address: Self.moved, desired: try Self.movedDesired(userPool: "later"), status: nil,
                             region: ClientMfaWorld.region, references: references)
        let context = Self.refusing(world.poolId, world: world)
        let results = await LiveReader(registry: .standard, context: context).read([web, new])
        #expect(try results[Self.moved]?.get().presence == .absent)
        guard case .failure(let failure)? = results[AppClientEndToEndTests.address] else {
            Issue.record("the client of the refused pool was read: \(String(describing: results[AppClientEndToEndTests.address]))")
            return
        }
        #expect(failure.awsErrorCode == "NotAuthorizedException")
        await #expect(throws: AWSError.self) {
            _ = try await AppClientHandler().read([web], context: context.forReadPass())
        }
    }

    /// A recorded client gone from the pool its manifest names is looked for by name in that pool's list: when the
    /// list is refused, the client fails to be read, never read as absent (which would create a second client).
    @Test func aGoneRecordedClientWhosePoolCannotBeListedFails() async throws {
        let world = try await ClientMfaWorld.make()
        let (web, outputs) = try await Self.web(in: world, references: world.harness.references)
        var gone = outputs
        gone["clientId"] = "gone0000000000000000000000"
        let stale = ReadTarget(address: web.address, desired: web.desired,
                               status: ClientMfaWorld.status(web.address, outputs: gone), region: web.region,
                               references: web.references)
        let context = Self.refusing(world.poolId, world: world, operations: ["ListUserPoolClients"])
        let results = await LiveReader(registry: .standard, context: context).read([stale])
        guard case .failure(let failure)? = results[web.address] else {
            Issue.record("the client was read: \(String(describing: results[web.address]))")
            return
        }
        #expect(failure.awsErrorCode == "NotAuthorizedException")
    }

    /// `AppClient/web` created in the world's pool, as a read target with its status; and its outputs.
    static func web(in world: ClientMfaWorld,
                    references: [ResourceAddress: [String: String]]) async throws -> (ReadTarget, [String: String]) {
        let (_, outputs) = try await world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                     address: AppClientEndToEndTests.address)
        let target = ReadTarget(address: AppClientEndToEndTests.address, desired: try AppClientEndToEndTests.desired(),
                                status: ClientMfaWorld.status(AppClientEndToEndTests.address, outputs: outputs),
                                region: ClientMfaWorld.region, references: references)
        return (target, outputs)
    }

    /// A client named `moved-client` in `userPool`.
    static func movedDesired(userPool: String) throws -> DesiredResource {
        try ClientMfaFixtures.desired("""
            kind: AppClient
            metadata: {name: moved}
            spec: {userPool: \(userPool), clientName: moved-client}
            """)
    }
}
