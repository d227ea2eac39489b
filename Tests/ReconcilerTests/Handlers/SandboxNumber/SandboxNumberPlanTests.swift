import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The pure SandboxNumber plan: create, pending, verify with a code file, identity changes, removal, the limit.
@Suite("SandboxNumber plan")
struct SandboxNumberPlanTests {
    typealias F = SandboxNumberFixtures
    let handler = SandboxNumberHandler()

    /// One row: a plan input and the action, field paths and reason fragment expected.
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let input: @Sendable () throws -> PlanInput<SandboxNumberLive>
        let action: ChangeAction
        let paths: [String]
        let reason: String?
        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "absent: create", input: { F.input(try F.desired(), .absent) },
            action: .create, paths: ["phoneNumber", "service", "languageCode"],
            reason: "adds +14155550123 to the SNS SMS sandbox and AWS texts it a one-time password"),
        Row(label: "absent, End User Messaging: create in its sandbox",
            input: { F.input(try F.desired(service: .endUserMessaging), .absent) },
            action: .create, paths: ["phoneNumber", "service", "languageCode"],
            reason: "adds +14155550123 to the End User Messaging SMS sandbox"),
        Row(label: "End User Messaging, pending: noop",
            input: { F.input(try F.desired(service: .endUserMessaging), .owned(F.live(.pending, service: .endUserMessaging))) },
            action: .noop, paths: [], reason: nil),
        Row(label: "listed in SNS's sandbox, wanted in End User Messaging's: refused (identity)",
            input: { F.input(try F.desired(service: .endUserMessaging), .owned(F.live(.verified))) },
            action: .refuse, paths: ["service"], reason: "or set spec.service: sns to keep it in the SNS SMS sandbox"),
        Row(label: "sandbox switch under Recreate: replace, losing the verification",
            input: { F.input(try F.desired(policy: "policy: {onImmutableChange: Recreate}", service: .endUserMessaging),
                             .owned(F.live(.verified))) },
            action: .replace, paths: ["service", "status"],
            reason: "+14155550123 is added to the End User Messaging SMS sandbox of us-east-1 (and must be verified), then +14155550123 is deleted from the SNS SMS sandbox of us-east-1"),
        Row(label: "removed End User Messaging number: delete from its sandbox",
            input: { F.input(nil, .owned(F.live(.verified, service: .endUserMessaging))) },
            action: .delete, paths: [], reason: "removes +14155550123 from the End User Messaging SMS sandbox of us-east-1"),
        Row(label: "pending, no code file: noop", input: { F.input(try F.desired(), .owned(F.live(.pending))) },
            action: .noop, paths: [], reason: nil),
        Row(label: "pending, code file set but missing: noop",
            input: { F.input(try F.desired(extra: "  oneTimePasswordFile: qa.otp"),
                             .owned(F.live(.pending, codeFile: "qa.otp", codeFileExists: false))) },
            action: .noop, paths: [], reason: nil),
        Row(label: "pending, code file present: update that verifies",
            input: { F.input(try F.desired(extra: "  oneTimePasswordFile: qa.otp"),
                             .owned(F.live(.pending, codeFile: "qa.otp", codeFileExists: true))) },
            action: .update, paths: ["oneTimePasswordFile"], reason: "verifies +14155550123 with the one-time password in qa.otp"),
        Row(label: "verified, code file still there: noop",
            input: { F.input(try F.desired(extra: "  oneTimePasswordFile: qa.otp"),
                             .owned(F.live(.verified, codeFile: "qa.otp", codeFileExists: false))) },
            action: .noop, paths: [], reason: nil),
        Row(label: "verified: noop", input: { F.input(try F.desired(), .owned(F.live(.verified))) },
            action: .noop, paths: [], reason: nil),
        Row(label: "new phone number under Refuse: refuse",
            input: { F.input(try F.desired(phone: "+14155550199"), .owned(F.live(.verified))) },
            action: .refuse, paths: ["phoneNumber"], reason: "set policy.onImmutableChange: Recreate"),
        Row(label: "new phone number under Recreate: replace",
            input: { F.input(try F.desired(phone: "+14155550199", policy: "policy: {onImmutableChange: Recreate}"),
                             .owned(F.live(.verified))) },
            action: .replace, paths: ["phoneNumber", "status"], reason: "+14155550123 is deleted"),
        Row(label: "new phone number under Recreate, already listed (not added for this resource): refuse",
            input: {
                var live = F.live(.verified)
                live.replacementListed = true
                return F.input(try F.desired(phone: "+14155550199", policy: "policy: {onImmutableChange: Recreate}"),
                               .owned(live))
            },
            action: .refuse, paths: ["phoneNumber"],
            reason: "+14155550199 is already in the SNS SMS sandbox of us-east-1 (added by another folder, by hand, or by a run stopped before recording it), so it would not be added as this number's replacement"),
        Row(label: "new phone number of a pending number under Recreate: replace, nothing lost",
            input: { F.input(try F.desired(phone: "+14155550199", policy: "policy: {onImmutableChange: Recreate}"),
                             .owned(F.live(.pending))) },
            action: .replace, paths: ["phoneNumber"], reason: "+14155550123 is deleted"),
        Row(label: "new region under Refuse: refuse",
            input: { F.input(try F.desired(region: "eu-west-1"), .owned(F.live(.verified))) },
            action: .refuse, paths: ["region"], reason: "identity"),
        Row(label: "removed, listed, Delete (default): delete",
            input: { F.input(nil, .owned(F.live(.verified))) },
            action: .delete, paths: [], reason: "removes +14155550123 from the SNS SMS sandbox of us-east-1"),
        Row(label: "removed, listed, Retain: retain",
            input: { F.input(nil, .owned(F.live(.verified)), deletePolicy: .retain) },
            action: .retain, paths: [], reason: nil),
        Row(label: "removed, not listed: noop", input: { F.input(nil, .absent) },
            action: .noop, paths: [], reason: nil),
    ]

    @Test(arguments: rows)
    func planTable(_ row: Row) throws {
        let change = try handler.plan(try row.input())
        #expect(change.action == row.action)
        #expect(change.fieldChanges.map(\.path) == row.paths)
        if let reason = row.reason {
            #expect(change.reason?.contains(reason) == true, "\(change.reason ?? "nil")")
        }
    }

    @Test func identityChangesForceReplacement() throws {
        let change = try handler.plan(F.input(try F.desired(phone: "+14155550199"), .owned(F.live(.pending))))
        #expect(change.fieldChanges == [FieldChange(path: "phoneNumber", before: "+14155550123",
                                                    after: "+14155550199", forcesReplacement: true)])
    }

    /// A replaced verified number lists its verification as lost: the new entry starts Pending.
    @Test func aReplaceListsTheVerificationTheNewNumberLoses() throws {
        let change = try handler.plan(F.input(try F.desired(phone: "+14155550199", policy: "policy: {onImmutableChange: Recreate}"),
                                              .owned(F.live(.verified))))
        #expect(change.fieldChanges.last == FieldChange(path: "status", before: "Verified", after: "Pending"))
    }

    @Test func verifyingNeverPutsTheCodeInThePlan() throws {
        let change = try handler.plan(F.input(try F.desired(extra: "  oneTimePasswordFile: qa.otp"),
                                              .owned(F.live(.pending, codeFile: "qa.otp", codeFileExists: true))))
        #expect(change.fieldChanges == [FieldChange(path: "oneTimePasswordFile", before: .null, after: .sensitive)])
    }

    /// (live numbers in the region, planned creates sorting before this one, planned after, expected action).
    @Test(arguments: [
        (9, 0, 0, ChangeAction.create), (10, 0, 0, .refuse), (9, 1, 0, .refuse), (8, 1, 5, .create),
        (0, 10, 0, .refuse), (0, 9, 3, .create),
    ])
    func tenNumberLimit(live: Int, createsBefore: Int, createsAfter: Int, expected: ChangeAction) throws {
        var references = F.others(live, prefix: "live", series: 1)
        references.merge(F.others(createsBefore, live: false, prefix: "a", series: 2)) { first, _ in first }
        references.merge(F.others(createsAfter, live: false, prefix: "z", series: 3)) { first, _ in first }
        let change = try handler.plan(F.input(try F.desired(name: "m-phone"), .absent, name: "m-phone",
                                              references: references))
        #expect(change.action == expected)
        if expected == .refuse {
            #expect(change.reason?.contains("would hold more than 10 destination numbers") == true)
        }
    }

    /// Each sandbox has its own 10: a full End User Messaging sandbox does not stop an SNS number, nor the reverse,
    /// and numbers whose outputs name no sandbox (status files from before) are SNS's.
    @Test func limitCountsOnlyTheSameSandbox() throws {
        let fullOfEndUserMessaging = F.others(10, service: .endUserMessaging, prefix: "eum", series: 1)
        #expect(try handler.plan(F.input(try F.desired(), .absent, references: fullOfEndUserMessaging)).action == .create)
        #expect(try handler.plan(F.input(try F.desired(service: .endUserMessaging), .absent,
                                         references: fullOfEndUserMessaging)).action == .refuse)
        let fullOfOldSns = F.others(10, prefix: "old", series: 2)
        #expect(try handler.plan(F.input(try F.desired(), .absent, references: fullOfOldSns)).action == .refuse)
        #expect(try handler.plan(F.input(try F.desired(service: .endUserMessaging), .absent,
                                         references: fullOfOldSns)).action == .create)
    }

    @Test func limitCountsOnlyThisRegionAndNeverItself() throws {
        var references = F.others(10, region: "eu-west-1")
        references[F.address] = ["phoneNumber": F.phone, "region": "us-east-1", "status": "Pending"]
        references.merge(F.others(9, prefix: "live", series: 1)) { first, _ in first }
        let change = try handler.plan(F.input(try F.desired(), .absent, references: references))
        #expect(change.action == .create)
    }

    @Test func pendingPhaseSaysHowToVerify() {
        #expect(handler.phase(of: F.live(.verified)) == .ready)
        #expect(handler.phase(of: F.live(.pending)) == .pending(
            "waiting for the one-time password sent to +14155550123 (SNS SMS sandbox): run `smsauth verify qa-phone --code <code from the SMS>` (`--resend` sends a new one)"))
    }

    @Test func outputsAndPlannedOutputs() throws {
        #expect(handler.outputs(of: F.live(.pending)) == ["phoneNumber": F.phone, "region": "us-east-1", "service": "sns",
                                                          "status": "Pending", "originRecorded": "true"])
        #expect(handler.plannedOutputs(of: try F.desired(), account: "1", partition: "aws")
                == ["phoneNumber": F.phone, "region": "us-east-1", "service": "sns"])
        #expect(handler.plannedOutputs(of: try F.desired(service: .endUserMessaging), account: "1", partition: "aws")["service"]
                == "endUserMessaging")
    }
}

/// Moving a number between sandboxes, ownership of End User Messaging's entries, and what a rename may take.
@Suite("SandboxNumber across sandboxes")
struct SandboxNumberAcrossSandboxesTests {
    typealias F = SandboxNumberFixtures
    let handler = SandboxNumberHandler()
    static let recreate = "policy: {onImmutableChange: Recreate}"

    /// A replacement into a full sandbox is refused in the plan, so the verified entry is never deleted first.
    @Test func aReplacementIntoAFullSandboxIsRefused() throws {
        let full = F.others(10, service: .endUserMessaging, prefix: "eum", series: 1)
        let change = try handler.plan(F.input(try F.desired(policy: Self.recreate, service: .endUserMessaging),
                                              .owned(F.live(.verified)), references: full))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("would hold more than 10") == true, "\(change.reason ?? "")")
        #expect(change.reason?.contains("+14155550123 stays where it is") == true)
        let room = F.others(9, service: .endUserMessaging, prefix: "eum", series: 1)
        #expect(try handler.plan(F.input(try F.desired(policy: Self.recreate, service: .endUserMessaging),
                                         .owned(F.live(.verified)), references: room)).action == .replace)
    }

    /// Into another sandbox the new entry is added first (a failed add loses nothing); in the same sandbox the old
    /// one goes first (freeing its slot).
    @Test func theNewEntryComesFirstOnlyInAnotherSandbox() throws {
        #expect(SandboxNumberPlan.addsFirst(F.live(.verified), region: "us-east-1", service: .endUserMessaging))
        #expect(SandboxNumberPlan.addsFirst(F.live(.verified), region: "eu-west-1", service: .sns))
        #expect(!SandboxNumberPlan.addsFirst(F.live(.verified), region: "us-east-1", service: .sns))
        let move = try handler.plan(F.input(try F.desired(policy: Self.recreate, service: .endUserMessaging),
                                            .owned(F.live(.verified))))
        #expect(move.reason?.contains("is added to the End User Messaging SMS sandbox of us-east-1 (and must be verified), then +14155550123 is deleted from the SNS SMS sandbox") == true,
                "\(move.reason ?? "")")
        let refused = try handler.plan(F.input(try F.desired(service: .endUserMessaging), .owned(F.live(.verified))))
        #expect(refused.reason?.contains("to move +14155550123 from the SNS SMS sandbox of us-east-1 to the End User Messaging SMS sandbox of us-east-1") == true,
                "\(refused.reason ?? "")")
    }

    @Test func anotherOwnersEndUserMessagingNumberIsRefusedAndAnUntaggedOneIsNeverDeleted() throws {
        let live = F.live(.verified, service: .endUserMessaging)
        let theirs = try handler.plan(F.input(try F.desired(service: .endUserMessaging), .otherOwner(live, owner: "team-b")))
        #expect(theirs.action == .refuse && theirs.reason?.contains("team-b") == true, "\(theirs.reason ?? "")")
        #expect(try handler.plan(F.input(try F.desired(service: .endUserMessaging), .foreign(live))).action == .noop)
        #expect(try handler.plan(F.input(nil, .foreign(live))).action == .noop, "added outside smsauth: not deleted")
        #expect(try handler.plan(F.input(nil, .owned(live))).action == .delete)
    }

    /// An SNS number found listed, not added by a run for this resource (SNS's entries take no tags: it may be another
    /// manifest folder's), is planned like its own with a warning, and never deleted: not when its manifest is removed
    /// (whatever the policy); a new `phoneNumber` is refused (planned as a create, its status once recorded the new
    /// number as added on the found number's record).
    @Test func aFoundNumberIsManagedButNeverDeleted() throws {
        let found = F.live(.verified)
        let kept = try handler.plan(F.input(try F.desired(), .foreign(found)))
        #expect(kept.action == .noop)
        #expect(kept.warnings.first?.contains("was already in the SNS SMS sandbox of us-east-1 when this manifest folder first saw it") == true,
                "\(kept.warnings)")
        for policy in [DeletePolicy.delete, .retain] {
            #expect(try handler.plan(F.input(nil, .foreign(found), deletePolicy: policy)).action == .noop)
        }
        let moved = try handler.plan(F.input(try F.desired(phone: "+14155550199", policy: "policy: {onImmutableChange: Recreate}"),
                                             .foreign(found)))
        #expect(moved.action == .refuse, "the found number is neither replaced nor left behind a new one's record")
        #expect(moved.reason?.contains("declare it as a SandboxNumber of another name") == true, "\(moved.reason ?? "")")
    }

    /// A status file says a run for the resource added the number: `origin: added`; one written before origins were
    /// recorded (no `originRecorded`) counts as added, as every recorded number did then (its short history seldom
    /// still holds the create); only the same number in the same sandbox.
    @Test func theStatusFileSaysWhetherTheNumberWasAdded() {
        let sandbox = SandboxNumberHandler.Sandbox(region: "us-east-1", service: .sns)
        let base = ["phoneNumber": F.phone, "region": "us-east-1", "service": "sns", "status": "Verified"]
        let status = { (resource: [String: String]) in
            ResourceStatus(kind: .sandboxNumber, name: "qa-phone", specHash: "h", resource: resource)
        }
        let added = status(base.merging(["origin": "added", "originRecorded": "true"]) { $1 })
        let found = status(base.merging(["originRecorded": "true"]) { $1 })
        let older = status(base)
        let account = "111122223333"
        let recordsAdded = { (status: ResourceStatus?, phone: String, sandbox: SandboxNumberHandler.Sandbox) in
            SandboxNumberHandler.recordsAdded(status, phoneNumber: phone, sandbox: sandbox, account: account)
        }
        #expect(recordsAdded(added, F.phone, sandbox))
        #expect(!recordsAdded(found, F.phone, sandbox))
        #expect(recordsAdded(older, F.phone, sandbox))
        #expect(!recordsAdded(added, "+14155550199", sandbox))
        #expect(!recordsAdded(added, F.phone, .init(region: "us-west-2", service: .sns)))
        #expect(!recordsAdded(nil, F.phone, sandbox))
        // Added in this account, or in another one (a status folder carried from staging to production).
        #expect(recordsAdded(status(added.resource.merging(["account": account]) { $1 }), F.phone, sandbox))
        #expect(!recordsAdded(status(added.resource.merging(["account": "444455556666"]) { $1 }), F.phone, sandbox))
    }

    /// A rename takes only the entry of the same sandbox.
    @Test func aRenameClaimsOnlyTheSameSandbox() throws {
        #expect(handler.claims(try F.desired(), live: F.live(.verified), references: [:]))
        #expect(!handler.claims(try F.desired(service: .endUserMessaging), live: F.live(.verified), references: [:]))
        #expect(handler.claims(try F.desired(service: .endUserMessaging), live: F.live(.verified, service: .endUserMessaging),
                               references: [:]))
    }
}
