import AWSCore
import AWSServices
import Foundation
import Logging
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// The app clients of a pool whose clients cannot be listed fail alone: a client moved out of that pool (its status
/// still names it) does not hold up the clients of its new pool, which are read in the same read.
@Suite struct AppClientPoolFailureTests {
    static let moved = ResourceAddress(kind: .appClient, name: "moved")

    /// Answers ListUserPoolClients of one pool with a refusal; sends everything else on.
    struct PoolListingRefused: HTTPTransport {
        let inner: any HTTPTransport
        let poolId: String

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            if request.header("X-Amz-Target")?.hasSuffix(".ListUserPoolClients") == true,
               String(decoding: request.body, as: UTF8.self).contains(poolId) {
                return HTTPResponse(status: 400, headers: [HTTPHeader("Content-Type", "application/x-amz-json-1.1")],
                                    body: Data(#"{"__type": "NotAuthorizedException", "message": "denied by the test"}"#.utf8))
            }
            return try await inner.send(request, timeout: timeout)
        }
    }

    @Test func aClientMovedOutOfAPoolThatCannotBeListedFailsAlone() async throws {
        let pools = try await AppClientPoolMoveTests.twoPools()
        let world = pools.world
        let (_, webOutputs) = try await world.reconcile(AppClientHandler(), try AppClientEndToEndTests.desired(),
                                                        address: AppClientEndToEndTests.address)
        let other = try await CognitoIdentityProvider(client: world.context.client, region: ClientMfaWorld.region)
            .createUserPoolClient(["UserPoolId": .string(pools.otherId), "ClientName": "moved-client"])
        let web = ReadTarget(address: AppClientEndToEndTests.address, desired: try AppClientEndToEndTests.desired(),
                             status: ClientMfaWorld.status(AppClientEndToEndTests.address, outputs: webOutputs),
                             region: ClientMfaWorld.region, references: pools.references)
        let movedDesired = try ClientMfaFixtures.desired("""
            kind: AppClient
            metadata: {name: moved}
            spec: {userPool: qnatime, clientName: moved-client}
            """)
        let moved = ReadTarget(address: Self.moved, desired: movedDesired,
                               status: ClientMfaWorld.status(Self.moved, outputs: [
                                   "clientId": other.clientId, "clientName": "moved-client", "userPoolId": pools.otherId,
                               ]),
                               region: ClientMfaWorld.region, references: pools.references)
        let transport = PoolListingRefused(inner: world.emulator.awsTransport(), poolId: pools.otherId)
        let context = ReconcileContext(client: world.emulator.client(for: world.principal, transport: transport),
                                       logger: Logger(label: "test"))

        await #expect {
            _ = try await AppClientHandler().read([web, moved], context: context.forReadPass())
        } throws: { error in
            (error as? PoolMembersReadError)?.addresses == [Self.moved]
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
}
