import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Pure plans of PhonePool: creation with members, membership diff, immutable fields, deletion protection.
@Suite("PhonePool plan")
struct PhonePoolPlanTests {
    let handler = PhonePoolHandler()
    static let address = ResourceAddress(kind: .phonePool, name: "us-senders")

    /// A pool manifest over `identities`.
    static func yaml(_ identities: [String] = ["a", "b"], messageType: String = "TRANSACTIONAL", extra: String = "",
                     policy: String = "") -> String {
        """
        apiVersion: smsauth/v1
        kind: PhonePool
        metadata: {name: us-senders}
        spec:
          region: us-east-1
          originationIdentities: [\(identities.joined(separator: ", "))]
          isoCountryCode: US
          messageType: \(messageType)
        \(extra)
        \(policy)
        """
    }

    /// A live pool with members `phone-<name>`.
    static func live(_ members: [String], deletionProtection: Bool = false) -> PhonePoolLive? {
        let json: JSONValue = [
            "PoolId": "pool-1", "PoolArn": "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1", "Status": "ACTIVE",
            "MessageType": "TRANSACTIONAL", "TwoWayEnabled": false, "SelfManagedOptOutsEnabled": false,
            "OptOutListName": "Default", "SharedRoutesEnabled": false, "DeletionProtectionEnabled": .bool(deletionProtection),
        ]
        let parsed = members.compactMap { name in
            PoolMember(["OriginationIdentityArn": .string(arn(name)), "OriginationIdentity": .string("phone-\(name)"),
                        "IsoCountryCode": "US"])
        }
        return PhonePoolLive(json, region: "us-east-1", tags: OwnershipTags.tags(for: address, owner: nil), members: parsed)
    }

    /// The ARN of identity `name`'s number.
    static func arn(_ name: String) -> String { "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-\(name)" }

    /// References of identities `names` (their `id` and `arn` outputs).
    static func references(_ names: [String]) -> [ResourceAddress: [String: String]] {
        Dictionary(uniqueKeysWithValues: names.map {
            (ResourceAddress(kind: .originationIdentity, name: $0), ["id": "phone-\($0)", "arn": arn($0), "region": "us-east-1"])
        })
    }

    /// A plan input.
    static func input(_ yaml: String?, _ live: LiveState<PhonePoolLive>, references: [String] = ["a", "b", "c"],
                      deletePolicy: DeletePolicy = .retain) throws -> PlanInput<PhonePoolLive> {
        PlanInput(address: address, desired: try yaml.map { try OriginationFixtures.desired($0) }, live: live, status: nil,
                  references: Self.references(references), dependencyActions: [:], deletePolicy: deletePolicy,
                  options: PlanOptions(account: "123456789012"))
    }

    @Test("create lists every identity it associates")
    func create() throws {
        let change = try handler.plan(try Self.input(Self.yaml(), .absent, references: []))
        #expect(change.action == .create)
        let membership = change.fieldChanges.filter { $0.path.hasPrefix("originationIdentities.") }
        #expect(membership == [
            FieldChange(path: "originationIdentities.a", before: false, after: true),
            FieldChange(path: "originationIdentities.b", before: false, after: true),
        ])
    }

    @Test("same members and settings is noop; the country is read through the members")
    func noop() throws {
        let live = try #require(Self.live(["a", "b"]))
        #expect(live.isoCountryCode(preferring: "US") == "US")
        let change = try handler.plan(try Self.input(Self.yaml(extra: "  deletionProtection: false"), .owned(live)))
        #expect(change.action == .noop && change.fieldChanges.isEmpty)
    }

    @Test("membership changes: the added identity is associated, the removed one disassociated", arguments: [
        (["a", "b", "c"], ["a", "b"], [FieldChange(path: "originationIdentities.c", before: false, after: true)]),
        (["a"], ["a", "b"], [FieldChange(path: "originationIdentities.b", before: true, after: false)]),
        (["c"], ["a"], [FieldChange(path: "originationIdentities.c", before: false, after: true),
                        FieldChange(path: "originationIdentities.a", before: true, after: false)]),
    ])
    func membership(desired: [String], members: [String], expected: [FieldChange]) throws {
        let change = try handler.plan(try Self.input(Self.yaml(desired), .owned(try #require(Self.live(members)))))
        #expect(change.action == .update)
        #expect(change.fieldChanges == expected)
    }

    @Test("a member no manifest names is shown by its id and disassociated")
    func unknownMember() throws {
        let change = try handler.plan(try Self.input(Self.yaml(["a"]), .owned(try #require(Self.live(["a", "z"]))), references: ["a"]))
        #expect(change.fieldChanges == [FieldChange(path: "originationIdentities.phone-z", before: true, after: false)])
    }

    @Test("an immutable change is refused by default, replaced with Recreate, refused again while protected")
    func immutable() throws {
        let promotional = Self.yaml(messageType: "PROMOTIONAL")
        let refused = try handler.plan(try Self.input(promotional, .owned(try #require(Self.live(["a", "b"])))))
        #expect(refused.action == .refuse && refused.reason?.contains("messageType") == true)
        let recreate = Self.yaml(messageType: "PROMOTIONAL", policy: "policy: {onImmutableChange: Recreate}")
        let replaced = try handler.plan(try Self.input(recreate, .owned(try #require(Self.live(["a", "b"])))))
        #expect(replaced.action == .replace && replaced.reason?.contains("created again") == true)
        let protected = try handler.plan(try Self.input(recreate, .owned(try #require(Self.live(["a", "b"], deletionProtection: true)))))
        #expect(protected.action == .refuse && protected.reason?.contains("deletion protection is on") == true)
    }

    @Test("a replace lists the left-out settings and tags the new pool loses")
    func replaceListsWhatIsLost() throws {
        var live = try #require(Self.live(["a", "b"]))
        live.optOutListName = "Marketing"
        live.twoWay = true
        live.tags["Team"] = "Dev"
        let recreate = Self.yaml(messageType: "PROMOTIONAL", policy: "policy: {onImmutableChange: Recreate}")
        let replaced = try handler.plan(try Self.input(recreate, .owned(live)))
        #expect(replaced.action == .replace)
        #expect(replaced.fieldChanges == [
            FieldChange(path: "messageType", before: "TRANSACTIONAL", after: "PROMOTIONAL", forcesReplacement: true),
            FieldChange(path: "optOutListName", before: "Marketing", after: "Default"),
            FieldChange(path: "tags", before: ["Team": "Dev"], after: .map([:])),
            FieldChange(path: "twoWay", before: true, after: false),
        ])
        let kept = Self.yaml(messageType: "PROMOTIONAL", extra: "  optOutListName: Marketing\n  twoWay: true\n  tags: {Team: Dev}",
                             policy: "policy: {onImmutableChange: Recreate}")
        #expect(try handler.plan(try Self.input(kept, .owned(live))).fieldChanges.map(\.path) == ["messageType"])
    }

    @Test("a removed pool is retained by default, deleted with Delete, refused while protected", arguments: [
        (DeletePolicy.retain, false, ChangeAction.retain),
        (.delete, false, .delete),
        (.delete, true, .refuse),
    ])
    func removed(policy: DeletePolicy, protected: Bool, action: ChangeAction) throws {
        let live = try #require(Self.live(["a"], deletionProtection: protected))
        let change = try handler.plan(try Self.input(nil, .owned(live), deletePolicy: policy))
        #expect(change.action == action)
        #expect(action != .refuse || change.reason?.contains("deletion protection is on") == true)
    }
}
