import AWSCore
import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// MfaPolicyHandler against the emulator, which rejects MFA ON through UpdateUserPool like AWS.
@Suite struct MfaPolicyEndToEndTests {
    static let address = ResourceAddress(kind: .mfaPolicy, name: "qnatime-mfa")

    static func desired(mode: String, remember: String = "Always", bypass: Bool = true) throws -> DesiredResource {
        try ClientMfaFixtures.desired("""
            kind: MfaPolicy
            metadata: {name: qnatime-mfa}
            spec:
              userPool: qnatime
              mode: \(mode)
              sms: {enabled: true, message: "Your sign-in code is {####}"}
              totp: {enabled: true}
              deviceTracking: {remember: \(remember), bypassMfaOnRememberedDevices: \(bypass)}
            """)
    }

    @Test func optionalThenOnOnAnExistingPool() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = MfaPolicyHandler()
        let (optional, outputs) = try await world.reconcile(handler, try Self.desired(mode: "OPTIONAL"), address: Self.address)
        #expect(optional.action == .update)
        #expect(outputs == ["userPoolId": world.poolId])
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        #expect(try await world.plan(handler, try Self.desired(mode: "OPTIONAL"), address: Self.address, status: status).0.action == .noop)

        let rejected = await #expect(throws: AWSError.self) {
            var request = try #require(try await world.cognito.describeUserPool(id: world.poolId)).updateRequest()
            request["MfaConfiguration"] = "ON"
            try await world.cognito.updateUserPool(.object(request))
        }
        #expect(rejected?.code == "InvalidParameterException")

        let before = try await world.operations().count
        let (on, _) = try await world.reconcile(handler, try Self.desired(mode: "ON"), address: Self.address, status: status)
        #expect(on.action == .update)
        #expect(on.fieldChanges == [FieldChange(path: "mode", before: "OPTIONAL", after: "ON")])
        let applied = Array(try await world.operations().dropFirst(before))
        #expect(applied == ["GetUserPoolMfaConfig", "DescribeUserPool", "GetUserPoolMfaConfig", "DescribeUserPool", "SetUserPoolMfaConfig"])

        let config = try await world.cognito.getUserPoolMfaConfig(poolId: world.poolId)
        #expect(config["MfaConfiguration"] == "ON")
        #expect(config["SmsMfaConfiguration"]?["SmsAuthenticationMessage"] == "Your sign-in code is {####}")
        #expect(config["SoftwareTokenMfaConfiguration"]?["Enabled"] == true)
        #expect(try await world.plan(handler, try Self.desired(mode: "ON"), address: Self.address, status: status).0.action == .noop)
    }

    @Test func deviceTrackingChangesNothingElseOnThePool() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = MfaPolicyHandler()
        let original = try #require(try await world.cognito.describeUserPool(id: world.poolId))
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(mode: "OPTIONAL", remember: "UserOptIn"),
                                                     address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)
        let optIn = try #require(try await world.cognito.describeUserPool(id: world.poolId)).raw
        #expect(optIn["DeviceConfiguration"] == ["DeviceOnlyRememberedOnUserPrompt": true, "ChallengeRequiredOnNewDevice": true])
        for member in ["LambdaConfig", "Policies", "SmsConfiguration", "AutoVerifiedAttributes", "UserPoolTags"] {
            #expect(optIn[member] == original.raw[member], "\(member)")
        }
        #expect(optIn["MfaConfiguration"] == "OPTIONAL")

        let never = try Self.desired(mode: "OPTIONAL", remember: "Never")
        let (change, _) = try await world.reconcile(handler, never, address: Self.address, status: status)
        #expect(change.fieldChanges.map(\.path) == ["deviceTracking.remember"])
        let cleared = try #require(try await world.cognito.describeUserPool(id: world.poolId)).raw
        #expect(cleared["DeviceConfiguration"] == nil)
        #expect(cleared["LambdaConfig"] == original.raw["LambdaConfig"])
        #expect(cleared["Policies"] == original.raw["Policies"])
        #expect(cleared["MfaConfiguration"] == "OPTIONAL")
        #expect(try await world.plan(handler, never, address: Self.address, status: status).0.action == .noop)
    }

    @Test func aRemovedPolicyTurnsMfaOffOnlyWithDelete() async throws {
        let world = try await ClientMfaWorld.make()
        let handler = MfaPolicyHandler()
        let (_, outputs) = try await world.reconcile(handler, try Self.desired(mode: "ON"), address: Self.address)
        let status = ClientMfaWorld.status(Self.address, outputs: outputs)

        let (retained, _) = try await world.reconcile(handler, nil, address: Self.address, status: status, deletePolicy: .retain)
        #expect(retained.action == .retain)
        #expect(try await world.cognito.getUserPoolMfaConfig(poolId: world.poolId)["MfaConfiguration"] == "ON")

        let (deleted, _) = try await world.reconcile(handler, nil, address: Self.address, status: status, deletePolicy: .delete)
        #expect(deleted.action == .delete)
        let config = try await world.cognito.getUserPoolMfaConfig(poolId: world.poolId)
        #expect(config["MfaConfiguration"] == "OFF")
        #expect(config["SmsMfaConfiguration"] == nil)
        #expect(config["SoftwareTokenMfaConfiguration"]?["Enabled"] != true)
    }

    @Test func readsWithOneGetMfaConfigAndOneDescribePerPool() async throws {
        let world = try await ClientMfaWorld.make()
        let before = try await world.operations().count
        let live = try await world.read(MfaPolicyHandler(), try Self.desired(mode: "OFF"), address: Self.address, status: nil)
        #expect(live.value?.pool.id == world.poolId)
        #expect(Array(try await world.operations().dropFirst(before)) == ["GetUserPoolMfaConfig", "DescribeUserPool"])
    }

    @Test func inAReadPassThePoolComesFromTheUserPoolRead() async throws {
        let world = try await ClientMfaWorld.make()
        let pass = world.context.forReadPass()
        let poolStatus = ClientMfaWorld.status(ClientMfaFixtures.pool, outputs: ["id": world.poolId])
        let poolTarget = ReadTarget(address: ClientMfaFixtures.pool, desired: nil, status: poolStatus,
                                    region: ClientMfaWorld.region)
        let before = try await world.operations().count
        let pool = try #require(try await UserPoolHandler().read([poolTarget], context: pass)[ClientMfaFixtures.pool])
        let target = ReadTarget(address: Self.address, desired: try Self.desired(mode: "OFF"), status: nil,
                                region: ClientMfaWorld.region, references: world.references)
        let live = try #require(try await MfaPolicyHandler().read([target], context: pass)[Self.address])
        #expect(live.value?.pool == pool.value)
        #expect(Array(try await world.operations().dropFirst(before)) == ["DescribeUserPool", "GetUserPoolMfaConfig"])
    }
}
