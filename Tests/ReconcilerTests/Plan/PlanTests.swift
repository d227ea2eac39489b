import Foundation
import Testing
@testable import Reconciler

/// Plan invariants, summary and the JSON contract.
@Suite("Plan")
struct PlanTests {
    static let pool = ResourceAddress(kind: .userPool, name: "qnatime")

    @Test("replace, refuse and blocked need a reason", arguments: ChangeAction.allCases)
    func reasonRule(action: ChangeAction) throws {
        if action.requiresReason {
            #expect(throws: PlanError.missingReason(Self.pool, action)) {
                try ResourceChange(address: Self.pool, action: action)
            }
            #expect(throws: PlanError.missingReason(Self.pool, action)) {
                try ResourceChange(address: Self.pool, action: action, reason: " \n")
            }
        }
        let change = try ResourceChange(address: Self.pool, action: action, reason: "because")
        #expect(change.reason == "because")
    }

    @Test("the header names the regions; a plan of IAM roles alone says they are global")
    func target() throws {
        let role = ResourceAddress(kind: .smsRole, name: "r")
        #expect(try Plan(changes: [ResourceChange(address: Self.pool, action: .create)], account: "123456789012",
                         regions: ["us-east-1", "eu-west-1"]).target
                == "Account 123456789012, regions: us-east-1, eu-west-1")
        #expect(try Plan(changes: [ResourceChange(address: role, action: .create)]).target
                == "Account unknown, regions: none (IAM roles only, which are global)")
        #expect(try Plan(changes: []).target == "Account unknown, regions: none")
        #expect(try Plan(changes: [ResourceChange(address: Self.pool, action: .blocked, reason: "no region")]).target
                == "Account unknown, regions: none", "a regional resource whose region is not known")
    }

    @Test("dependencies are sorted and deduplicated")
    func dependencies() throws {
        let role = ResourceAddress(kind: .smsRole, name: "r")
        let settings = ResourceAddress(kind: .smsAccountSettings, name: "s")
        let change = try ResourceChange(address: Self.pool, action: .create, dependencies: [role, settings, role])
        #expect(change.dependencies == [settings, role])
    }

    @Test("a plan rejects a repeated address")
    func duplicate() throws {
        let change = try ResourceChange(address: Self.pool, action: .noop)
        #expect(throws: PlanError.duplicateAddress(Self.pool)) { try Plan(changes: [change, change]) }
    }

    @Test("summary counts every action and derives the flags")
    func summary() throws {
        let plan = try PlanFixtures.mixed()
        let summary = plan.summary
        #expect(summary.count(of: .update) == 2)
        #expect(summary.count(of: .create) == 1)
        #expect(summary.count(of: .delete) == 1)
        #expect(summary.count(of: .noop) == 1)
        #expect(summary.count(of: .refuse) == 0)
        #expect(summary.hasChanges)
        #expect(!summary.hasRefusals)
        #expect(summary.sentence == "Plan: 1 to create, 2 to update, 0 to replace, 1 to delete, 0 refused, 1 unchanged.")
    }

    @Test("refusals, blocks and retains are not changes to live state")
    func notChanges() throws {
        let plan = try Plan(changes: [try PlanFixtures.refuse(), try PlanFixtures.blocked(), try PlanFixtures.retain()])
        #expect(!plan.summary.hasChanges)
        #expect(plan.summary.hasRefusals)
    }

    @Test("JSON round-trips every fixture")
    func roundTrip() throws {
        for (name, plan) in try PlanFixtures.all() {
            let text = try PlanRenderer().json(plan)
            #expect(try JSONDecoder().decode(Plan.self, from: Data(text.utf8)) == plan, "fixture \(name)")
        }
    }

    @Test("JSON of another formatVersion, or without a required reason, is rejected")
    func rejectsBadJSON() {
        let future = #"{"formatVersion": 2, "changes": []}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Plan.self, from: Data(future.utf8)) }
        let noReason = #"{"formatVersion": 1, "changes": [{"address": "UserPool/a", "action": "refuse", "#
            + #""fieldChanges": [], "reason": null, "warnings": [], "dependencies": []}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Plan.self, from: Data(noReason.utf8)) }
    }

    @Test("plan values decode from natural JSON; the sensitive marker decodes to sensitive")
    func planValueDecoding() throws {
        let text = #"[null, true, 12, 1.5, "x", ["a"], {"k": false}, "(sensitive)"]"#
        let value = try JSONDecoder().decode(PlanValue.self, from: Data(text.utf8))
        #expect(value == [nil, true, 12, .number(1.5), "x", ["a"], ["k": false], .sensitive])
    }
}
