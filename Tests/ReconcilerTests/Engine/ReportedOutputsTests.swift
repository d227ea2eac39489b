import Testing
@testable import Reconciler

/// A change that writes a resource whose dependency's drift is only reported, while that drift changed outputs the
/// change was planned with, waits (`ReportedDrift.holding`).
@Suite struct ReportedOutputsTests {
    static let role = ResourceAddress(kind: .smsRole, name: "sms")
    static let pool = ResourceAddress(kind: .userPool, name: "main")
    static let manifest = ["arn": "arn:aws:iam::123456789012:role/sms", "externalId": "from-manifest"]
    static let drifted = manifest.merging(["externalId": "by-hand"]) { $1 }

    /// The role's change: reported drift (noop, or rename), or a plain noop.
    static func roleChange(_ action: ChangeAction = .noop, reported: Bool = true) throws -> ResourceChange {
        try ResourceChange(address: role, action: action, reason: reported ? ReportedDrift.reason : nil,
                           previousAddress: action == .rename ? ResourceAddress(kind: .smsRole, name: "old") : nil)
    }

    /// The pool's change with `action`, after the role's `dependency` change; its live outputs `live`.
    static func waiting(_ action: ChangeAction, fields: [FieldChange] = [], dependency: ResourceChange,
                        live: [String: String] = drifted) throws -> ResourceChange {
        let change = try ResourceChange(address: pool, action: action, fieldChanges: fields,
                                        reason: action.requiresReason ? "why" : nil, dependencies: [role],
                                        previousAddress: action == .rename ? ResourceAddress(kind: .userPool, name: "old") : nil)
        return try ReportedDrift.holding(change, planned: [role: dependency], live: [role: live],
                                                        assumed: [role: manifest])
    }

    static let field = FieldChange(path: "verificationMessages.sms", before: .string("a"), after: .string("b"))

    @Test(arguments: [ChangeAction.create, .update, .replace])
    func aWriteWaitsForTheReportedDriftOfWhatItUses(action: ChangeAction) throws {
        let waiting = try Self.waiting(action, fields: [Self.field], dependency: try Self.roleChange())
        #expect(waiting.action == .blocked)
        #expect(waiting.reason?.hasPrefix("waiting for SmsRole/sms: its externalId changed out of band") == true,
                "\(waiting.reason ?? "")")
        #expect(try Self.waiting(.update, fields: [Self.field], dependency: try Self.roleChange(.rename)).action == .blocked,
                "a rename keeps the reported drift's reason")
        #expect(try Self.waiting(.rename, fields: [Self.field], dependency: try Self.roleChange()).action == .blocked)
    }

    @Test(arguments: [ChangeAction.noop, .delete, .retain, .rename])
    func whatWritesNothingOfItDoesNotWait(action: ChangeAction) throws {
        #expect(try Self.waiting(action, dependency: try Self.roleChange()).action == action)
    }

    @Test func nothingWaitsWhenTheOutputsAreTheManifestsOrTheDriftIsCorrected() throws {
        #expect(try Self.waiting(.update, fields: [Self.field], dependency: try Self.roleChange(), live: Self.manifest)
            .action == .update, "the reported drift changed no output")
        #expect(try Self.waiting(.update, fields: [Self.field], dependency: try Self.roleChange(reported: false))
            .action == .update, "not a reported drift")
        #expect(try Self.waiting(.update, fields: [Self.field], dependency: try Self.roleChange(),
                                 live: Self.manifest.filter { $0.key != "externalId" }).action == .blocked,
                "a trust policy with several external ids gives none: the manifest's may not be among them")
    }
}
