import AWSServices
import Foundation
import Testing
import TestSupport

/// `smsauth export` of a pool made directly through the API with every field smsauth manages (its SMS role, an app
/// client, MFA with SMS and TOTP, remembered devices): `validate --strict` passes on the output, the dry run plans
/// only the adoption (ownership tags), the apply adopts, and the next dry run plans nothing.
@Suite("Export end to end", .timeLimit(.minutes(8)))
struct ExportEndToEndTests {
    /// A region whose other tests look only at their own resources.
    static let region = "ap-northeast-3"
    static let externalId = "0d5c1f3e-9a57-4a53-8f6e-2b1c4f7a9e10"

    /// Makes a role, a pool using it, an app client and the pool's MFA configuration; returns the pool id.
    static func makeHandMadeSetup(_ context: EndToEndContext, suffix: String) async throws -> String {
        let roleName = "export-sms-\(suffix)"
        let role = try await context.iam.createRole(.init(
            roleName: roleName, path: "/service-role/", assumeRolePolicy: LiveExpectations.trustPolicy(externalId: externalId),
            description: "Cognito SMS for the exported pool", maxSessionDuration: 7200, tags: ["Team": "Auth"]))
        try await context.iam.putRolePolicy(roleName: roleName, policyName: "smsauth-sns-publish", policy: PolicyDocument([
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "sns:Publish", "Resource": "*"]],
        ]))
        // The role was just made: Cognito refuses it until IAM has propagated it (as on AWS).
        let pool = try await RolePropagation.awaited { try await context.cognito.createUserPool([
            "PoolName": .string("Export Me \(suffix)"), "UsernameAttributes": ["phone_number"],
            "UsernameConfiguration": ["CaseSensitive": false], "AutoVerifiedAttributes": ["phone_number"],
            "SmsConfiguration": ["SnsCallerArn": .string(role.arn), "ExternalId": .string(externalId),
                                 "SnsRegion": .string(region)],
            "SmsVerificationMessage": "Your export code is {####}",
            "VerificationMessageTemplate": ["SmsMessage": "Your export code is {####}", "DefaultEmailOption": "CONFIRM_WITH_CODE"],
            "Policies": CognitoExample.password(10, upper: true, lower: true, numbers: true, symbols: true, days: 3),
            "AdminCreateUserConfig": [
                "AllowAdminCreateUserOnly": true,
                "InviteMessageTemplate": ["SMSMessage": "Welcome {username}, your temporary password is {####}"],
            ],
            "Schema": [["Name": "tier", "AttributeDataType": "String", "Mutable": true,
                        "StringAttributeConstraints": ["MinLength": "1", "MaxLength": "20"]]],
            "AccountRecoverySetting": CognitoExample.recovery(["verified_phone_number"]),
            "DeletionProtection": "INACTIVE", "UserPoolTags": ["Team": "Auth", "cost-center": "42"],
        ]) }
        var client: [String: JSONValue] = [
            "UserPoolId": .string(pool.id), "ClientName": .string("Mobile App"), "GenerateSecret": true,
            "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            "ReadAttributes": ["phone_number", "custom:tier"], "WriteAttributes": ["phone_number"],
            "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
        ]
        client.merge(CognitoExample.tokens(access: 30, id: 60, refresh: 43200)) { $1 }
        _ = try await context.cognito.createUserPoolClient(.object(client))
        _ = try await context.cognito.setUserPoolMfaConfig([
            "UserPoolId": .string(pool.id), "MfaConfiguration": "OPTIONAL",
            "SmsMfaConfiguration": ["SmsAuthenticationMessage": "Your sign-in code is {####}",
                                    "SmsConfiguration": ["SnsCallerArn": .string(role.arn), "ExternalId": .string(externalId),
                                                         "SnsRegion": .string(region)]],
            "SoftwareTokenMfaConfiguration": ["Enabled": true],
        ])
        return pool.id
    }

    @Test func exportedManifestsAdoptWithoutAnyOtherChange() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let poolId = try await Self.makeHandMadeSetup(context, suffix: suffix)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("exported")
        let status = root.appendingPathComponent("status").path

        let exported = try await CLIRunner.run(["export", "--pool", poolId, "--out", folder.path, "--owner", "exp-\(suffix)"],
                                               environment: context.environment)
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["appclient-mobile-app.yaml", "mfapolicy-export-me-\(suffix)-mfa.yaml", "smsauth.yaml",
                          "smsrole-export-sms-\(suffix).yaml", "userpool-export-me-\(suffix).yaml"], "\(files)")
        let texts = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!texts.contains("  secret:") && !texts.contains("ClientSecret"), "no secret is written")
        #expect(texts.contains("generateSecret: true"))
        #expect(texts.contains("adopt: \"\(poolId)\""))

        let validated = try await CLIRunner.run(["validate", folder.path, "--strict"], environment: context.environment)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)\n\(texts)")

        let plan = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status, "--dry-run",
                                            "--detailed-exitcode", "--output", "json"], environment: context.environment)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 4)
        for change in changes {
            let address = change["address"] as? String ?? ""
            let action = change["action"] as? String ?? ""
            let paths = (change["fieldChanges"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            if address.hasPrefix("SmsRole/") || address.hasPrefix("UserPool/") {
                let warnings = change["warnings"] as? [String] ?? []
                #expect(action == "update", "\(address): \(plan.stdout)")
                #expect(warnings.contains { $0.contains("adopts the existing resource") }, "\(address): \(warnings)")
                #expect(paths.allSatisfy { $0.hasPrefix("tags") }, "\(address) changes only tags: \(paths)")
            } else {
                #expect(action == "noop", "\(address): \(plan.stdout)")
                #expect(paths.isEmpty, "\(address): \(paths)")
            }
        }

        let applied = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status, "--no-color"],
                                              environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let again = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status, "--dry-run",
                                             "--detailed-exitcode", "--no-color"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 4 unchanged.\n")
        let pool = try #require(try await context.cognito.describeUserPool(id: poolId))
        #expect(pool.tags["smsauth:owner"] == "exp-\(suffix)")
        #expect(try await context.cognito.listUserPools().filter { $0.name == "Export Me \(suffix)" }.count == 1)
    }

    @Test func exportAllAdoptsTheRegionsNumbersAndPhonePools() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let suffix = String(UUID().uuidString.prefix(8).lowercased())
        let tags: JSONValue = [["Key": "e2e", "Value": .string(suffix)]]
        let number = try await context.smsVoice.requestPhoneNumber([
            "IsoCountryCode": "GB", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
            "NumberType": "LONG_CODE", "DeletionProtectionEnabled": true, "Tags": tags,
        ])
        let numberId = try #require(number["PhoneNumberId"]?.stringValue)
        _ = try await context.smsVoice.createPool([
            "OriginationIdentity": .string(numberId), "IsoCountryCode": "GB", "MessageType": "TRANSACTIONAL", "Tags": tags,
        ])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("exported")
        let exported = try await CLIRunner.run(["export", "--all", "--out", folder.path], environment: context.environment)
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        // Other suites use this region at the same time: keep only this test's resources.
        var kept: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(file)
            if try String(contentsOf: url, encoding: .utf8).contains("e2e: \"\(suffix)\"") {
                kept.append(file)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        #expect(kept.sorted().map { $0.components(separatedBy: "-").first ?? "" } == ["originationidentity", "phonepool"], "\(kept)")

        let validated = try await CLIRunner.run(["validate", folder.path, "--strict"], environment: context.environment)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let status = root.appendingPathComponent("status").path
        let plan = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status, "--dry-run",
                                            "--detailed-exitcode", "--output", "json"], environment: context.environment)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        for change in try #require(object["changes"] as? [[String: Any]]) {
            let paths = (change["fieldChanges"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(change["action"] as? String == "update", "\(plan.stdout)")
            #expect(paths.allSatisfy { $0.hasPrefix("tags") }, "only the ownership tags change: \(paths)")
        }
        let applied = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status], environment: context.environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let again = try await CLIRunner.run(["reconcile", folder.path, "--status-dir", status, "--dry-run",
                                             "--detailed-exitcode", "--no-color"], environment: context.environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout == "No changes. 2 unchanged.\n")
    }

    @Test func exportRefusesAFolderThatIsNotEmptyAndAnUnknownPool() async throws {
        let context = try await EndToEndContext.make(region: Self.region)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: root.appendingPathComponent("mine.yaml"))
        let busy = try await CLIRunner.run(["export", "--all", "--out", root.path], environment: context.environment)
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("is not empty"), "\(busy.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("mine.yaml"), encoding: .utf8) == "keep")

        let missing = try await CLIRunner.run(["export", "--pool", "\(Self.region)_nope", "--out", root.appendingPathComponent("new").path],
                                              environment: context.environment)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("export.poolNotFound"), "\(missing.stderr)")
        let both = try await CLIRunner.run(["export", "--all", "--pool", "x"], environment: context.environment)
        #expect(both.status != 0)
        #expect(both.stderr.contains("Give either --pool ID... or --all."), "\(both.stderr)")
        // One pool twice used to be written as two manifests adopting it, which validate then refused.
        let twice = try await CLIRunner.run(["export", "--pool", "\(Self.region)_a", "--pool", "\(Self.region)_a",
                                             "--out", root.appendingPathComponent("twice").path],
                                            environment: context.environment)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("--pool \(Self.region)_a is given twice"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("twice").path))
    }
}
