import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// Pure plan decisions of the SmsRole handler.
@Suite struct SmsRolePlanTests {
    typealias F = SmsRoleFixtures
    let handler = SmsRoleHandler()

    @Test func createsAnAbsentRoleWithEveryManagedField() throws {
        let change = try handler.plan(F.input(try F.desired(), .absent))
        let trust = SmsRoleDocuments.planValue(SmsRoleDocuments.trustPolicy(externalId: "ext-1", account: F.account))
        #expect(change.action == .create)
        #expect(change.fieldChanges.map(\.path) == [
            "description", "externalId", "maxSessionDurationSeconds", "path", "permissionsBoundaryArn", "roleName",
            "snsPublishPolicy", "tags", "trustPolicy",
        ])
        #expect(change.fieldChanges.allSatisfy { $0.before == .null && !$0.forcesReplacement })
        #expect(change.fieldChanges.first { $0.path == "trustPolicy" }?.after == trust)
        #expect(change.fieldChanges.first { $0.path == "tags" }?.after == [
            "Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/cognito-sms",
        ])
        #expect(change.fieldChanges.first { $0.path == "path" }?.after == "/service-role/")
    }

    @Test func anUnsetPathIsTheRootPath() throws {
        let change = try handler.plan(F.input(try F.desired(F.spec(["path": nil])), .absent))
        #expect(change.fieldChanges.first { $0.path == "path" }?.after == "/")
    }

    /// IAM returns documents URL-encoded, reordered and with one-element lists: none of that is drift.
    @Test func aMatchingUrlEncodedReshapedRoleIsNoop() throws {
        let change = try handler.plan(F.input(try F.desired(), .owned(try F.live(try F.role()))))
        #expect(change == (try ResourceChange(address: F.address, action: .noop)))
    }

    /// Fields the manifest leaves out are unmanaged: a live description, session or boundary is not drift.
    @Test func unsetFieldsAreNotCompared() throws {
        let desired = try F.desired(["roleName": "cognito_sns_iam_role", "externalId": "ext-1"])
        let role = try F.role(path: "/", tags: F.ownership.merging(["Other": "x"]) { $1 })
        let change = try handler.plan(F.input(desired, .owned(try F.live(role))))
        #expect(change.action == .noop)
    }

    /// A replaced role lists what the new role loses among the fields the manifest leaves out (description,
    /// session, boundary: created at AWS's defaults); only the renamed field forces the replacement.
    @Test func aReplaceListsTheFieldsTheNewRoleLoses() throws {
        let desired = try F.desired(["roleName": "renamed", "externalId": "ext-1"], policy: "onImmutableChange: Recreate")
        let role = try F.role(path: "/", tags: F.ownership)
        let change = try handler.plan(F.input(desired, .owned(try F.live(role))))
        #expect(change.action == .replace)
        #expect(change.fieldChanges == [
            FieldChange(path: "description", before: "Lets Cognito publish SMS", after: .null),
            FieldChange(path: "maxSessionDurationSeconds", before: 7200, after: 3600),
            FieldChange(path: "permissionsBoundaryArn", before: .string(F.boundary), after: .null),
            FieldChange(path: "roleName", before: "cognito_sns_iam_role", after: "renamed", forcesReplacement: true),
        ])
        #expect(change.reason?.hasPrefix("roleName cannot change after creation") == true, "\(change.reason ?? "")")
    }

    /// Tags on the old role that the manifest never set are lost by a replacement: `tags` then shows all of them.
    @Test func aReplaceListsTheTagsTheNewRoleLoses() throws {
        let desired = try F.desired(["roleName": "renamed", "externalId": "ext-1", "tags": "{Team: Dev}"],
                                    policy: "onImmutableChange: Recreate")
        let role = try F.role(path: "/", tags: F.ownership.merging(["Team": "Dev", "CostCenter": "42", "aws:cloudformation:stack-name": "x"]) { $1 })
        let change = try handler.plan(F.input(desired, .owned(try F.live(role))))
        #expect(change.action == .replace)
        let tags = try #require(change.fieldChanges.first { $0.path == "tags" })
        #expect(tags.before == .map(F.ownership.merging(["Team": "Dev", "CostCenter": "42"]) { $1 }.mapValues(PlanValue.string)))
        #expect(tags.after == .map(F.ownership.merging(["Team": "Dev"]) { $1 }.mapValues(PlanValue.string)))
        #expect(change.fieldChanges.map(\.path) == change.fieldChanges.map(\.path).sorted())
    }

    static let manifestUpdates: [(String, [String: String?], FieldChange)] = [
        ("description", ["description": "New text"],
         FieldChange(path: "description", before: "Lets Cognito publish SMS", after: "New text")),
        ("maxSession", ["maxSessionDurationSeconds": "3600"],
         FieldChange(path: "maxSessionDurationSeconds", before: 7200, after: 3600)),
        ("boundary", ["permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/other"],
         FieldChange(path: "permissionsBoundaryArn", before: .string(F.boundary), after: "arn:aws:iam::123456789012:policy/other")),
        ("tags", ["tags": "{Team: Ops, Cost: sms}"],
         FieldChange(path: "tags",
                     before: ["Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/cognito-sms"],
                     after: ["Team": "Ops", "Cost": "sms", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/cognito-sms"])),
        ("externalId rotation updates the trust policy in place", ["externalId": "ext-2"],
         FieldChange(path: "externalId", before: "ext-1", after: "ext-2")),
    ]

    @Test(arguments: manifestUpdates)
    func eachMutableFieldIsAnInPlaceUpdate(name: String, changes: [String: String?], expected: FieldChange) throws {
        let change = try handler.plan(F.input(try F.desired(F.spec(changes)), .owned(try F.live(try F.role()))))
        #expect(change == (try ResourceChange(address: F.address, action: .update, fieldChanges: [expected])), "\(name)")
    }

    @Test func aMissingPublishPolicyIsRestored() throws {
        let live = SmsRoleLive(role: try F.role(), publishPolicy: nil)
        let change = try handler.plan(F.input(try F.desired(), .owned(live)))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "snsPublishPolicy", before: .null,
                                                    after: SmsRoleDocuments.planValue(SmsRoleDocuments.publishPolicy))])
    }

    /// Switching to End User Messaging grants sms-voice:SendTextMessage and removes the SNS grant, in one update.
    @Test func switchingServicesSwapsTheGrantPolicy() throws {
        let desired = try F.desired(F.spec(["service": "endUserMessaging"]))
        let change = try handler.plan(F.input(desired, .owned(try F.live(try F.role()))))
        let send = SmsRoleDocuments.sendPolicy(account: F.account)
        #expect(change == (try ResourceChange(address: F.address, action: .update, fieldChanges: [
            FieldChange(path: "smsVoiceSendPolicy", before: .null, after: SmsRoleDocuments.planValue(send)),
            FieldChange(path: "snsPublishPolicy", before: SmsRoleDocuments.planValue(SmsRoleDocuments.publishPolicy),
                        after: .null),
        ])))
        let switched = SmsRoleLive(role: try F.role(), publishPolicy: nil, sendPolicy: send)
        #expect(try handler.plan(F.input(desired, .owned(switched))).action == .noop)
        #expect(try handler.plan(F.input(try F.desired(), .owned(switched))).fieldChanges.map(\.path)
                == ["smsVoiceSendPolicy", "snsPublishPolicy"])
    }

    /// The End User Messaging grant names the account's origination identities and configuration sets (canonical
    /// form: lists sorted).
    @Test func theSendPolicyCoversTheResourcesASendNames() {
        let statement = SmsRoleDocuments.sendPolicy(account: F.account).canonical["Statement"]?.arrayValue?.first
        #expect(statement?["Action"] == ["sms-voice:SendTextMessage"])
        #expect(statement?["Resource"] == [
            "arn:aws:sms-voice:*:123456789012:configuration-set/*", "arn:aws:sms-voice:*:123456789012:phone-number/*",
            "arn:aws:sms-voice:*:123456789012:pool/*", "arn:aws:sms-voice:*:123456789012:sender-id/*",
        ])
    }

    static let trustDrifts: [(String, String)] = [
        ("principal", F.reshapedTrust(service: "ec2.amazonaws.com")),
        ("source account", F.reshapedTrust(account: "999999999999")),
        ("no conditions", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#),
    ]

    /// A trust policy that differs in more than its external id is shown whole, before and after.
    @Test(arguments: trustDrifts)
    func aDriftedTrustPolicyIsShownWhole(name: String, trust: String) throws {
        let role = try F.role(trust: trust)
        let change = try handler.plan(F.input(try F.desired(), .owned(try F.live(role))))
        let trustChange = try #require(change.fieldChanges.first { $0.path == "trustPolicy" }, "\(name)")
        #expect(change.action == .update)
        #expect(trustChange.before == SmsRoleDocuments.planValue(role.assumeRolePolicy))
        #expect(trustChange.after == SmsRoleDocuments.planValue(SmsRoleDocuments.trustPolicy(externalId: "ext-1", account: F.account)))
        #expect(change.fieldChanges.map(\.path).allSatisfy { $0 == "trustPolicy" || $0 == "externalId" })
    }

    @Test func severalExternalIdsAreListedAndTheTrustPolicyReported() throws {
        let json = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":["ext-1","ext-0"],"aws:SourceAccount":"123456789012"}}}]}"#
        let change = try handler.plan(F.input(try F.desired(), .owned(try F.live(try F.role(trust: json)))))
        #expect(change.fieldChanges.map(\.path) == ["externalId", "trustPolicy"])
        #expect(change.fieldChanges.first?.before == ["ext-0", "ext-1"])
    }

    static let immutableChanges: [(String, [String: String?], String)] = [
        ("roleName", ["roleName": "renamed"], "the new role is created first, and the old one is deleted once everything using it has moved"),
        ("path", ["path": "/"], "the old role is deleted before the new one is created"),
        // IAM compares role names whatever their case: CreateRole of the new case would find the old role.
        ("roleName", ["roleName": "COGNITO_SNS_IAM_ROLE"], "the old role is deleted before the new one is created"),
    ]

    @Test(arguments: immutableChanges)
    func anImmutableChangeIsRefusedByDefault(field: String, changes: [String: String?], order: String) throws {
        let change = try handler.plan(F.input(try F.desired(F.spec(changes)), .owned(try F.live(try F.role()))))
        #expect(change.action == .refuse)
        #expect(change.fieldChanges.map(\.path) == [field])
        #expect(change.fieldChanges.first?.forcesReplacement == true)
        #expect(change.reason?.contains("set policy.onImmutableChange: Recreate") == true)
    }

    @Test(arguments: immutableChanges)
    func anImmutableChangeReplacesWithRecreateAndSaysInWhichOrder(field: String, changes: [String: String?], order: String) throws {
        let desired = try F.desired(F.spec(changes), policy: "onImmutableChange: Recreate")
        let change = try handler.plan(F.input(desired, .owned(try F.live(try F.role()))))
        #expect(change.action == .replace)
        #expect(change.fieldChanges.map(\.path) == [field])
        #expect(change.reason?.hasPrefix("\(field) cannot change after creation: deleted and created again") == true)
        #expect(change.reason?.contains("every user pool using it is updated") == true)
        #expect(change.reason?.contains(order) == true)
    }

    @Test func aForeignRoleIsRefusedWithoutAdopt() throws {
        let role = try F.role(tags: ["Team": "Dev"])
        let change = try handler.plan(F.input(try F.desired(), .foreign(try F.live(role))))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("spec.adopt") == true)
        #expect(change.fieldChanges.isEmpty)
    }

    @Test(arguments: ["cognito_sns_iam_role", "arn:aws:iam::123456789012:role/service-role/cognito_sns_iam_role"])
    func adoptingAForeignRoleByNameOrArnAddsTheOwnershipTags(adopt: String) throws {
        let role = try F.role(tags: ["Team": "Dev"])
        let change = try handler.plan(F.input(try F.desired(F.spec(["adopt": adopt])), .foreign(try F.live(role))))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(
            path: "tags", before: ["Team": "Dev"],
            after: ["Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "SmsRole/cognito-sms"])])
        #expect(change.warnings == ["adopts the existing resource and adds smsauth's ownership tags"])
    }

    @Test func adoptNamingAnotherRoleIsRefused() throws {
        let role = try F.role(tags: [:])
        let change = try handler.plan(F.input(try F.desired(F.spec(["adopt": "someone-else"])), .foreign(try F.live(role))))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("spec.adopt names 'someone-else'") == true)
    }

    static let removals: [(DeletePolicy, Bool, ChangeAction)] = [
        (.retain, true, .retain), (.delete, true, .delete), (.delete, false, .refuse), (.retain, false, .refuse),
    ]

    @Test(arguments: removals)
    func aRemovedManifestRetainsOrDeletesOnlyOwnedRoles(policy: DeletePolicy, owned: Bool, expected: ChangeAction) throws {
        let live = try F.live(try F.role(tags: owned ? F.ownership : [:]))
        let state: LiveState<SmsRoleLive> = owned ? .owned(live) : .foreign(live)
        let change = try handler.plan(F.input(nil, state, deletePolicy: policy))
        #expect(change.action == expected)
        let notOwned = OwnershipError.notOwnedNow(F.address, legacy: false, runOwner: nil).message
        #expect(change.reason == (owned ? nil : notOwned))
    }

    @Test func aRemovedManifestWhoseRoleIsGoneIsNoop() throws {
        let change = try handler.plan(F.input(nil, .absent, deletePolicy: .delete))
        #expect(change.action == .noop)
    }
}
