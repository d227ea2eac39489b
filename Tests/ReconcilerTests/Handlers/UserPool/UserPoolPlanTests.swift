import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// UserPoolHandler.plan on hand-built inputs: create, noop, updates, immutable fields, ownership, removal.
@Suite struct UserPoolPlanTests {
    typealias F = UserPoolFixtures

    @Test func anAbsentPoolIsCreatedWithEveryManagedField() throws {
        let change = try F.plan(F.yaml(), live: .absent)
        #expect(change.action == .create)
        #expect(change.dependencies == [F.role])
        let fields = Dictionary(uniqueKeysWithValues: change.fieldChanges.map { ($0.path, $0) })
        #expect(fields["poolName"]?.after == "Qnatime.com User Pool")
        #expect(fields["smsRole"]?.after == ["arn": .string(F.roleOutputs["arn"] ?? ""), "externalId": "ext-1"])
        #expect(fields["customAttributes.tenant"]?.after == ["type": "String", "mutable": true, "minLength": 1, "maxLength": 64])
        #expect(fields["accountRecovery"]?.after == ["verified_phone_number", "verified_email"])
        #expect(fields["passwordPolicy.minimumLength"]?.after == 8)
        #expect(change.fieldChanges.allSatisfy { !$0.forcesReplacement && $0.before == .null })
    }

    @Test func aPoolMadeFromTheManifestPlansNoop() throws {
        let pool = try F.pool(for: F.yaml())
        let change = try F.plan(F.yaml(), live: .owned(pool))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func anUnknownSmsRoleIsShownAsKnownAfterApply() throws {
        let change = try UserPoolHandler().plan(F.input(try F.desired(F.yaml()), live: .absent, references: [:]))
        let sms = change.fieldChanges.first { $0.path == "smsRole" }
        #expect(sms?.after == ["arn": "(known after apply)", "externalId": "(known after apply)"])
    }

    /// One mutable field changed out of band (or in the manifest) → one in-place field change.
    @Test(arguments: [
        ("poolName", "Renamed pool", "poolName", PlanValue.string("Qnatime.com User Pool"), PlanValue.string("Renamed pool")),
        ("passwordPolicy", "{minimumLength: 12}", "passwordPolicy.minimumLength", 8, 12),
        ("autoVerifiedAttributes", "[phone_number, email]", "autoVerifiedAttributes", ["phone_number"], ["email", "phone_number"]),
        ("accountRecovery", "[verified_email, verified_phone_number]", "accountRecovery",
         ["verified_phone_number", "verified_email"], ["verified_email", "verified_phone_number"]),
        ("deletionProtection", "false", "deletionProtection", true, false),
        ("tags", "{Team: Ops}", "tags", ["Team": "Dev"], ["Team": "Ops"]),
        ("smsRegion", "eu-west-1", "smsRegion", "us-east-1", "eu-west-1"),
        ("adminCreateUser", "{allowAdminCreateUserOnly: true}", "adminCreateUser.allowAdminCreateUserOnly", false, true),
        ("verificationMessages", "{sms: 'New code {####}'}", "verificationMessages.sms", "Your code is {####}.", "New code {####}"),
    ] as [(String, String, String, PlanValue, PlanValue)])
    func aMutableChangeIsAnUpdate(key: String, value: String, path: String, before: PlanValue, after: PlanValue) throws {
        let pool = try F.pool(for: F.yaml())
        let change = try F.plan(F.yaml(spec: [key: value]), live: .owned(pool))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: path, before: before, after: after)])
    }

    @Test func aNewCustomAttributeIsAnAdditionNotAReplacement() throws {
        let pool = try F.pool(for: F.yaml())
        let attributes = "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 64}, {name: plan, type: Number}]"
        let change = try F.plan(F.yaml(spec: ["customAttributes": attributes]), live: .owned(pool))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "customAttributes.plan", before: .null, after: ["type": "Number"])])
    }

    /// Immutable fields: refused by default with the reason users see, replaced with Recreate.
    @Test(arguments: [
        ("usernameAttributes", "[email]", "usernameAttributes"),
        ("usernameAttributes", "[phone_number, email]", "usernameAttributes"),
        ("usernameCaseSensitive", "true", "usernameCaseSensitive"),
        ("customAttributes", "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 128}]", "customAttributes.tenant"),
        ("customAttributes", "[]", "customAttributes.tenant"),
    ])
    func anImmutableChangeIsRefusedByDefault(key: String, value: String, path: String) throws {
        let pool = try F.pool(for: F.yaml(), users: 42)
        let change = try F.plan(F.yaml(spec: [key: value]), live: .owned(pool))
        #expect(change.action == .refuse)
        #expect(change.reason == "\(path) cannot change after creation (set policy.onImmutableChange: Recreate to delete and recreate the UserPool; all users will be lost (estimated user count: 42))")
        #expect(change.fieldChanges.contains { $0.path == path && $0.forcesReplacement })
    }

    @Test func aliasAttributesAreImmutableToo() throws {
        let yaml = F.yaml(spec: ["usernameAttributes": ""], extra: "  aliasAttributes: [email]")
        let pool = try F.pool(for: yaml, users: nil)
        let change = try F.plan(F.yaml(spec: ["usernameAttributes": ""], extra: "  aliasAttributes: [email, phone_number]"),
                                live: .owned(pool))
        #expect(change.action == .refuse)
        #expect(change.reason == "aliasAttributes cannot change after creation (set policy.onImmutableChange: Recreate to delete and recreate the UserPool; all users will be lost)")
    }

    @Test func recreateReplacesAndWarnsAboutUsersAndDeletionProtection() throws {
        let pool = try F.pool(for: F.yaml(), users: 7)
        let change = try F.plan(F.yaml(spec: ["usernameAttributes": "[email]"], policy: "onImmutableChange: Recreate"),
                                live: .owned(pool))
        #expect(change.action == .replace)
        #expect(change.reason?.hasPrefix("usernameAttributes cannot change after creation: deleted and created again; all users will be lost") == true)
        #expect(change.warnings == [
            "Replacing user pool us-east-1_abc deletes its estimated 7 users with it; their passwords and MFA enrolments cannot be recovered",
            "deletion protection is turned off on the old pool us-east-1_abc so that it can be deleted",
        ])
    }

    /// A replace lists the mutable fields the manifest leaves out whose live value differs from a new pool's (AWS's
    /// default password policy, no protection, no user tags, nothing auto-verified); a member AWS did not report
    /// (the other password rules here) is not listed.
    @Test func aReplaceListsTheLeftOutFieldsTheNewPoolLoses() throws {
        let pool = try F.pool(for: F.yaml(spec: ["passwordPolicy": "{minimumLength: 12}"]))
        let change = try F.plan(F.yaml(spec: ["usernameAttributes": "[email]", "passwordPolicy": "", "deletionProtection": "",
                                              "tags": "", "autoVerifiedAttributes": ""],
                                       policy: "onImmutableChange: Recreate"),
                                live: .owned(pool))
        #expect(change.action == .replace)
        #expect(change.fieldChanges.filter { !$0.path.hasPrefix("usernameAttributes") } == [
            FieldChange(path: "autoVerifiedAttributes", before: ["phone_number"], after: .list([])),
            FieldChange(path: "deletionProtection", before: true, after: false),
            FieldChange(path: "passwordPolicy.minimumLength", before: 12, after: 8),
            FieldChange(path: "tags", before: ["Team": "Dev"], after: .map([:])),
        ])
        #expect(change.reason?.hasPrefix("usernameAttributes cannot change after creation") == true, "\(change.reason ?? "")")
    }

    /// The same left-out fields are not an update: AWS keeps them while the pool is updated in place.
    @Test func leftOutFieldsAreNotComparedWithoutAReplace() throws {
        let pool = try F.pool(for: F.yaml(spec: ["passwordPolicy": "{minimumLength: 12}"]))
        let change = try F.plan(F.yaml(spec: ["passwordPolicy": "", "deletionProtection": "", "tags": ""]), live: .owned(pool))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func aForeignPoolIsRefusedUnlessAdopted() throws {
        let pool = try F.pool(for: F.yaml(spec: ["tags": ""]))
        var untagged = pool.raw
        untagged["UserPoolTags"] = nil
        let foreign = try UserPoolDescription(.object(untagged))
        let refused = try F.plan(F.yaml(), live: .foreign(foreign))
        #expect(refused.action == .refuse)
        #expect(refused.reason?.contains("set spec.adopt") == true)

        let adopted = try F.plan(F.yaml(extra: "  adopt: \(foreign.arn ?? "")"), live: .foreign(foreign))
        #expect(adopted.action == .update)
        #expect(adopted.warnings.contains("adopts the existing resource and adds smsauth's ownership tags"))
    }

    @Test func anAdoptThatNamesNoPoolIsRefused() throws {
        let change = try F.plan(F.yaml(extra: "  adopt: us-east-1_gone"), live: .absent)
        #expect(change.action == .refuse)
        #expect(change.reason == "spec.adopt names user pool us-east-1_gone, which does not exist; remove spec.adopt to create a new pool")
    }

    /// A removed manifest: retained, deleted, or refused while deletion protection is on.
    @Test(arguments: [
        (DeletePolicy.retain, true, ChangeAction.retain),
        (.delete, false, .delete),
        (.delete, true, .refuse),
    ])
    func aRemovedManifest(policy: DeletePolicy, protected: Bool, expected: ChangeAction) throws {
        let pool = try F.pool(for: F.yaml(spec: ["deletionProtection": protected ? "true" : "false"]), users: 3)
        let change = try UserPoolHandler().plan(F.input(nil, live: .owned(pool), deletePolicy: policy))
        #expect(change.action == expected)
        if expected == .delete {
            #expect(change.warnings == ["Deleting user pool us-east-1_abc deletes its estimated 3 users with it; their passwords and MFA enrolments cannot be recovered"])
        }
        if expected == .refuse {
            #expect(change.reason == "user pool us-east-1_abc has deletion protection ACTIVE; \(UserPoolPlanner.deletionProtectedAdvice)")
        }
    }

    @Test func unmanagedFieldsAndOwnershipTagsNeverDrift() throws {
        let minimal = F.yaml(spec: ["usernameAttributes": "", "usernameCaseSensitive": "", "autoVerifiedAttributes": "",
                                    "smsRole": "", "smsRegion": "", "verificationMessages": "", "passwordPolicy": "",
                                    "adminCreateUser": "", "customAttributes": "", "accountRecovery": "",
                                    "deletionProtection": "", "tags": ""])
        let pool = try F.pool(for: F.yaml(), extra: ["LambdaConfig": ["PreSignUp": "arn:aws:lambda:us-east-1:1:function:f"]])
        let change = try F.plan(minimal, live: .owned(pool))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func legacyVerificationMessagesAreReadWhenTheTemplateIsMissing() throws {
        var raw = try F.pool(for: F.yaml()).raw
        raw["VerificationMessageTemplate"] = nil
        let change = try F.plan(F.yaml(), live: .owned(try UserPoolDescription(.object(raw))))
        #expect(change.action == .noop, "\(change.fieldChanges)")
    }

    @Test func outputsAreIdArnAndRegion() throws {
        let pool = try F.pool(for: F.yaml())
        #expect(UserPoolHandler().outputs(of: pool) == [
            "id": "us-east-1_abc", "arn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
            "region": "us-east-1",
        ])
    }
}
