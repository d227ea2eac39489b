import AWSServices
import Foundation
import Testing
import TestSupport

/// A role and a pool made out of band (no ownership tags) with the manifests' settings: reconcile refuses to touch
/// them and creates nothing; with `spec.adopt` it adopts both (adds the ownership tags) and the next run is a noop.
@Suite("Adoption end to end", .timeLimit(.minutes(8)))
struct AdoptionEndToEndTests {
    /// `spec.externalId` of `manifests/sms.yaml`.
    static let externalId = "5893f8da-377e-43b2-a8d4-60ce673e8f8f"

    /// CreateUserPool with what `manifests/user-pool.yaml` sets, without ownership tags.
    /// The ids of the region's pools called "smsauth demo users": other suites (the controller's) make pools of other
    /// names in this region at the same time.
    static func demoPools(in context: EndToEndContext) async throws -> [String] {
        try await context.cognito.listUserPools().filter { $0.name == "smsauth demo users" }.map(\.id)
    }

    static func poolRequest(roleArn: String) -> JSONValue {
        [
            "PoolName": "smsauth demo users", "UsernameAttributes": ["phone_number"],
            "UsernameConfiguration": ["CaseSensitive": false], "AutoVerifiedAttributes": ["phone_number"],
            "SmsConfiguration": ["SnsCallerArn": .string(roleArn), "ExternalId": .string(externalId)],
            "SmsVerificationMessage": "Your demo verification code is {####}",
            "VerificationMessageTemplate": ["SmsMessage": "Your demo verification code is {####}"],
            "Policies": CognitoExample.password(8, upper: true, lower: true, numbers: true, symbols: false, days: 7),
            "AdminCreateUserConfig": [
                "AllowAdminCreateUserOnly": false,
                "InviteMessageTemplate": ["SMSMessage": "Your demo username is {username} and your temporary password is {####}"],
            ],
            "AccountRecoverySetting": CognitoExample.recovery(["verified_phone_number"]),
            "DeletionProtection": "INACTIVE", "UserPoolTags": ["Team": "Dev"],
        ]
    }

    /// The role `manifests/sms.yaml` describes, made out of band as `roleName` (no ownership tags).
    static func createRole(_ roleName: String, in context: EndToEndContext) async throws -> IAMRole {
        let role = try await context.iam.createRole(.init(
            roleName: roleName, path: "/service-role/", assumeRolePolicy: LiveExpectations.trustPolicy(externalId: Self.externalId),
            description: "Lets the smsauth demo user pool publish SMS through SNS", maxSessionDuration: 3600,
            tags: ["Team": "Dev"]))
        try await context.iam.putRolePolicy(roleName: roleName, policyName: "smsauth-sns-publish", policy: PolicyDocument([
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ]))
        return role
    }

    @Test func foreignResourcesAreRefusedUntilAdopted() async throws {
        let context = try await EndToEndContext.make(region: "ca-west-1")
        let roleName = "e2e-adopt-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        defer { space.remove() }
        try space.delete("app-client.yaml")
        try space.delete("mfa-policy.yaml")
        let role = try await Self.createRole(roleName, in: context)
        let pool = try await RolePropagation.awaited { try await context.cognito.createUserPool(Self.poolRequest(roleArn: role.arn)) }

        let refused = try await space.reconcile(environment: context.environment)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("refused SmsRole/cognito-sms: found a matching SmsRole (\(role.arn)) without this resource's ownership tags (made outside smsauth, or another manifest's): set spec.adopt to its id or ARN to manage it\n"), "\(refused.stdout)")
        #expect(refused.stdout.contains("blocked UserPool/demo: waiting for SmsRole/cognito-sms: refused: "))
        #expect(try await context.writeCalls().isEmpty, "nothing is written, nothing created")
        #expect(try await Self.demoPools(in: context) == [pool.id])

        try space.edit("sms.yaml", replacing: "spec:\n", with: "spec:\n  adopt: \(roleName)\n")
        try space.edit("user-pool.yaml", replacing: "spec:\n", with: "spec:\n  adopt: \(pool.id)\n")
        let adopted = try await space.reconcile(environment: context.environment)
        #expect(adopted.status == 0, "\(adopted.stdout)\(adopted.stderr)")
        #expect(adopted.stdout.contains("warning: adopts the existing resource and adds smsauth's ownership tags"))
        #expect(adopted.stdout.hasSuffix("Apply complete: 2 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"))
        #expect(try await context.iam.getRole(name: roleName)?.tags
                == ["Team": "Dev"].merging(LiveExpectations.ownership("SmsRole/cognito-sms", owner: LiveExpectations.settingsOwner(of: "manifests"))) { $1 })
        let live = try #require(try await context.cognito.describeUserPool(id: pool.id))
        #expect(live.tags == ["Team": "Dev"].merging(LiveExpectations.ownership("UserPool/demo", owner: LiveExpectations.settingsOwner(of: "manifests"))) { $1 })
        #expect(try await Self.demoPools(in: context) == [pool.id], "adopted, not duplicated")
        #expect(try await space.status(environment: context.environment)["UserPool/demo"]?["resource"]
                    .flatMap { ($0 as? [String: String])?["id"] } == pool.id)

        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout == "No changes. 2 unchanged.\n")
    }

    /// A role another manifest set manages (its tags name another owner and another address) is never adopted: the
    /// plan refuses it and nothing is written, whatever `metadata.name` or kind the adopting manifest has.
    @Test func anotherOwnersRoleIsNeverAdopted() async throws {
        let context = try await EndToEndContext.make(region: "ca-west-1")
        let roleName = "e2e-theirs-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
        ])
        defer { space.remove() }
        for file in ["app-client.yaml", "mfa-policy.yaml", "user-pool.yaml"] { try space.delete(file) }
        let theirs = LiveExpectations.ownership("SmsRole/their-sms", owner: "another-team")
        _ = try await context.iam.createRole(.init(
            roleName: roleName, path: "/service-role/", assumeRolePolicy: LiveExpectations.trustPolicy(externalId: Self.externalId),
            tags: theirs))
        try space.edit("sms.yaml", replacing: "spec:\n", with: "spec:\n  adopt: \(roleName)\n")

        let refused = try await space.reconcile(environment: context.environment)
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stdout.contains("refused SmsRole/cognito-sms: "), "\(refused.stdout)")
        #expect(refused.stdout.contains("another-team"), "the refusal names the owner: \(refused.stdout)")
        #expect(try await context.writeCalls().isEmpty, "nothing is written")
        #expect(try await context.iam.getRole(name: roleName)?.tags == theirs)
    }

    /// A pool made with Cognito's defaults reports both the legacy `AdminCreateUserConfig.UnusedAccountValidityDays`
    /// and `PasswordPolicy.TemporaryPasswordValidityDays`, which UpdateUserPool refuses together. Adopting it with the
    /// demo manifests updates it from what was described: the update leaves the legacy member out, and the pool ends
    /// as the manifests say, device tracking included (the MfaPolicy reads the pool again after that update; its own
    /// request from a described pool is checked by `MfaPolicyPlanTests`).
    @Test func aPoolReportingTheLegacyValidityDaysIsAdoptedAndItsDevicesSet() async throws {
        let context = try await EndToEndContext.make(region: "eu-central-2")
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let roleName = "e2e-legacy-\(suffix)", poolName = "smsauth legacy users \(suffix)"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: \(roleName)\n"),
            ("poolName: smsauth demo users\n", "poolName: \(poolName)\n"),
        ])
        defer { space.remove() }
        try space.delete("app-client.yaml")
        let role = try await Self.createRole(roleName, in: context)
        guard case var .object(request) = Self.poolRequest(roleArn: role.arn) else { Issue.record("not an object"); return }
        request["PoolName"] = .string(poolName)
        request["AdminCreateUserConfig"] = nil
        let defaults = JSONValue.object(request)
        let pool = try await RolePropagation.awaited { try await context.cognito.createUserPool(defaults) }
        let made = try #require(try await context.cognito.describeUserPool(id: pool.id))
        #expect(made.raw["AdminCreateUserConfig"]?["UnusedAccountValidityDays"] == 7, "Cognito's default, reported")
        #expect(made.raw["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"] == 7)

        try space.edit("sms.yaml", replacing: "spec:\n", with: "spec:\n  adopt: \(roleName)\n")
        try space.edit("user-pool.yaml", replacing: "spec:\n", with: "spec:\n  adopt: \(pool.id)\n")
        let adopted = try await space.reconcile(environment: context.environment)
        #expect(adopted.status == 0, "\(adopted.stdout)\(adopted.stderr)")
        #expect(adopted.stdout.hasSuffix("Apply complete: 3 applied, 0 failed, 0 blocked, 0 refused, 0 released.\n"), "\(adopted.stdout)")
        let live = try #require(try await context.cognito.describeUserPool(id: pool.id))
        #expect(live.raw["DeviceConfiguration"] == ["DeviceOnlyRememberedOnUserPrompt": true, "ChallengeRequiredOnNewDevice": false])
        #expect(live.raw["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"] == 7)
        #expect(live.raw["AdminCreateUserConfig"]?["InviteMessageTemplate"]?["SMSMessage"]
                == "Your demo username is {username} and your temporary password is {####}")
        let again = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
