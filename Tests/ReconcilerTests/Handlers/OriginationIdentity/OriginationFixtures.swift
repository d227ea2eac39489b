import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Manifests, live states and plan inputs for the OriginationIdentity and PhonePool plan tests.
enum OriginationFixtures {
    /// The `extra` line that gives a number of `numberYAML` a completed registration: a US toll-free or 10DLC number
    /// without one stays PENDING (carriers do not deliver its SMS), on AWS as in the emulator.
    static let registration = "    registrationId: registration-0123456789abcdef0123456789abcdef"

    /// A toll-free number manifest named `name` with extra spec lines and a policy block.
    static func numberYAML(_ name: String = "us-tollfree", numberType: String = "TOLL_FREE", messageType: String = "TRANSACTIONAL",
                           country: String = "US", capabilities: String = "[SMS]", extra: String = "",
                           policy: String = "") -> String {
        """
        apiVersion: smsauth/v1
        kind: OriginationIdentity
        metadata: {name: \(name)}
        spec:
          region: us-east-1
          phoneNumber:
            isoCountryCode: \(country)
            numberType: \(numberType)
            messageType: \(messageType)
            capabilities: \(capabilities)
        \(extra)
        \(policy)
        """
    }

    /// The only manifest of `yaml`.
    static func manifest(_ yaml: String) throws -> Manifest {
        let result = ManifestLoader().load(text: yaml, file: "test.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        return try #require(result.manifests.first)
    }

    /// The desired resource of `yaml` in us-east-1.
    static func desired(_ yaml: String, dependencies: [ResourceAddress] = []) throws -> DesiredResource {
        DesiredResource(manifest: try manifest(yaml), region: "us-east-1", dependencies: dependencies)
    }

    /// A phone number as DescribePhoneNumbers shows it.
    static func number(id: String = "phone-1", status: String = "ACTIVE", numberType: String = "TOLL_FREE",
                       messageType: String = "TRANSACTIONAL", country: String = "US", capabilities: [String] = ["SMS"],
                       deletionProtection: Bool = false, poolId: String? = nil,
                       tags: [String: String] = OwnershipTags.tags(for: address, owner: nil)) -> OriginationIdentityState? {
        var json: [String: JSONValue] = [
            "PhoneNumberId": .string(id), "PhoneNumberArn": .string("arn:aws:sms-voice:us-east-1:123456789012:phone-number/\(id)"),
            "PhoneNumber": "+18335550100", "Status": .string(status), "IsoCountryCode": .string(country),
            "MessageType": .string(messageType), "NumberCapabilities": .strings(capabilities), "NumberType": .string(numberType),
            "TwoWayEnabled": false, "SelfManagedOptOutsEnabled": false, "OptOutListName": "Default",
            "DeletionProtectionEnabled": .bool(deletionProtection),
        ]
        json["PoolId"] = poolId.map { .string($0) }
        return OriginationIdentityState(phoneNumber: .object(json), region: "us-east-1", tags: tags)
    }

    /// A sender ID as DescribeSenderIds shows it.
    static func sender(_ text: String = "QNATIME", country: String = "IN", deletionProtection: Bool = false,
                       tags: [String: String]) -> OriginationIdentityState? {
        OriginationIdentityState(senderId: [
            "SenderIdArn": .string("arn:aws:sms-voice:us-east-1:123456789012:sender-id/\(text)/\(country)"),
            "SenderId": .string(text), "IsoCountryCode": .string(country), "MessageTypes": ["TRANSACTIONAL", "PROMOTIONAL"],
            "DeletionProtectionEnabled": .bool(deletionProtection),
        ], region: "us-east-1", tags: tags)
    }

    /// The address of the default number manifest.
    static let address = ResourceAddress(kind: .originationIdentity, name: "us-tollfree")

    /// A plan input for the OriginationIdentity handler.
    static func input(_ desired: DesiredResource?, _ live: LiveState<OriginationIdentityLive>, address: ResourceAddress = address,
                      deletePolicy: DeletePolicy = .retain,
                      allowPurchase: Bool = false) -> PlanInput<OriginationIdentityLive> {
        PlanInput(address: address, desired: desired, live: live, status: nil, references: [:], dependencyActions: [:],
                  deletePolicy: deletePolicy, options: PlanOptions(account: "123456789012", allowPurchase: allowPurchase))
    }
}
