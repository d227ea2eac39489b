import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// PhonePool against the emulator: create from the first identity, associate, disassociate, noop replans, and a
/// delete refused while deletion protection is on.
@Suite("PhonePool end to end", .timeLimit(.minutes(8)))
struct PhonePoolEndToEndTests {
    let identities = OriginationIdentityHandler()
    let pools = PhonePoolHandler()

    /// Requests one ACTIVE toll-free number for a new OriginationIdentity and returns its address and outputs.
    func number(_ aws: OriginationEmulator) async throws -> (ResourceAddress, [String: String]) {
        let name = OriginationEmulator.unique("member")
        let address = ResourceAddress(kind: .originationIdentity, name: name)
        let desired = try OriginationFixtures.desired(OriginationFixtures.numberYAML(
            name, extra: OriginationFixtures.registration + "\n  purchaseApproved: true"))
        let (input, change) = try await aws.readAndPlan(identities, desired, address: address)
        return (address, try await identities.apply(change, input: input, context: aws.applyContext()))
    }

    /// A pool manifest over `members`.
    static func yaml(_ name: String, _ members: [ResourceAddress], protection: Bool) -> String {
        """
        apiVersion: smsauth/v1
        kind: PhonePool
        metadata: {name: \(name)}
        spec:
          region: us-east-1
          originationIdentities: [\(members.map(\.name).joined(separator: ", "))]
          isoCountryCode: US
          messageType: TRANSACTIONAL
          deletionProtection: \(protection)
          tags: {Team: Dev}
        """
    }

    @Test("create + associate, then disassociate; each replan is noop; delete refused while protected")
    func membership() async throws {
        let aws = try await OriginationEmulator.make()
        let (a, aOutputs) = try await number(aws)
        let (b, bOutputs) = try await number(aws)
        let references = [a: aOutputs, b: bOutputs]
        let name = OriginationEmulator.unique("pool")
        let address = ResourceAddress(kind: .phonePool, name: name)

        let both = try OriginationFixtures.desired(Self.yaml(name, [a, b], protection: true), dependencies: [a, b])
        let (createInput, create) = try await aws.readAndPlan(pools, both, address: address, references: references)
        #expect(create.action == .create)
        #expect(create.fieldChanges.filter { $0.path.hasPrefix("originationIdentities.") }.count == 2)
        let outputs = try await pools.apply(create, input: createInput, context: aws.applyContext(references))
        let poolId = try #require(outputs["id"])
        #expect(try await members(aws, poolId) == [aOutputs["id"], bOutputs["id"]].compactMap { $0 }.sorted())
        let (_, replan) = try await aws.readAndPlan(pools, both, address: address, references: references)
        #expect(replan.action == .noop)

        let onlyB = try OriginationFixtures.desired(Self.yaml(name, [b], protection: true), dependencies: [b])
        let (shrinkInput, shrink) = try await aws.readAndPlan(pools, onlyB, address: address, references: references)
        #expect(shrink.action == .update)
        #expect(shrink.fieldChanges == [FieldChange(path: "originationIdentities.\(a.name)", before: true, after: false)])
        _ = try await pools.apply(shrink, input: shrinkInput, context: aws.applyContext(references))
        #expect(try await members(aws, poolId) == [bOutputs["id"]].compactMap { $0 })
        let (_, shrunk) = try await aws.readAndPlan(pools, onlyB, address: address, references: references)
        #expect(shrunk.action == .noop)

        let (growInput, grow) = try await aws.readAndPlan(pools, both, address: address, references: references)
        #expect(grow.fieldChanges == [FieldChange(path: "originationIdentities.\(a.name)", before: false, after: true)])
        _ = try await pools.apply(grow, input: growInput, context: aws.applyContext(references))
        #expect(try await members(aws, poolId) == [aOutputs["id"], bOutputs["id"]].compactMap { $0 }.sorted())

        let status = ResourceStatus(kind: .phonePool, name: name, specHash: "test", resource: outputs)
        let (_, refused) = try await aws.readAndPlan(pools, nil, address: address,
                                                                   status: status, deletePolicy: .delete)
        #expect(refused.action == .refuse && refused.reason?.contains("deletion protection is on") == true)
        _ = try await aws.sms.updatePool(["PoolId": .string(poolId), "DeletionProtectionEnabled": false])
        let (deleteInput, delete) = try await aws.readAndPlan(pools, nil, address: address,
                                                                            status: status, deletePolicy: .delete)
        #expect(delete.action == .delete)
        _ = try await pools.apply(delete, input: deleteInput, context: aws.applyContext())
        #expect(try await aws.sms.describePools().allSatisfy { $0["PoolId"]?.stringValue != poolId })
    }

    /// The PhoneNumberIds in the pool, sorted (read with the raw client).
    func members(_ aws: OriginationEmulator, _ poolId: String) async throws -> [String] {
        try await aws.sms.listPoolOriginationIdentities(poolId: poolId).compactMap { $0["OriginationIdentity"]?.stringValue }.sorted()
    }
}
