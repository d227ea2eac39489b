import Foundation
import Testing
import TestSupport

/// The AWS calls of a plan over existing resources equal the documented minimum (docs/api-calls.md): the real
/// binary applies two resources of each kind (one SmsAccountSettings: one per region, naming the first SmsLogRole)
/// in one region, then a second
/// `--dry-run` is counted through the emulator's call log. benchmarks/plan_api_calls.sh does the same with 500.
@Suite struct PlanCallCountTests {
    /// A region no other end-to-end test uses: lists per region (phone numbers, sandbox numbers) see only this
    /// test's resources.
    static let region = "ap-northeast-2"

    /// The documented steady-state calls for `PlanCallCountManifests` (docs/api-calls.md), by operation.
    static let documented: [String: Int] = [
        "GetCallerIdentity": 1,
        "GetRole": 4, "GetRolePolicy": 4,
        "DescribeUserPool": 2,
        "DescribeUserPoolClient": 2,
        "GetUserPoolMfaConfig": 2,
        "ListSMSSandboxPhoneNumbers": 1, "DescribeVerifiedDestinationNumbers": 1,
        "GetSMSAttributes": 1, "GetSMSSandboxAccountStatus": 1,
        "DescribePhoneNumbers": 1, "ListTagsForResource": 11,
        "DescribeConfigurationSets": 4,
        "DescribeProtectConfigurations": 1, "GetProtectConfigurationCountryRuleSet": 2,
        "DescribePools": 1, "ListPoolOriginationIdentities": 2,
        "DescribeRegistrations": 2, "DescribeRegistrationVersions": 2, "DescribeRegistrationFieldValues": 2,
    ]

    @Test func secondDryRunMakesExactlyTheDocumentedCalls() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        try await emulator.keepOperationsPageSize(accessKeyId: principal.accessKeyId)
        let root = try PlanCallCountManifests.write(region: Self.region)
        defer { try? FileManager.default.removeItem(at: root) }
        let environment = emulator.environment(for: principal, region: Self.region)

        let apply = try await CLIRunner.run(["reconcile", "manifests"], environment: environment, directory: root)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains(" 0 failed, 0 blocked, 0 refused"), "\(apply.stdout)")
        let afterApply = try await emulator.calls(accessKeyId: principal.accessKeyId).count
        // The apply read the toll-free field definitions once and cached them in the status folder: the plan below
        // reuses them (docs/api-calls.md: DescribeRegistrationFieldDefinitions, 0 in the steady state).
        let applyCalls = try await emulator.calls(accessKeyId: principal.accessKeyId)
        #expect(applyCalls.filter { $0.operation == "DescribeRegistrationFieldDefinitions" }.count == 1)
        let cache = root.appendingPathComponent(".smsauth/manifests/status/.cache/registration-field-definitions/\(Self.region)/"
                                                + "US_TOLL_FREE_REGISTRATION.json")
        #expect(FileManager.default.fileExists(atPath: cache.path), "\(cache.path)")
        // The apply's second read finds what it created by the ids the creates returned (docs/api-calls.md,
        // "Writes"): the region's pools are listed once, by the plan, and the new clients are described by their
        // ids, their pool never listed.
        let applied = Dictionary(applyCalls.map { ($0.operation, 1) }, uniquingKeysWith: +)
        #expect(applied["ListUserPools"] == 1, "\(applied)")
        #expect(applied["ListUserPoolClients"] == nil, "\(applied)")
        #expect(applied["DescribeUserPoolClient"] == 2, "\(applied)")

        let plan = try await CLIRunner.run(["reconcile", "manifests", "--dry-run", "--detailed-exitcode"],
                                           environment: environment, directory: root)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout == "No changes. 23 unchanged.\n")
        let calls = Array(try await emulator.calls(accessKeyId: principal.accessKeyId).dropFirst(afterApply))
        #expect(calls.allSatisfy { $0.status == 200 }, "\(calls.filter { $0.status != 200 })")
        let measured = Dictionary(calls.map { ($0.operation, 1) }, uniquingKeysWith: +)
        #expect(measured == Self.documented)
        #expect(calls.count == 47)
        // The connections are kept alive: the 47 calls, at most 16 in flight (`--concurrency`'s default), share at
        // most 16 connections rather than one each.
        let connections = Set(calls.compactMap(\.connection))
        #expect(calls.allSatisfy { $0.connection != nil })
        #expect(connections.count <= 16, "\(connections.count) connections for \(calls.count) calls")

        // `--rate-limit` bounds the same plan's calls: 8 IAM calls at 1/s with a burst of 1 need at least 7 s.
        let started = ContinuousClock.now
        let limited = try await CLIRunner.run(
            ["reconcile", "manifests", "--dry-run", "--detailed-exitcode", "--rate-limit", "iam:default=1/1"],
            environment: environment, directory: root)
        let elapsed = ContinuousClock.now - started
        #expect(limited.status == 0 && limited.stdout == plan.stdout, "\(limited.stdout)\(limited.stderr)")
        #expect(elapsed >= .milliseconds(6900), "\(elapsed)")

        // Every Cognito call the apply and the plans made falls in one of Cognito's quota categories.
        let all = try await emulator.calls(accessKeyId: principal.accessKeyId)
        #expect(all.contains { $0.service == "cognito-idp" })
        #expect(RateLimitCoverageTests.uncategorised(all).isEmpty, "\(RateLimitCoverageTests.uncategorised(all))")
    }

    @Test func dryRunOfAnEmptyFolderCallsOnlyGetCallerIdentity() async throws {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-calls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try await CLIRunner.run(["reconcile", "manifests", "--dry-run"],
                                           environment: emulator.environment(for: principal), directory: root)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(try await emulator.calls(accessKeyId: principal.accessKeyId).map(\.operation) == ["GetCallerIdentity"])
    }
}

/// The manifests of `PlanCallCountTests`: two of each kind (one SmsAccountSettings, with delivery-status logging
/// through the first SmsLogRole) in one region, both app clients
/// in the first pool (each described by the id its status records), one phone pool per origination number; the second SMS
/// role and pool on the End User Messaging path, with the second ConfigurationSet; each SmsProtection associated with one set;
/// each Registration a draft of one field;
/// the first SandboxNumber in SNS's sandbox, the second in End User Messaging's.
enum PlanCallCountManifests {
    /// Writes `<new folder>/manifests/all.yaml` and returns the new folder. Role, pool and origination identity
    /// names carry a unique suffix (IAM names are global; an identity's ClientToken comes from its name); the
    /// sandbox numbers are fixed, so repeated runs against one emulator never exceed the sandbox's 10 numbers.
    static func write(region: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-calls-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        try documents(region: region, suffix: String(suffix)).joined(separator: "---\n")
            .write(to: folder.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    /// The manifest documents.
    static func documents(region: String, suffix: String) -> [String] {
        var documents: [String] = []
        for index in 0..<2 {
            // The second role and pool send through End User Messaging SMS: a no-op plan costs the same on both paths.
            let endUserMessaging = index == 1
            documents.append(manifest("SmsRole", "role-\(index)", [
                "roleName: pcc-\(suffix)-\(index)", "externalId: pcc-\(suffix)-external-\(index)",
            ] + (endUserMessaging ? ["service: endUserMessaging"] : [])))
            documents.append(manifest("SmsLogRole", "logs-\(index)", ["roleName: pcc-\(suffix)-logs-\(index)"]))
            documents.append(manifest("UserPool", "pool-\(index)", [
                "region: \(region)", "poolName: pcc-\(suffix)-\(index)", "smsRole: role-\(index)",
                "autoVerifiedAttributes: [phone_number]",
            ] + (endUserMessaging ? ["smsService: endUserMessaging", "smsConfigurationSetRef: events-1"] : [])))
            documents.append(manifest("ConfigurationSet", "events-\(index)", [
                "region: \(region)", "name: pcc-\(suffix)-events-\(index)", "defaultMessageType: TRANSACTIONAL",
                "eventDestinations:", "  - name: delivery", "    matchingEventTypes: [TEXT_ALL]",
                "    sns: {topicArn: \"arn:aws:sns:\(region):123456789012:sms-events\"}",
            ]))
            documents.append(manifest("SmsProtection", "shield-\(index)", [
                "region: \(region)", "sms: {allow: [US]}", "configurationSets: [events-\(index)]",
            ]))
            documents.append(manifest("AppClient", "client-\(index)", [
                "userPool: pool-0", "clientName: client-\(index)", "generateSecret: false",
            ]))
            documents.append(manifest("MfaPolicy", "mfa-\(index)", [
                "userPool: pool-\(index)", "mode: OPTIONAL", "totp: {enabled: true}",
            ]))
            // The region's pools use both services, so each number says which sandbox it is in.
            documents.append(manifest("SandboxNumber", "tester-\(index)", [
                "region: \(region)", "phoneNumber: \"+1206555017\(index)\"", "languageCode: en-US",
                "service: \(endUserMessaging ? "endUserMessaging" : "sns")",
            ]))
            documents.append(manifest("OriginationIdentity", "number-\(suffix)-\(index)", [
                "region: \(region)", "phoneNumber:", "  isoCountryCode: US", "  numberType: TOLL_FREE",
                "  messageType: TRANSACTIONAL", "  capabilities: [SMS]",
                "  registrationId: registration-0123456789abcdef0123456789abcdef", "purchaseApproved: true",
            ]))
            documents.append(manifest("Registration", "registration-\(index)", [
                "region: \(region)", "registrationType: US_TOLL_FREE_REGISTRATION",
                "fields: {companyInfo.companyName: Example \(index) Inc.}",
            ]))
            documents.append(manifest("PhonePool", "senders-\(index)", [
                "region: \(region)", "originationIdentities: [number-\(suffix)-\(index)]", "isoCountryCode: US",
                "messageType: TRANSACTIONAL",
            ]))
        }
        documents.append(manifest("SmsAccountSettings", region, [
            "region: \(region)", "defaultSmsType: Transactional", "deliveryStatus: {role: logs-0, successSamplingRate: 10}",
        ]))
        return documents
    }

    /// One manifest document with `spec` lines.
    static func manifest(_ kind: String, _ name: String, _ spec: [String]) -> String {
        (["apiVersion: smsauth/v1", "kind: \(kind)", "metadata:", "  name: \(name)", "spec:"]
            + spec.map { "  \($0)" }).joined(separator: "\n") + "\n"
    }
}
