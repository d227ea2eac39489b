import Manifests
import Testing
@testable import Reconciler

/// A removed resource still in use in AWS by a resource this run moves (an SMS role whose `metadata.name` and
/// `roleName` were renamed together: the pools move to the new role) is deleted after the changes that move its
/// users, and blocked when a user does not move. Before, the old role was deleted first, and a pool whose update
/// then failed was left naming a deleted role.
@Suite struct UseOrderTests {
    static let oldRole = ResourceAddress(kind: .smsRole, name: "sms")
    static let newRole = ResourceAddress(kind: .smsRole, name: "sms2")
    static let pool = ResourceAddress(kind: .userPool, name: "app")
    static let other = ResourceAddress(kind: .userPool, name: "other")
    static let oldArn = "arn:aws:iam::123456789012:role/role-one"
    static let outputs = [oldRole: ["arn": oldArn, "roleName": "role-one-of-the-set", "region": "eu-central-1"]]

    /// The pool's change, its SMS role going from the old ARN to the new one.
    static func poolChange(_ action: ChangeAction, before: String = oldArn) throws -> ResourceChange {
        try ResourceChange(address: pool, action: action,
                           fieldChanges: [FieldChange(path: "smsRole", before: .map(["arn": .string(before)]),
                                                      after: .map(["arn": "arn:aws:iam::123456789012:role/role-two"]))],
                           reason: action.requiresReason ? "why" : nil, dependencies: [newRole])
    }

    @Test func theDeleteWaitsForTheChangesThatMoveItsUsers() throws {
        let changes = [try ResourceChange(address: Self.oldRole, action: .delete),
                       try ResourceChange(address: Self.newRole, action: .create),
                       try Self.poolChange(.update),
                       try ResourceChange(address: Self.other, action: .update, fieldChanges: [
                           FieldChange(path: "smsRegion", before: "eu-central-1", after: "eu-west-1"),
                           FieldChange(path: "description", before: "role-one-of-the-set", after: "x"),
                       ])]
        let ordered = try UseOrder.ordering(changes, outputs: Self.outputs)
        let delete = try #require(ordered.first)
        #expect(delete.action == .delete && delete.dependencies == [Self.pool],
                "only the pool naming its ARN; a region or a name shared by others is no identifier")
        #expect(delete.reason == "deleted after UserPool/app stop using it")
        #expect(Array(ordered.dropFirst()) == Array(changes.dropFirst()))
    }

    @Test(arguments: [ChangeAction.refuse, .blocked, .noop])
    func aUserThatStaysBlocksTheDelete(_ action: ChangeAction) throws {
        let changes = [try ResourceChange(address: Self.oldRole, action: .delete), try Self.poolChange(action)]
        let delete = try #require(try UseOrder.ordering(changes, outputs: Self.outputs).first)
        #expect(delete.action == .blocked)
        #expect(delete.reason == "UserPool/app (\(action.rawValue)) still uses it and does not move off it in this run: "
                + "it is deleted once nothing does")
    }

    @Test func aDeleteNothingUsesIsLeftAsItIs() throws {
        let changes = [try ResourceChange(address: Self.oldRole, action: .delete),
                       try Self.poolChange(.update, before: "arn:aws:iam::123456789012:role/unrelated")]
        #expect(try UseOrder.ordering(changes, outputs: Self.outputs) == changes)
    }

    static let set = ResourceAddress(kind: .configurationSet, name: "events")
    static let setOutputs: [ResourceAddress: [String: String]] = [
        set: ["name": "signin-events", "arn": "arn:aws:sms-voice:eu-west-1:123456789012:configuration-set/signin-events",
              "region": "eu-west-1"],
        pool: ["id": "eu-west-1_abc", "region": "eu-west-1"],
        other: ["id": "us-east-1_def", "region": "us-east-1"],
    ]

    /// `address`'s change (a pool on End User Messaging) from the set `before` to another.
    static func setChange(_ address: ResourceAddress, _ action: ChangeAction,
                          before: String = "signin-events") throws -> ResourceChange {
        try ResourceChange(address: address, action: action,
                           fieldChanges: [FieldChange(path: "smsRole",
                                                      before: .map(["service": "endUserMessaging",
                                                                    "configurationSet": .string(before)]),
                                                      after: .map(["service": "endUserMessaging",
                                                                   "configurationSet": "signin-events-2"]))],
                           reason: action.requiresReason ? "why" : nil)
    }

    /// A pool names its configuration set by name (`spec.smsConfigurationSet`, a `KindUse`), not by an identifier:
    /// the set's delete waited for nothing, and ran while a pool whose change was refused still sent with it.
    @Test func aConfigurationSetsDeleteWaitsForThePoolsMovingOffItsName() throws {
        let changes = [try ResourceChange(address: Self.set, action: .delete), try Self.setChange(Self.pool, .update)]
        let delete = try #require(try UseOrder.ordering(changes, outputs: Self.setOutputs).first)
        #expect(delete.action == .delete && delete.dependencies == [Self.pool])
        #expect(delete.reason == "deleted after UserPool/app stop using it")
    }

    @Test func aPoolThatStaysOnTheSetBlocksItsDelete() throws {
        let changes = [try ResourceChange(address: Self.set, action: .delete), try Self.setChange(Self.pool, .refuse)]
        let delete = try #require(try UseOrder.ordering(changes, outputs: Self.setOutputs).first)
        #expect(delete.action == .blocked)
        #expect(delete.reason?.hasPrefix("UserPool/app (refuse) still uses it") == true)
    }

    /// The name counts only in the changes of the kinds that name sets (pools), and in the set's region: another
    /// region's set of that name, or another kind's value of the same text, is something else.
    @Test func theNameCountsOnlyForPoolsOfItsRegion() throws {
        let client = ResourceAddress(kind: .appClient, name: "web")
        let changes = [try ResourceChange(address: Self.set, action: .delete),
                       try Self.setChange(Self.other, .refuse),
                       try ResourceChange(address: client, action: .refuse, fieldChanges: [
                           FieldChange(path: "clientName", before: "signin-events", after: "web"),
                       ], reason: "why")]
        #expect(try UseOrder.ordering(changes, outputs: Self.setOutputs) == changes)
    }
}
