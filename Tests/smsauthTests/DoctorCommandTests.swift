import AWSCore
@testable import AWSServices
import Foundation
import Logging
import Testing
import TestSupport

/// `smsauth doctor` run as a user would, against the emulator: a setup applied with `smsauth reconcile` passes,
/// and each problem broken out of band is named with its fix. Each test has its own region (the spend limit and
/// the numbers are per region) and unique names.
@Suite struct DoctorCommandTests {

    /// A manifest folder like examples/us-production-sms in `region`, with unique names.
    struct Workspace {
        let root: URL
        let region: String
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        var manifests: URL { root.appendingPathComponent("manifests") }
        var roleName: String { "doctor-sms-\(suffix)" }
        var pool: String { "UserPool/pool-\(suffix)" }

        /// Writes the SmsRole, UserPool and SmsAccountSettings manifests, and a US toll-free number requested with
        /// `registration` when `number`.
        init(region: String, number: Bool, registration: String = "registration-0123456789abcdef0123456789abcdef") throws {
            self.region = region
            root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            var text = """
                apiVersion: smsauth/v1
                kind: SmsRole
                metadata: {name: role-\(suffix)}
                spec:
                  roleName: \(roleName)
                  externalId: ext-\(suffix)
                ---
                apiVersion: smsauth/v1
                kind: UserPool
                metadata: {name: pool-\(suffix)}
                spec:
                  region: \(region)
                  poolName: Doctor \(suffix)
                  usernameAttributes: [phone_number]
                  autoVerifiedAttributes: [phone_number]
                  smsRole: role-\(suffix)
                ---
                apiVersion: smsauth/v1
                kind: SmsAccountSettings
                metadata: {name: \(region)}
                spec:
                  region: \(region)
                  defaultSmsType: Transactional
                  monthlySpendLimitUSD: 50

                """
            if number {
                text += """
                    ---
                    apiVersion: smsauth/v1
                    kind: OriginationIdentity
                    metadata: {name: number-\(suffix)}
                    spec:
                      region: \(region)
                      phoneNumber:
                        isoCountryCode: US
                        numberType: TOLL_FREE
                        messageType: TRANSACTIONAL
                        capabilities: [SMS]
                        registrationId: \(registration)

                    """
            }
            try Data(text.utf8).write(to: manifests.appendingPathComponent("setup.yaml"))
        }
    }

    /// The decoded `--output json` document.
    struct Report: Decodable {
        struct Check: Decodable {
            var resource: String
            var check: String
            var result: String
            var message: String
            var fix: String?
        }
        var checks: [Check]
        var passed: Int
        var warnings: Int
        var failed: Int

        /// The check `id` of `resource`.
        func check(_ id: String, of resource: String) throws -> Check {
            try #require(checks.first { $0.check == id && $0.resource == resource })
        }
    }

    /// The emulator's environment for a new principal in `region`, and an AWS client signed by it.
    static func setUp(region: String) async throws -> ([String: String], AWSClient) {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let client = emulator.client(for: principal)
        return (emulator.environment(for: principal, region: region), client)
    }

    /// Applies the workspace with `smsauth reconcile --allow-purchase`.
    static func apply(_ workspace: Workspace, environment: [String: String]) async throws {
        let result = try await CLIRunner.run(["reconcile", workspace.manifests.path, "--allow-purchase"],
                                             environment: environment)
        #expect(result.status == 0, "reconcile failed: \(result.stdout)\(result.stderr)")
    }

    /// `smsauth doctor DIR --output json`: exit status and report.
    static func doctorJSON(_ workspace: Workspace, environment: [String: String]) async throws -> (Int32, Report) {
        let result = try await CLIRunner.run(["doctor", workspace.manifests.path, "--output", "json"],
                                             environment: environment)
        return (result.status, try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))
    }

    /// A value for every REQUIRED field of the emulator's toll-free registration form: field path, value member, value
    /// (SubmitRegistrationVersion refuses a version without them; a new version copies them).
    static let tollFreeFieldValues: [(path: String, member: String, value: JSONValue)] = [
        ("companyInfo.companyName", "TextValue", "Example Corp"),
        ("companyInfo.website", "TextValue", "https://example.com"),
        ("companyInfo.address1", "TextValue", "1 Main Street"),
        ("contactInfo.supportEmail", "TextValue", "support@example.com"),
        ("contactInfo.supportPhoneNumber", "TextValue", "+12065550100"),
        ("messagingUseCase.monthlyMessageVolume", "SelectChoices", ["1,000"]),
        ("messagingUseCase.useCaseCategory", "SelectChoices", ["ONE_TIME_PASSWORD"]),
        ("messagingUseCase.optInDescription", "TextValue", "Users enter their number on the sign-in page."),
        ("messageSamples.messageSample1", "TextValue", "Your sign-in code is 123456"),
    ]

    /// A toll-free registration in `region` with its REQUIRED fields filled in, submitted and decided by the emulator's
    /// reviewer (`outcome` APPROVED, DENIED with `reasons`, REVIEWING), or left `CREATED` when `outcome` is nil; its id.
    /// Before it is submitted a toll-free number of its own is requested and associated with it (a toll-free
    /// registration is ASSOCIATE_BEFORE_SUBMIT); that number carries the registration's id once it is approved.
    static func registration(_ client: AWSClient, region: String, outcome: String?,
                             reasons: [[String: String]] = []) async throws -> String {
        let smsVoice = SMSVoice(client: client, region: region)
        let created = try await smsVoice.call("CreateRegistration", ["RegistrationType": "US_TOLL_FREE_REGISTRATION"])
        let id = try #require(created["RegistrationId"]?.stringValue)
        for field in tollFreeFieldValues {
            let input: [String: JSONValue] = ["RegistrationId": .string(id), "FieldPath": .string(field.path),
                                              field.member: field.value]
            _ = try await smsVoice.call("PutRegistrationFieldValue", .object(input))
        }
        guard let outcome else { return id }
        let number = try await smsVoice.call("RequestPhoneNumber", [
            "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], "NumberType": "TOLL_FREE",
        ])
        let numberId = try #require(number["PhoneNumberId"]?.stringValue)
        _ = try await smsVoice.call("CreateRegistrationAssociation", ["RegistrationId": .string(id),
                                                                      "ResourceId": .string(numberId)])
        _ = try await smsVoice.call("SubmitRegistrationVersion", ["RegistrationId": .string(id)])
        let body: [String: Any] = ["region": region, "registrationId": id, "outcome": outcome, "reasons": reasons]
        _ = try await Emulator.fromEnvironment().control("POST", "sms-voice-registration-review",
                                                         body: try JSONSerialization.data(withJSONObject: body))
        return id
    }

    @Test func goodSetupPassesWithOnlyTheSandboxAndProtectionWarnings() async throws {
        let (environment, client) = try await Self.setUp(region: "ap-south-2")
        let approved = try await Self.registration(client, region: "ap-south-2", outcome: "APPROVED")
        let workspace = try Workspace(region: "ap-south-2", number: true, registration: approved)
        try await Self.apply(workspace, environment: environment)
        let (status, report) = try await Self.doctorJSON(workspace, environment: environment)
        #expect(status == 0)
        #expect(report.failed == 0)
        for id in ["pool-exists", "sms-role-exists", "sms-role-trust", "sms-role-publish", "pool-sms-configuration", "mfa-sms"] {
            #expect(try report.check(id, of: workspace.pool).result == "pass", "\(id)")
        }
        let region = "Region/\(workspace.region)"
        #expect(try report.check("us-origination", of: region).result == "pass")
        #expect(try report.check("us-registration", of: region).result == "pass")
        #expect(try report.check("spend-limit", of: region).message.contains("50 USD"))
        #expect(try report.check("sms-sandbox", of: region).result == "warn")
        #expect(try report.check("sms-protection", of: region).message
                == "no account-default protect configuration: SMS can be sent to every country (SMS pumping)")
        #expect(report.passed + report.warnings == report.checks.count)

        let text = try await CLIRunner.run(["doctor", workspace.manifests.path], environment: environment)
        #expect(text.status == 0)
        #expect(text.stdout.contains("PASS \(workspace.pool): SMS role \(workspace.roleName) trusts Cognito with the right external id"))
        #expect(text.stdout.contains("failed (no failures)."))
    }

    @Test func aFolderWithoutUserPoolsGetsTheRegionChecksOfItsResourcesOrOfRegion() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("""
            apiVersion: smsauth/v1
            kind: SmsAccountSettings
            metadata: {name: me-central-1}
            spec:
              region: me-central-1
              defaultSmsType: Transactional

            """.utf8).write(to: root.appendingPathComponent("settings.yaml"))
        let (environment, _) = try await Self.setUp(region: "mx-central-1")
        let result = try await CLIRunner.run(["doctor", root.path, "--output", "json"], environment: environment)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        for id in ["sms-sandbox", "us-origination", "spend-limit"] {
            #expect(report.checks.contains { $0.check == id && $0.resource == "Region/me-central-1" }, "\(id)")
        }
        #expect(!report.checks.contains { $0.resource == "Region/mx-central-1" }, "the folder's region, not the default")

        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let flagged = try await CLIRunner.run(["doctor", empty.path, "--output", "json", "--region", "mx-central-1"],
                                              environment: environment)
        let byFlag = try JSONDecoder().decode(Report.self, from: Data(flagged.stdout.utf8))
        for id in ["sms-sandbox", "us-origination", "spend-limit"] {
            #expect(byFlag.checks.contains { $0.check == id && $0.resource == "Region/mx-central-1" },
                    "\(id): \(flagged.stdout)\(flagged.stderr)")
        }
    }

    @Test func brokenSetupNamesEveryProblemWithItsFix() async throws {
        let workspace = try Workspace(region: "af-south-1", number: false)
        let (environment, client) = try await Self.setUp(region: workspace.region)
        try await Self.apply(workspace, environment: environment)
        let wrongTrust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                "Condition": ["StringEquals": ["sts:ExternalId": "wrong-id", "aws:SourceAccount": "123456789012"]],
            ]],
        ])
        try await IAM(client: client).updateAssumeRolePolicy(roleName: workspace.roleName, policy: wrongTrust)
        try await SNS(client: client, region: workspace.region).setSMSAttributes(["MonthlySpendLimit": "0"])

        let (status, report) = try await Self.doctorJSON(workspace, environment: environment)
        #expect(status == 1)
        let trust = try report.check("sms-role-trust", of: workspace.pool)
        #expect(trust.result == "fail")
        #expect(trust.message.contains("wrong-id") && trust.message.contains("ext-\(workspace.suffix)"))
        #expect(trust.fix?.contains("smsauth reconcile") == true)
        let region = "Region/\(workspace.region)"
        let number = try report.check("us-origination", of: region)
        #expect(number.result == "fail")
        #expect(number.fix?.contains("OriginationIdentity") == true)
        let spend = try report.check("spend-limit", of: region)
        #expect(spend.result == "fail")
        #expect(spend.message.contains("0 USD"))
        #expect(report.failed == 3)
        #expect(try report.check("sms-role-publish", of: workspace.pool).result == "pass")

        let text = try await CLIRunner.run(["doctor", workspace.manifests.path], environment: environment)
        #expect(text.status == 1)
        #expect(text.stdout.contains("FAIL \(workspace.pool): SMS role \(workspace.roleName) trusts Cognito only with external id wrong-id"))
        #expect(text.stdout.contains("FAIL \(region): no ACTIVE US origination number"))
        #expect(text.stdout.contains("FAIL \(region): the monthly SMS spend limit is 0 USD"))
        #expect(text.stdout.contains("3 failed (SMS sign-in will not work)."))
    }

    @Test func roleManagedElsewhereIsReadWithItsAttachedPolicy() async throws {
        let workspace = try Workspace(region: "eu-south-1", number: false)
        let (environment, client) = try await Self.setUp(region: workspace.region)
        let iam = IAM(client: client)
        let role = try await iam.createRole(IAM.CreateRoleInput(
            roleName: "outside-\(workspace.suffix)", assumeRolePolicy: PolicyDocument([
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole",
                    "Condition": ["StringEquals": ["sts:ExternalId": "outside-id", "aws:SourceAccount": "123456789012"]],
                ]],
            ])))
        var create = QueryParameters()
        create.set("PolicyName", "publish-\(workspace.suffix)")
        create.set("PolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:*","Resource":"*"}]}"#)
        let policy = try await client.query(.iam, region: "us-east-1", action: "CreatePolicy", parameters: create)
        let policyArn = policy.value("Policy", "Arn") ?? ""
        #expect(policyArn.hasPrefix("arn:aws:iam::"))
        var attach = QueryParameters()
        attach.set("RoleName", role.name)
        attach.set("PolicyArn", policyArn)
        _ = try await client.query(.iam, region: "us-east-1", action: "AttachRolePolicy", parameters: attach)
        let manifest = """
            apiVersion: smsauth/v1
            kind: UserPool
            metadata: {name: pool-\(workspace.suffix)}
            spec:
              region: \(workspace.region)
              poolName: Outside \(workspace.suffix)
              autoVerifiedAttributes: [phone_number]
              smsRoleArn: \(role.arn)
              smsExternalId: outside-id

            """
        try Data(manifest.utf8).write(to: workspace.manifests.appendingPathComponent("setup.yaml"))
        try await Self.apply(workspace, environment: environment)

        let (_, report) = try await Self.doctorJSON(workspace, environment: environment)
        let publish = try report.check("sms-role-publish", of: workspace.pool)
        #expect(publish.result == "pass")
        #expect(publish.message.contains("attached policy") && publish.message.contains("publish-\(workspace.suffix)"))
        #expect(try report.check("sms-role-trust", of: workspace.pool).result == "pass")
        #expect(try report.check("pool-sms-configuration", of: workspace.pool).result == "pass")
    }
}

/// `us-registration` through the binary: a toll-free number whose registration is under review, then denied with the
/// reviewer's reasons, fails the check naming the phase and the reasons; approved, it passes.
@Suite struct DoctorRegistrationCommandTests {
    @Test func unapprovedRegistrationFailsWithItsPhaseAndTheReviewersReasons() async throws {
        let region = "eu-central-2"  // no other test requests US numbers here
        let (environment, client) = try await DoctorCommandTests.setUp(region: region)
        let registration = try await DoctorCommandTests.registration(client, region: region, outcome: "REVIEWING")
        let workspace = try DoctorCommandTests.Workspace(region: region, number: true, registration: registration)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try await DoctorCommandTests.apply(workspace, environment: environment)

        let (reviewing, report) = try await DoctorCommandTests.doctorJSON(workspace, environment: environment)
        #expect(reviewing == 1)
        let check = try report.check("us-registration", of: "Region/\(region)")
        #expect(check.result == "fail")
        #expect(check.message.contains("registration \(registration) is REVIEWING"), "\(check.message)")

        let reasons = [["Reason": "OPT_IN", "ShortDescription": "The opt-in workflow is missing"]]
        let body: [String: Any] = ["region": region, "registrationId": registration, "outcome": "DENIED", "reasons": reasons]
        _ = try await Emulator.fromEnvironment().control("POST", "sms-voice-registration-review",
                                                         body: try JSONSerialization.data(withJSONObject: body))
        let (_, denied) = try await DoctorCommandTests.doctorJSON(workspace, environment: environment)
        let deniedCheck = try denied.check("us-registration", of: "Region/\(region)")
        #expect(deniedCheck.result == "fail")
        #expect(deniedCheck.message.contains("is REQUIRES_UPDATES (latest version DENIED); the reviewer's reasons: The opt-in workflow is missing (OPT_IN)"),
                "\(deniedCheck.message)")
        #expect(deniedCheck.fix?.contains("submit a new version") == true)

        let smsVoice = SMSVoice(client: client, region: region)
        _ = try await smsVoice.call("CreateRegistrationVersion", ["RegistrationId": .string(registration)])
        _ = try await smsVoice.call("SubmitRegistrationVersion", ["RegistrationId": .string(registration)])
        let approve: [String: Any] = ["region": region, "registrationId": registration, "outcome": "APPROVED"]
        _ = try await Emulator.fromEnvironment().control("POST", "sms-voice-registration-review",
                                                         body: try JSONSerialization.data(withJSONObject: approve))
        let (_, approved) = try await DoctorCommandTests.doctorJSON(workspace, environment: environment)
        #expect(try approved.check("us-registration", of: "Region/\(region)").result == "pass")
    }
}
