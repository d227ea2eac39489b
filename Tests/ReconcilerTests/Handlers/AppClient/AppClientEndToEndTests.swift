import AWSCore
import AWSServices
import Manifests
import Testing
import TestSupport
@testable import Reconciler

/// AppClientHandler against the emulator: read → plan → apply → read → plan.
@Suite struct AppClientEndToEndTests {
    static let address = ResourceAddress(kind: .appClient, name: "web")

    static func desired(generateSecret: Bool = false, readAttributes: String = "[email]", userPool: String = "qnatime",
                        policy: String = "{}") throws -> DesiredResource {
        try ClientMfaFixtures.desired("""
            kind: AppClient
            metadata: {name: web}
            policy: \(policy)
            spec:
              userPool: \(userPool)
              clientName: web-client
              generateSecret: \(generateSecret)
              explicitAuthFlows: [USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
              readAttributes: \(readAttributes)
              writeAttributes: [phone_number]
              preventUserExistenceErrors: true
              enableTokenRevocation: true
              tokenValidity: {accessToken: 60m, idToken: 1h, refreshToken: 30d}
            """)
    }

    @Test func createsAClientWithASecretThatNeverReachesOutputsThenPlansNothing() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (created, outputs) = try await world.reconcile(handler, try Self.desired(generateSecret: true), address: Self.address)
        #expect(created.action == .create)
        #expect(Set(outputs.keys) == ["clientId", "clientName", "userPoolId"])
        let clientId = try #require(outputs["clientId"])
        #expect(outputs["userPoolId"] == world.poolId)

        let described = try await world.raw("DescribeUserPoolClient", ["UserPoolId": .string(world.poolId), "ClientId": .string(clientId)])
        let secret = try #require(described["UserPoolClient"]?["ClientSecret"]?.stringValue)
        #expect(!outputs.values.contains { $0.contains(secret) })
        #expect(described["UserPoolClient"]?["TokenValidityUnits"] == ["AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "minutes"])

        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let (again, input) = try await world.plan(handler, try Self.desired(generateSecret: true), address: Self.address, status: status)
        #expect(again.action == .noop)
        #expect(!"\(input.live)".contains(secret))
        #expect(!"\(again)".contains(secret))

        let (lostStatus, _) = try await world.plan(handler, try Self.desired(generateSecret: true), address: Self.address)
        #expect(lostStatus.action == .noop)
        let clients = try await world.cognito.listUserPoolClients(poolId: world.poolId)
        #expect(clients.map(\.clientId) == [clientId])
    }

    @Test func aRecordedClientIsDescribedByItsIdAndAnyOtherFoundInItsPoolsList() async throws {
        let world = try await ClientMfaWorld.make()
        try await world.emulator.keepOperationsPageSize(accessKeyId: world.principal.accessKeyId)
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let clientId = try #require(outputs["clientId"])
        /// The operations of one read with `status`, and the client it found.
        func read(_ status: ResourceStatus?) async throws -> (operations: [String], clientId: String?) {
            let before = try await world.operations().count
            let live = try await world.read(handler, try Self.desired(), address: Self.address, status: status)
            let found: String? = if case let .owned(.client(client, _)) = live { client.clientId } else { nil }
            return (Array(try await world.operations().dropFirst(before)), found)
        }

        // What the status records, and the calls of the read that finds the client with it.
        let cases: [(label: String, recorded: [String: String]?, operations: [String])] = [
            ("its id: described by it, without a list", outputs, ["DescribeUserPoolClient"]),
            ("no status: found by name in the pool's list", nil, ["ListUserPoolClients", "DescribeUserPoolClient"]),
            ("the id of a client that is gone: the list is read, and the client found by name",
             outputs.merging(["clientId": "1example23456789"]) { _, edited in edited },
             ["DescribeUserPoolClient", "ListUserPoolClients", "DescribeUserPoolClient"]),
            ("an id AWS would not take as a client id (a status file edited by hand): not sent",
             outputs.merging(["clientId": "not a client id"]) { _, edited in edited },
             ["ListUserPoolClients", "DescribeUserPoolClient"]),
            // The id is tried in the recorded pool, where the client would still be, and that pool is not listed
            // (only the recorded client is this one there); then the pool the manifest names is listed.
            ("another pool, gone",
             outputs.merging(["userPoolId": "\(ClientMfaWorld.region)_OtherPool1"]) { _, edited in edited },
             ["DescribeUserPoolClient", "ListUserPoolClients", "DescribeUserPoolClient"]),
        ]
        for (label, recorded, operations) in cases {
            let found = try await read(recorded.map { ClientMfaWorld.status(Self.address, outputs: $0) })
            #expect(found.operations == operations, "\(label)")
            #expect(found.clientId == clientId, "\(label)")
        }

        // A removed client (no manifest, so no name to find it by) whose recorded client is gone: absent, and its
        // pool is not listed.
        let before = try await world.operations().count
        let removed = try await world.read(handler, nil, address: Self.address, status: ClientMfaWorld.status(
            Self.address, outputs: outputs.merging(["clientId": "1example23456789"]) { _, edited in edited }))
        #expect(Array(try await world.operations().dropFirst(before)) == ["DescribeUserPoolClient"])
        guard case .absent = removed else {
            Issue.record("a removed client whose recorded client is gone was found: \(removed)")
            return
        }
    }

    @Test func anUpdateKeepsOutOfBandOAuthSettings() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let clientId = try #require(outputs["clientId"])
        let live = try #require(try await world.cognito.describeUserPoolClient(poolId: world.poolId, clientId: clientId))
        var outOfBand = live.updateRequest()
        outOfBand["CallbackURLs"] = ["https://app.example.com/callback"]
        outOfBand["AllowedOAuthFlows"] = ["code"]
        outOfBand["AllowedOAuthScopes"] = ["openid"]
        outOfBand["AllowedOAuthFlowsUserPoolClient"] = true
        outOfBand["SupportedIdentityProviders"] = ["COGNITO"]
        try await world.cognito.updateUserPoolClient(.object(outOfBand))

        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let wanted = try Self.desired(readAttributes: "[email, phone_number]")
        let (update, _) = try await world.reconcile(handler, wanted, address: Self.address, status: status)
        #expect(update.action == .update)
        #expect(update.fieldChanges.map(\.path) == ["readAttributes"])

        let after = try #require(try await world.cognito.describeUserPoolClient(poolId: world.poolId, clientId: clientId)).raw
        #expect(after["ReadAttributes"] == ["email", "phone_number"])
        #expect(after["CallbackURLs"] == ["https://app.example.com/callback"])
        #expect(after["AllowedOAuthFlows"] == ["code"])
        #expect(after["AllowedOAuthScopes"] == ["openid"])
        #expect(after["AllowedOAuthFlowsUserPoolClient"] == true)
        #expect(after["ExplicitAuthFlows"] == ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"])
        #expect(try await world.plan(handler, wanted, address: Self.address, status: status).0.action == .noop)
    }

    @Test func aGenerateSecretChangeIsRefusedAndChangesNothing() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let (refused, _) = try await world.reconcile(handler, try Self.desired(generateSecret: true), address: Self.address, status: status)
        #expect(refused.action == .refuse)
        #expect(refused.reason?.contains("generateSecret cannot change after creation") == true)
        let clients = try await world.cognito.listUserPoolClients(poolId: world.poolId)
        #expect(clients.map(\.clientId) == [outputs["clientId"]])
        let live = try #require(try await world.cognito.describeUserPoolClient(poolId: world.poolId, clientId: clients[0].clientId))
        #expect(!live.hasSecret)
    }

    @Test func aRemovedManifestDeletesTheClientByDefault() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let (deleted, _) = try await world.reconcile(handler, nil, address: Self.address, status: status, deletePolicy: .delete)
        #expect(deleted.action == .delete)
        #expect(try await world.cognito.listUserPoolClients(poolId: world.poolId).isEmpty)
        #expect(try await world.plan(handler, nil, address: Self.address, status: status, deletePolicy: .delete).0.action == .noop)
    }

    @Test func aClientRenamedBetweenPlanAndDeleteIsNotDeleted() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let (change, input) = try await world.plan(handler, nil, address: Self.address, status: status, deletePolicy: .delete)
        #expect(change.action == .delete)
        let clientId = try #require(outputs["clientId"])
        _ = try await world.raw("UpdateUserPoolClient", [
            "UserPoolId": .string(world.poolId), "ClientId": .string(clientId), "ClientName": "renamed-in-between",
        ])
        let apply = ApplyContext(reconcile: world.context, references: ReferenceStore(world.references), options: input.options)
        await #expect(throws: AppClientError.identityChanged(Self.address, "client \(clientId) is now named \"renamed-in-between\", not the recorded \"\(outputs["clientName"] ?? "")\"")) {
            _ = try await handler.apply(change, input: input, context: apply)
        }
        #expect(try await world.cognito.listUserPoolClients(poolId: world.poolId).map(\.clientId) == [clientId])
        #expect(!(try await world.operations()).contains("DeleteUserPoolClient"))
    }

    @Test func aRemovedClientIsReadInTheRegionOfItsRecordedPool() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = AppClientHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        #expect(status.resource["region"] == nil, "an app client's status records no region")
        let target = ReadTarget(address: Self.address, desired: nil, status: status, region: nil)
        let live = try #require(try await handler.read([target], context: world.context)[Self.address])
        guard case let .owned(.client(client, _)) = live else {
            Issue.record("a removed client must be found through its recorded pool id, got \(live)")
            return
        }
        #expect(client.clientId == outputs["clientId"])
    }

    @Test func anAmbiguousCreateFailureIsCheckedByNameBeforeAnyNewCreate() async throws {
        let world = try await ClientMfaWorld.make()
        try await world.emulator.keepOperationsPageSize(accessKeyId: world.principal.accessKeyId)
        let handler = AppClientHandler()
        try await world.emulator.injectFaults([Emulator.FaultRule(
            service: "cognito-idp", operation: "CreateUserPoolClient", kind: "error5xx",
            accessKeyId: world.principal.accessKeyId, count: 1)])
        let before = try await world.operations().count
        let failure = await #expect(throws: AWSError.self) {
            _ = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        }
        #expect(failure?.httpStatus == 500)
        #expect(Array(try await world.operations().dropFirst(before)) == ["ListUserPoolClients", "CreateUserPoolClient", "ListUserPoolClients"])
        #expect(try await world.cognito.listUserPoolClients(poolId: world.poolId).isEmpty)

        let (created, outputs) = try await world.reconcile(handler, try Self.desired(), address: Self.address)
        #expect(created.action == .create)
        #expect(try await world.cognito.listUserPoolClients(poolId: world.poolId).map(\.clientId) == [outputs["clientId"]])
    }
}
