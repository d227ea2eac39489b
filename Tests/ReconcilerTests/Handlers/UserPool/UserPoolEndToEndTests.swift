import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// UserPoolHandler against the emulator: the examples' pools, in-place updates, the reset-to-default guard and
/// re-discovery by tag.
@Suite struct UserPoolEndToEndTests {
    typealias H = UserPoolHarness
    typealias F = UserPoolFixtures

    /// The repository root (this file is Tests/ReconcilerTests/Handlers/UserPool/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let examples = [
        "optional-mfa-totp-sms-trusted-devices/user-pool.yaml", "phone-username-mfa-required/user-pool.yaml",
        "phone-verification-only/user-pool.yaml", "sandbox-testing/user-pool.yaml", "us-production-sms/user-pool.yaml",
    ]

    /// Each example's pool: created from nothing, then a second plan is noop with one DescribeUserPool, the live
    /// pool matches the manifest, and it is found again by tag without its recorded id.
    @Test(arguments: examples)
    func anExamplePoolIsCreatedThenPlansNoop(path: String) async throws {
        let h = try await H.make()
        let yaml = try String(contentsOf: Self.root.appending(path: "examples/\(path)"), encoding: .utf8)
        let desired = try H.desired(yaml, name: H.unique("example"))
        let region = try #require(desired.region)
        let role = try #require(desired.dependencies.first)
        let references = [role: try await h.smsRole()]

        let (created, outputs) = try await h.reconcile(desired, address: desired.address, id: nil, references: references)
        #expect(created.action == .create)
        let id = try #require(outputs["id"])
        #expect(outputs["region"] == region)
        #expect(outputs["arn"]?.hasSuffix("userpool/\(id)") == true)

        let before = try await h.callCounts()
        let (again, _) = try await h.reconcile(desired, address: desired.address, id: id, references: references)
        #expect(again.action == .noop, "\(again.fieldChanges)")
        let after = try await h.callCounts()
        #expect(after["DescribeUserPool", default: 0] - before["DescribeUserPool", default: 0] == 1)
        #expect(after["ListUserPools"] == before["ListUserPools"])

        guard case let .userPool(spec) = desired.manifest.spec else { return }
        let pool = try #require(try await h.cognito(region).describeUserPool(id: id))
        #expect(pool.name == spec.poolName.value)
        #expect(pool.raw["SmsConfiguration"]?["SnsCallerArn"]?.stringValue == references[role]?["arn"])
        #expect(pool.raw["SmsConfiguration"]?["ExternalId"]?.stringValue == references[role]?["externalId"])
        #expect(pool.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.intValue == spec.mapped.value("passwordPolicy.minimumLength", as: Int.self)?.value)
        #expect(pool.deletionProtection == (spec.mapped.value("deletionProtection", as: Bool.self)?.value == true ? "ACTIVE" : "INACTIVE"))
        #expect(pool.tags == (spec.tags?.value ?? [:]).merging(OwnershipTags.tags(for: desired.address, owner: nil)) { $1 })
        #expect(pool.raw["VerificationMessageTemplate"]?["SmsMessage"]?.stringValue == spec.verificationMessages?.sms?.value)

        let rediscovered = try await h.read(desired, address: desired.address, id: nil)
        guard case let .owned(found) = rediscovered else { Issue.record("not found by tag: \(rediscovered)"); return }
        #expect(found.id == id)
    }

    @Test func aRenameIsMadeInPlace() async throws {
        let h = try await H.make()
        let name = H.unique("rename")
        let references = [F.role: try await h.smsRole()]
        let (_, outputs) = try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                                 references: references)
        let id = try #require(outputs["id"])

        let renamed = try H.desired(F.yaml(), name: name, poolName: "\(name) renamed")
        let (change, after) = try await h.reconcile(renamed, address: address(name), id: id, references: references)
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == ["poolName"])
        #expect(after["id"] == id)
        #expect(try await h.cognito().describeUserPool(id: id)?.name == "\(name) renamed")
        #expect(try await h.reconcile(renamed, address: address(name), id: id, references: references).0.action == .noop)
    }

    @Test func passwordPolicyAndANewCustomAttributeAreUpdatedInPlace() async throws {
        let h = try await H.make()
        let name = H.unique("update")
        let references = [F.role: try await h.smsRole()]
        let (_, outputs) = try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                                 references: references)
        let id = try #require(outputs["id"])

        let yaml = F.yaml(spec: [
            "passwordPolicy": "{minimumLength: 12, requireSymbols: false}",
            "customAttributes": "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 64}, {name: seats, type: Number, minValue: 1, maxValue: 500}]",
        ])
        let changed = try H.desired(yaml, name: name)
        let (change, _) = try await h.reconcile(changed, address: address(name), id: id, references: references)
        #expect(change.action == .update)
        #expect(change.fieldChanges.map(\.path) == [
            "customAttributes.seats", "passwordPolicy.minimumLength", "passwordPolicy.requireSymbols",
        ])
        let pool = try #require(try await h.cognito().describeUserPool(id: id))
        #expect(pool.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"] == 12)
        #expect(pool.raw["Policies"]?["PasswordPolicy"]?["RequireSymbols"] == false)
        #expect(pool.raw["Policies"]?["PasswordPolicy"]?["RequireUppercase"] == true)
        let seats = pool.raw["SchemaAttributes"]?.arrayValue?.first { $0["Name"] == "custom:seats" }
        #expect(seats?["NumberAttributeConstraints"] == ["MinValue": "1", "MaxValue": "500"])
        #expect(try await h.reconcile(changed, address: address(name), id: id, references: references).0.action == .noop)
    }

    /// Lambda triggers, email and device settings and MFA ON set out of band survive an update of managed fields.
    @Test func settingsTheManifestDoesNotMentionSurviveAnUpdate() async throws {
        let h = try await H.make()
        let name = H.unique("reset")
        let references = [F.role: try await h.smsRole()]
        let (_, outputs) = try await h.reconcile(try H.desired(F.yaml(), name: name), address: address(name), id: nil,
                                                 references: references)
        let id = try #require(outputs["id"])
        let cognito = h.cognito()
        let outOfBand: [String: JSONValue] = [
            "LambdaConfig": ["PreSignUp": "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"],
            "EmailConfiguration": ["EmailSendingAccount": "COGNITO_DEFAULT", "ReplyToEmailAddress": "help@example.com"],
            "DeviceConfiguration": ["ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": true],
        ]
        var request = try #require(try await cognito.describeUserPool(id: id)).updateRequest()
        for (member, value) in outOfBand { request[member] = value }
        try await cognito.updateUserPool(.object(request))
        _ = try await cognito.setUserPoolMfaConfig([
            "UserPoolId": .string(id), "MfaConfiguration": "ON",
            "SmsMfaConfiguration": ["SmsAuthenticationMessage": "Your sign-in code is {####}"],
        ])

        let changed = try H.desired(F.yaml(spec: ["passwordPolicy": "{minimumLength: 10}"]), name: name)
        let (change, _) = try await h.reconcile(changed, address: address(name), id: id, references: references)
        #expect(change.fieldChanges.map(\.path) == ["passwordPolicy.minimumLength"])
        let pool = try #require(try await cognito.describeUserPool(id: id))
        #expect(pool.raw["Policies"]?["PasswordPolicy"]?["MinimumLength"] == 10)
        for (member, value) in outOfBand { #expect(pool.raw[member] == value, "\(member)") }
        #expect(pool.mfaConfiguration == "ON")
        #expect(pool.raw["SmsAuthenticationMessage"] == "Your sign-in code is {####}")
        #expect(try await cognito.getUserPoolMfaConfig(poolId: id)["SmsMfaConfiguration"] != nil)
    }

    /// A lost status folder and a pool renamed out of band: the pool is found by its tag and renamed back.
    @Test func aPoolRenamedOutOfBandIsFoundByTagWithoutStatus() async throws {
        let h = try await H.make()
        let name = H.unique("lost")
        let references = [F.role: try await h.smsRole()]
        let desired = try H.desired(F.yaml(), name: name)
        let (_, outputs) = try await h.reconcile(desired, address: address(name), id: nil, references: references)
        let id = try #require(outputs["id"])
        var request = try #require(try await h.cognito().describeUserPool(id: id)).updateRequest()
        request["PoolName"] = .string("\(name) moved")
        try await h.cognito().updateUserPool(.object(request))

        let (change, after) = try await h.reconcile(desired, address: address(name), id: nil, references: references)
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "poolName", before: .string("\(name) moved"), after: .string(name))])
        #expect(after["id"] == id)
        #expect(try await h.cognito().describeUserPool(id: id)?.name == name)
    }

    func address(_ name: String) -> ResourceAddress { ResourceAddress(kind: .userPool, name: name) }
}
